// Recording that a post could not be published: one guarded transition to `failed`, only at the run's
// version (a stale run never touches a newer version), with the reason the channel will see.
// Used by the publish step (permanent failures) and by publish-post's onFailure (retries used up).
import type { Db } from "../db.js";
import type { Post } from "../generated/prisma/client.js";
import { transition } from "./transitions.js";

const MAX_REASON_CHARS = 500;

export type FailureInput = {
  postId: string;
  version: number;
  /** User-facing reason: shown in the living message and the thread reply. */
  reason: string;
  /** Machine-readable cause, for the audit trail (e.g. "unauthorized", "retries_exhausted"). */
  code: string;
  /** The connection LinkedIn stopped accepting, when this failure made it `needs_reconnect`. */
  alertConnectionId?: string;
};

export async function markPublishFailed(db: Db, input: FailureInput): Promise<Post | null> {
  const reason =
    input.reason.length > MAX_REASON_CHARS ? `${input.reason.slice(0, MAX_REASON_CHARS - 1)}…` : input.reason;
  return transition(db, {
    postId: input.postId,
    from: ["scheduled", "publishing"],
    to: "failed",
    version: input.version,
    actor: "system",
    kind: "failed",
    detail: {
      version: input.version,
      code: input.code,
      reason,
      ...(input.alertConnectionId ? { alertConnectionId: input.alertConnectionId } : {}),
    },
    data: { lastError: reason },
  });
}

/** Error names whose message was written for users by the publish step (see publish-post.ts). */
const USER_FACING_ERRORS = new Set(["NonRetriableError", "RetryAfterError", "PublishRetryableError"]);

export const INTERNAL_FAILURE_REASON =
  "Publishing stopped because of an error on our side (details are in the app's logs). Press Retry to try again.";

/** The reason to show for a run that failed: our own messages as they are, anything else generically. */
export function reasonForRunError(error: { name?: string; message?: string } | undefined): string {
  if (error?.name && error.message && USER_FACING_ERRORS.has(error.name)) return error.message;
  return INTERNAL_FAILURE_REASON;
}

export type RunFailureOutcome = {
  /** The post is failed at the run's version: update the living message and tell the author. */
  announce: boolean;
  /** Tell the connection's owner and the admins that LinkedIn must be reconnected. */
  alertConnectionId: string | null;
};

/**
 * After a publish run failed for good: make sure the post is `failed` at the run's version (the
 * publish step already did so for permanent LinkedIn errors; retries that ran out leave it
 * `scheduled` or `publishing`) and say what the channel should be told.
 */
export async function recordRunFailure(
  db: Db,
  input: { postId: string; version: number; error: { name?: string; message?: string } | undefined },
): Promise<RunFailureOutcome> {
  const post = await db.post.findUnique({ where: { id: input.postId } });
  const nothing = { announce: false, alertConnectionId: null };
  if (!post || post.version !== input.version) return nothing;
  if (post.status === "scheduled" || post.status === "publishing") {
    const failed = await markPublishFailed(db, {
      postId: post.id,
      version: post.version,
      reason: reasonForRunError(input.error),
      code: "run_failed",
    });
    return { announce: failed !== null, alertConnectionId: null };
  }
  if (post.status !== "failed") return nothing;
  const audit = await db.postEvent.findFirst({
    where: { postId: post.id, kind: "failed" },
    orderBy: { at: "desc" },
    select: { detail: true },
  });
  const detail = (audit?.detail ?? {}) as { version?: unknown; alertConnectionId?: unknown };
  const alert =
    detail.version === post.version && typeof detail.alertConnectionId === "string"
      ? detail.alertConnectionId
      : null;
  return { announce: true, alertConnectionId: alert };
}
