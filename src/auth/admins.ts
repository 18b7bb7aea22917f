// Who is an admin: Slack workspace admins and owners (users.info), the users in
// ADMIN_SLACK_USER_IDS, and the extra admins saved in the workspace's settings.
// Checked on the server for every admin action, whatever the payload says.
import type { UserDirectory } from "../slack/user-directory.js";

export async function isAdmin(
  deps: { users: UserDirectory; envAdmins: readonly string[] },
  workspace: { adminUserIds: readonly string[] } | null,
  userId: string,
): Promise<boolean> {
  if (deps.envAdmins.includes(userId)) return true;
  if (workspace?.adminUserIds.includes(userId)) return true;
  try {
    return (await deps.users.get(userId)).isWorkspaceAdmin;
  } catch {
    // Fail closed: without Slack's answer only the configured admins are admins.
    return false;
  }
}
