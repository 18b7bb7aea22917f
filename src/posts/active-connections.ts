// The LinkedIn accounts a workspace can post as.
import type { Db } from "../db.js";
import type { LinkedInConnection } from "../generated/prisma/client.js";

export function activeConnections(db: Db, workspaceId: string): Promise<LinkedInConnection[]> {
  return db.linkedInConnection.findMany({
    where: { workspaceId, status: "active" },
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
  });
}

export function noConnectionMessage(admin: boolean): string {
  return admin
    ? "No LinkedIn account is connected yet. Open this app's *Home* tab and choose *Connect LinkedIn*, then schedule again."
    : "No LinkedIn account is connected yet. Ask a workspace admin to connect one from this app's *Home* tab.";
}
