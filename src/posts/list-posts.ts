// The upcoming posts a user sees in /share list: their own, or the whole team's for admins.
import { isAdmin } from "../auth/admins.js";
import type { AppDeps } from "../container.js";
import type { Post } from "../generated/prisma/client.js";
import { ensureWorkspace } from "../workspaces/workspace.js";

export const LIST_LIMIT = 20;

export async function listUpcoming(
  deps: AppDeps,
  input: { teamId: string; userId: string },
): Promise<{ posts: Post[]; total: number; everyone: boolean }> {
  const workspace = await ensureWorkspace(deps.db, input.teamId);
  const everyone = await isAdmin(
    { users: deps.users, envAdmins: deps.env.ADMIN_SLACK_USER_IDS },
    workspace,
    input.userId,
  );
  const where = {
    workspaceId: workspace.id,
    status: { in: ["scheduled" as const, "failed" as const] },
    ...(everyone ? {} : { authorUserId: input.userId }),
  };
  const [posts, total] = await Promise.all([
    deps.db.post.findMany({ where, orderBy: { publishAt: "asc" }, take: LIST_LIMIT }),
    deps.db.post.count({ where }),
  ]);
  return { posts, total, everyone };
}
