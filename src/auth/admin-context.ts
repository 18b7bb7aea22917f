// Resolves the workspace and whether the user is an admin there: the server-side check every admin
// action goes through, whatever the Slack payload claims.
import type { Db } from "../db.js";
import type { Env } from "../env.js";
import type { Workspace } from "../generated/prisma/client.js";
import type { UserDirectory } from "../slack/user-directory.js";
import { ensureWorkspace } from "../workspaces/workspace.js";
import { isAdmin } from "./admins.js";

export type AdminDeps = { db: Db; users: UserDirectory; env: Pick<Env, "ADMIN_SLACK_USER_IDS"> };

export async function adminContext(
  deps: AdminDeps,
  teamId: string,
  userId: string,
): Promise<{ workspace: Workspace; isAdmin: boolean }> {
  // Read first: the Home tab asks on every open, and an upsert is a write.
  const workspace =
    (await deps.db.workspace.findUnique({ where: { slackTeamId: teamId } })) ??
    (await ensureWorkspace(deps.db, teamId));
  const admin = await isAdmin(
    { users: deps.users, envAdmins: deps.env.ADMIN_SLACK_USER_IDS },
    workspace,
    userId,
  );
  return { workspace, isAdmin: admin };
}

/** The people told about connection problems: configured and extra admins (Slack admins cannot be listed cheaply). */
export function notifiableAdmins(env: Pick<Env, "ADMIN_SLACK_USER_IDS">, workspace: Workspace): string[] {
  return [...new Set([...env.ADMIN_SLACK_USER_IDS, ...workspace.adminUserIds])];
}
