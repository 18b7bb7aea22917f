// The publish step's work: re-read the post (the guard), move it to `publishing`, create it on LinkedIn
// and record the URN and URL, all in one Inngest step. Returns what happened; the caller (publish-post)
// turns `retry` and `failed` into Inngest errors. Permanent failures are written here, at once.
//
// Duplicate safety: publishAttemptAt is set before LinkedIn is called. When an earlier attempt may
// have gone through but its outcome was not recorded, LinkedIn answers 422 DUPLICATE_POST naming the
// existing post, and that is recorded as this post's publication instead of a failure.
import {
  type AccessTokenDeps,
  accessTokenFor,
  ConnectionUnusableError,
} from "../connections/access-token.js";
import type { Env } from "../env.js";
import type { LinkedInConnection, Post } from "../generated/prisma/client.js";
import { LinkedInApiError, LinkedInOAuthError, userMessage } from "../linkedin/errors.js";
import { createLinkedInPost } from "../linkedin/posts-client.js";
import { postUrlFor } from "../linkedin/urls.js";
import type { Logger } from "../logger.js";
import { markPublishFailed } from "./publish-failure.js";
import { transition } from "./transitions.js";

export type PublishDeps = AccessTokenDeps & {
  env: Pick<Env, "LINKEDIN_API_URL" | "LINKEDIN_VERSION"> & AccessTokenDeps["env"];
  logger: Logger;
};

export type PublishOutcome =
  | { kind: "published"; urn: string | null; url: string | null; viaDuplicate: boolean }
  /** Nothing to do: the post is gone, cancelled, edited (newer version) or already handled. */
  | { kind: "skipped"; reason: string }
  /** Permanent: the post is now `failed` with this reason. */
  | { kind: "failed"; reason: string; code: string }
  /** Transient: try again later (after retryAfterMs when LinkedIn said so). */
  | { kind: "retry"; reason: string; retryAfterMs?: number };

export async function publishNow(
  deps: PublishDeps,
  ref: { postId: string; version: number },
  opts: { linkedInTimeoutMs?: number } = {},
): Promise<PublishOutcome> {
  const log = deps.logger.child({ postId: ref.postId, version: ref.version });
  const post = await deps.db.post.findUnique({ where: { id: ref.postId } });
  if (!post) return { kind: "skipped", reason: "not_found" };
  if (post.version !== ref.version) return { kind: "skipped", reason: "stale_version" };
  if (post.status !== "scheduled" && post.status !== "publishing") {
    return { kind: "skipped", reason: post.status };
  }
  if (post.publishAt > deps.clock()) {
    // Never early, whatever woke us: the run retries after a backoff.
    return { kind: "retry", reason: "It is not yet time to publish this post." };
  }
  const failWith = async (reason: string, code: string, alertConnectionId?: string) => {
    await markPublishFailed(deps.db, {
      postId: post.id,
      version: post.version,
      reason,
      code,
      ...(alertConnectionId ? { alertConnectionId } : {}),
    });
    log.warn({ code }, "post not published");
    return { kind: "failed", reason, code } as const;
  };

  let accessToken: string;
  let connection: LinkedInConnection;
  try {
    ({ accessToken, connection } = await accessTokenFor(deps, post.connectionId));
  } catch (err) {
    if (err instanceof ConnectionUnusableError) return failWith(err.message, `connection_${err.code}`);
    if (err instanceof LinkedInOAuthError) {
      if (err.retriable) return { kind: "retry", reason: userMessage(err) };
      return failWith(userMessage(err), `oauth_${err.code}`);
    }
    throw err;
  }

  // An earlier attempt (this version's, or one before a Retry) may have reached LinkedIn.
  const earlierAttempt = post.publishAttemptAt !== null;
  const started = await transition(deps.db, {
    postId: post.id,
    from: [post.status],
    to: "publishing",
    version: post.version,
    actor: "system",
    kind: post.status === "scheduled" ? "publishing" : "publish_retry",
    detail: { version: post.version },
    data: { publishAttemptAt: deps.clock() },
  });
  if (!started) return { kind: "skipped", reason: "changed_meanwhile" };

  let created: { urn: string; url: string };
  try {
    created = await createLinkedInPost({
      apiUrl: deps.env.LINKEDIN_API_URL,
      version: deps.env.LINKEDIN_VERSION,
      accessToken,
      authorUrn: connection.authorUrn,
      text: post.text,
      now: deps.clock,
      ...(opts.linkedInTimeoutMs !== undefined ? { timeoutMs: opts.linkedInTimeoutMs } : {}),
    });
  } catch (err) {
    if (!(err instanceof LinkedInApiError)) throw err;
    log.warn({ code: err.code, status: err.status, detail: err.message }, "LinkedIn did not create the post");
    return handleLinkedInError(deps, { post, connection, err, earlierAttempt, failWith });
  }
  return recordPublished(deps, post, { urn: created.urn, url: created.url, viaDuplicate: false }, log);
}

async function handleLinkedInError(
  deps: PublishDeps,
  c: {
    post: Post;
    connection: LinkedInConnection;
    err: LinkedInApiError;
    earlierAttempt: boolean;
    failWith: (reason: string, code: string, alertConnectionId?: string) => Promise<PublishOutcome>;
  },
): Promise<PublishOutcome> {
  const { err, post, connection } = c;
  switch (err.code) {
    case "duplicate":
      if (c.earlierAttempt) {
        const urn = err.duplicateOfUrn ?? null;
        return recordPublished(
          deps,
          post,
          { urn, url: urn ? postUrlFor(urn) : null, viaDuplicate: true },
          deps.logger.child({ postId: post.id }),
        );
      }
      return c.failWith(userMessage(err), "duplicate");
    case "unauthorized": {
      // Only the run that flips the connection alerts the admins; later posts just fail.
      const { count } = await deps.db.linkedInConnection.updateMany({
        where: { id: connection.id, status: "active" },
        data: { status: "needs_reconnect" },
      });
      return c.failWith(userMessage(err), "unauthorized", count > 0 ? connection.id : undefined);
    }
    case "forbidden":
    case "version_retired":
    case "bad_request":
      return c.failWith(userMessage(err), err.code);
    case "rate_limited":
    case "server":
    case "network":
    case "timeout":
      return {
        kind: "retry",
        reason: userMessage(err),
        ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
      };
  }
}

async function recordPublished(
  deps: PublishDeps,
  post: Post,
  result: { urn: string | null; url: string | null; viaDuplicate: boolean },
  log: Logger,
): Promise<PublishOutcome> {
  const published = await transition(deps.db, {
    postId: post.id,
    from: ["publishing"],
    to: "published",
    version: post.version,
    actor: "system",
    kind: "published",
    detail: { version: post.version, urn: result.urn, viaDuplicate: result.viaDuplicate },
    data: {
      linkedinUrn: result.urn,
      linkedinUrl: result.url,
      publishedAt: deps.clock(),
      lastError: null,
    },
  });
  if (!published) log.error({ urn: result.urn }, "published on LinkedIn, but the post changed meanwhile");
  else log.info({ urn: result.urn, viaDuplicate: result.viaDuplicate }, "published on LinkedIn");
  return { kind: "published", ...result };
}
