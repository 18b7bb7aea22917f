// GET /healthz: 200 when the database answers, 503 when it does not.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Db, pingDatabase } from "../db.js";

export function healthHandler(db: Db) {
  return async (_req: IncomingMessage, res: ServerResponse) => {
    const dbUp = await pingDatabase(db);
    res.writeHead(dbUp ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify({ status: dbUp ? "ok" : "unavailable", database: dbUp ? "up" : "down" }));
  };
}
