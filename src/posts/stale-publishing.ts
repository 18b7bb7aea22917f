// A post stuck in `publishing` (its run vanished without reaching onFailure) would otherwise sit there
// forever, neither published nor failed. The sweep fails it with a reason and the Retry button; a
// retry keeps `publishAttemptAt`, so if the lost attempt did reach LinkedIn, LinkedIn's duplicate
// answer is recorded as the publication instead of a second post.
import type { AnnounceDeps } from "./announce-outcome.js";
import { announceFailed } from "./announce-outcome.js";
import { markPublishFailed } from "./publish-failure.js";

/** Longer than any run's retries (6 attempts with Inngest's backoff) can keep a post `publishing`. */
export const STALE_PUBLISHING_MS = 6 * 60 * 60_000;

export const STALE_PUBLISHING_REASON =
  "The publish attempt never finished, so it is unclear whether it reached LinkedIn. Press Retry: if LinkedIn already has the post, it is recorded as published instead of posted twice.";

export async function failStalePublishing(
  deps: AnnounceDeps & { clock: () => Date },
  batch = 100,
): Promise<{ failed: string[] }> {
  const stale = await deps.db.post.findMany({
    where: {
      status: "publishing",
      updatedAt: { lt: new Date(deps.clock().getTime() - STALE_PUBLISHING_MS) },
    },
    orderBy: { updatedAt: "asc" },
    take: batch,
    select: { id: true, version: true },
  });
  const failed: string[] = [];
  for (const post of stale) {
    const marked = await markPublishFailed(deps.db, {
      postId: post.id,
      version: post.version,
      reason: STALE_PUBLISHING_REASON,
      code: "stale_publishing",
    });
    if (!marked) continue;
    failed.push(post.id);
    await announceFailed(deps, post.id).catch((err: unknown) =>
      deps.logger.warn({ err, postId: post.id }, "sweep: could not announce a stale publishing failure"),
    );
  }
  if (failed.length > 0)
    deps.logger.warn({ count: failed.length }, "sweep: failed posts stuck in publishing");
  return { failed };
}
