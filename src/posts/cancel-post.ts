// Cancelling a post (scheduled or failed): one guarded transition, post/cancelled so a sleeping run
// stops, and the living message updated. Only the author or an admin, checked here.
import type { AppDeps } from "../container.js";
import { AppError } from "../errors.js";
import type { Post } from "../generated/prisma/client.js";
import { postCancelled } from "../inngest/events.js";
import { ensureWorkspace } from "../workspaces/workspace.js";
import { syncLivingMessage } from "./living-message.js";
import { assertCanManage, findPost } from "./post-access.js";
import { transition } from "./transitions.js";

const NOT_CANCELLABLE: Record<string, string> = {
  publishing: "is being published right now and can no longer be cancelled",
  published: "is already published on LinkedIn; delete it there if needed",
  cancelled: "was already cancelled",
};

export async function cancelPost(
  deps: AppDeps,
  input: { teamId: string; actorId: string; postRef: string },
): Promise<Post> {
  const workspace = await ensureWorkspace(deps.db, input.teamId);
  const post = await findPost(deps, workspace, input.postRef);
  await assertCanManage(deps, workspace, post, input.actorId, "cancel");
  const cancelled = await transition(deps.db, {
    postId: post.id,
    from: ["scheduled", "failed"],
    to: "cancelled",
    actor: input.actorId,
    kind: "cancelled",
    detail: { version: post.version },
  });
  if (!cancelled) {
    const current = await deps.db.post.findUniqueOrThrow({ where: { id: post.id } });
    throw new AppError(
      "conflict",
      `Post \`${post.shortId}\` ${NOT_CANCELLABLE[current.status] ?? "can no longer be cancelled"}.`,
    );
  }
  // The database is the guard (a run re-reads the post before publishing); the event just ends a
  // sleeping run early, so a failure here is logged, not fatal.
  await deps.inngest
    .send(postCancelled.create({ postId: post.id }, { id: `post-${post.id}-cancelled-v${post.version}` }))
    .catch((err: unknown) => deps.logger.warn({ err, postId: post.id }, "post/cancelled not accepted"));
  await syncLivingMessage(deps, post.id).catch((err: unknown) =>
    deps.logger.warn({ err, postId: post.id }, "could not update the living message after cancel"),
  );
  return cancelled;
}
