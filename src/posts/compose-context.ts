// What the compose modal needs to open: the user's zone and the accounts they can post as.
import { isAdmin } from "../auth/admins.js";
import type { AppDeps } from "../container.js";
import { ensureWorkspace } from "../workspaces/workspace.js";
import { activeConnections, noConnectionMessage } from "./active-connections.js";
import { userZone } from "./user-zone.js";

export type ComposeContext =
  | {
      ok: true;
      timeZone: string;
      zoneNote?: string;
      connections: { id: string; displayName: string; kind: "member" | "organization" }[];
      /** The workspace's default channel for status messages, from the Home tab's settings. */
      defaultChannelId?: string;
    }
  | { ok: false; message: string };

export async function composeContext(deps: AppDeps, teamId: string, userId: string): Promise<ComposeContext> {
  const workspace = await ensureWorkspace(deps.db, teamId);
  const [zone, connections] = await Promise.all([
    userZone(deps.users, userId),
    activeConnections(deps.db, workspace.id),
  ]);
  if (connections.length === 0) {
    const admin = await isAdmin(
      { users: deps.users, envAdmins: deps.env.ADMIN_SLACK_USER_IDS },
      workspace,
      userId,
    );
    return { ok: false, message: noConnectionMessage(admin) };
  }
  return {
    ok: true,
    timeZone: zone.timeZone,
    ...(zone.fallbackNote ? { zoneNote: zone.fallbackNote } : {}),
    connections: connections.map((c) => ({ id: c.id, displayName: c.displayName, kind: c.kind })),
    ...(workspace.defaultChannelId ? { defaultChannelId: workspace.defaultChannelId } : {}),
  };
}
