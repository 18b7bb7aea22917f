// /api/inngest: Inngest's executor calls this to sync and run the functions (signed in cloud mode).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { InngestFunction } from "inngest";
import { serve } from "inngest/node";
import type { InngestClient } from "../inngest/client.js";

export const INNGEST_PATH = "/api/inngest";

export function inngestHandler(
  client: InngestClient,
  functions: InngestFunction.Like[],
  serveOrigin?: string,
) {
  const handler = serve({
    client,
    functions,
    servePath: INNGEST_PATH,
    ...(serveOrigin ? { serveOrigin } : {}),
  });
  return (req: IncomingMessage, res: ServerResponse) => {
    void handler(req, res);
  };
}
