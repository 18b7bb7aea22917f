// Disconnecting a LinkedIn connection (admins): it stops being used and its tokens are erased. Its
// scheduled posts stay scheduled and show that they need a connection.
import { type AdminDeps, adminContext } from "../auth/admin-context.js";
import type { Logger } from "../logger.js";

export type DisconnectResult =
  | { kind: "forbidden" }
  | { kind: "not_found" }
  | { kind: "disconnected"; displayName: string; scheduledPosts: number };

export async function disconnectConnection(
  deps: AdminDeps & { logger: Logger },
  teamId: string,
  userId: string,
  connectionId: string,
): Promise<DisconnectResult> {
  const { workspace, isAdmin } = await adminContext(deps, teamId, userId);
  if (!isAdmin) return { kind: "forbidden" };
  const connection = await deps.db.linkedInConnection.findFirst({
    where: { id: connectionId, workspaceId: workspace.id, status: { not: "disconnected" } },
    select: { id: true, displayName: true },
  });
  if (!connection) return { kind: "not_found" };
  const { count } = await deps.db.linkedInConnection.updateMany({
    where: { id: connection.id, status: { not: "disconnected" } },
    data: { status: "disconnected", accessTokenEnc: "", refreshTokenEnc: null, lastReminderDays: null },
  });
  if (count === 0) return { kind: "not_found" };
  const scheduledPosts = await deps.db.post.count({
    where: { connectionId: connection.id, status: "scheduled" },
  });
  deps.logger.info(
    { workspaceId: workspace.id, connectionId: connection.id, userId, scheduledPosts },
    "LinkedIn connection disconnected",
  );
  return { kind: "disconnected", displayName: connection.displayName, scheduledPosts };
}
