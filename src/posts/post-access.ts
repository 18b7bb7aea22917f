// Finding a post in a workspace and checking who may change it: its author or an admin, decided on
// the server for every action, whatever the payload says.
import { isAdmin } from "../auth/admins.js";
import type { AppDeps } from "../container.js";
import { AppError } from "../errors.js";
import type { Post, Workspace } from "../generated/prisma/client.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findPost(deps: Pick<AppDeps, "db">, workspace: Workspace, ref: string): Promise<Post> {
  const key = ref.trim().replace(/^`|`$/g, "").toLowerCase();
  const post = UUID.test(key)
    ? await deps.db.post.findFirst({ where: { id: key, workspaceId: workspace.id } })
    : /^[a-z0-9]{1,32}$/.test(key)
      ? await deps.db.post.findFirst({ where: { shortId: key, workspaceId: workspace.id } })
      : null;
  if (!post) {
    throw new AppError(
      "not_found",
      `I can't find a post with id \`${key.slice(0, 40)}\` in this workspace. \`/share list\` shows your upcoming posts and their ids.`,
    );
  }
  return post;
}

export async function assertCanManage(
  deps: Pick<AppDeps, "users" | "env">,
  workspace: Workspace,
  post: Post,
  actorId: string,
  verb: string,
): Promise<{ asAdmin: boolean }> {
  if (post.authorUserId === actorId) return { asAdmin: false };
  if (await isAdmin({ users: deps.users, envAdmins: deps.env.ADMIN_SLACK_USER_IDS }, workspace, actorId)) {
    return { asAdmin: true };
  }
  throw new AppError(
    "forbidden",
    `Only <@${post.authorUserId}> (who wrote it) or an admin can ${verb} post \`${post.shortId}\`.`,
  );
}
