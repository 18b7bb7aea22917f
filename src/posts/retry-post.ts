// Retrying a failed post: its author or an admin (checked here, on the server) schedules it again for
// now, with a new version, so any older run stays harmless. One guarded transition with its audit row,
// then post/scheduled (the sweep re-sends it if Inngest does not accept it), then the living message.
import { accessTokenFor, ConnectionUnusableError } from "../connections/access-token.js";
import type { AppDeps } from "../container.js";
import { AppError } from "../errors.js";
import type { Post } from "../generated/prisma/client.js";
import { ensureWorkspace } from "../workspaces/workspace.js";
import { syncLivingMessage } from "./living-message.js";
import { assertCanManage, findPost } from "./post-access.js";
import { sendScheduledEvent } from "./scheduled-event.js";
import { transition } from "./transitions.js";

const NOT_RETRYABLE: Record<string, string> = {
  scheduled: "is already scheduled; it will be published at its time",
  publishing: "is being published right now",
  published: "is already published on LinkedIn",
  cancelled: "was cancelled; schedule it again with `/share`",
};

export async function retryPost(
  deps: AppDeps,
  input: { teamId: string; actorId: string; postRef: string },
): Promise<{ post: Post; eventAccepted: boolean }> {
  const workspace = await ensureWorkspace(deps.db, input.teamId);
  const post = await findPost(deps, workspace, input.postRef);
  await assertCanManage(deps, workspace, post, input.actorId, "retry");
  if (post.status !== "failed") {
    throw new AppError(
      "conflict",
      `Post \`${post.shortId}\` ${NOT_RETRYABLE[post.status] ?? "can't be retried"}.`,
    );
  }
  // A retry that can only fail again helps nobody: say what must be fixed first.
  try {
    await accessTokenFor(deps, post.connectionId);
  } catch (err) {
    if (err instanceof ConnectionUnusableError) throw new AppError("no_connection", err.message);
    // A transient problem (LinkedIn unreachable while refreshing): the run will retry it.
  }
  const retried = await transition(deps.db, {
    postId: post.id,
    from: ["failed"],
    to: "scheduled",
    version: post.version,
    actor: input.actorId,
    kind: "retried",
    detail: { version: post.version + 1, previousError: post.lastError },
    // publishAttemptAt is kept: if an earlier attempt reached LinkedIn after all, the run records
    // LinkedIn's duplicate answer as this post's publication instead of posting twice.
    data: {
      version: { increment: 1 },
      publishAt: deps.clock(),
      lastError: null,
      eventSentAt: null,
    },
  });
  if (!retried) {
    throw new AppError("conflict", `Post \`${post.shortId}\` changed meanwhile; look at its message again.`);
  }
  const eventAccepted = await sendScheduledEvent(deps, retried);
  await syncLivingMessage(deps, post.id).catch((err: unknown) =>
    deps.logger.warn({ err, postId: post.id }, "could not update the living message after retry"),
  );
  return { post: retried, eventAccepted };
}
