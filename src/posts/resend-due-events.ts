// The sweep's work: a post the user was told is scheduled is never dropped in silence. Posts whose
// post/scheduled event Inngest never accepted, and posts overdue but still `scheduled`, get their event
// sent again with the same id (post-<id>-v<version>), which Inngest deduplicates, so a re-send is
// harmless. Every post it touches is counted and logged; a send Inngest refuses is logged as an error
// and picked up again by the next sweep.
import { type EventDeps, sendScheduledEvent } from "./scheduled-event.js";

/** A post just created may still be sending its own event: leave it alone this long. */
export const UNSENT_GRACE_MS = 60_000;
/** A post this late and still `scheduled` has no live run publishing it (or one stuck in a queue). */
export const OVERDUE_GRACE_MS = 5 * 60_000;
/** At most this many posts per sweep; the rest wait for the next one. */
export const SWEEP_BATCH = 100;

export type SweepReport = {
  /** Posts whose event Inngest never accepted. */
  unsent: number;
  /** Posts past their time (by OVERDUE_GRACE_MS) and still scheduled. */
  overdue: number;
  /** Events Inngest accepted. */
  sent: number;
  /** Events Inngest refused (retried by the next sweep). */
  refused: number;
  /** The batch was full: more posts are waiting. */
  more: boolean;
  postIds: string[];
};

export async function resendDueEvents(deps: EventDeps, batch = SWEEP_BATCH): Promise<SweepReport> {
  const now = deps.clock().getTime();
  const posts = await deps.db.post.findMany({
    where: {
      status: "scheduled",
      OR: [
        { eventSentAt: null, updatedAt: { lt: new Date(now - UNSENT_GRACE_MS) } },
        { publishAt: { lt: new Date(now - OVERDUE_GRACE_MS) } },
      ],
    },
    orderBy: { publishAt: "asc" },
    take: batch,
    select: { id: true, version: true, publishAt: true, connectionId: true, eventSentAt: true },
  });
  const report: SweepReport = {
    unsent: 0,
    overdue: 0,
    sent: 0,
    refused: 0,
    more: posts.length === batch,
    postIds: [],
  };
  for (const post of posts) {
    if (post.eventSentAt === null) report.unsent++;
    else report.overdue++;
    report.postIds.push(post.id);
    if (await sendScheduledEvent(deps, post)) report.sent++;
    else report.refused++;
  }
  const { postIds: _ids, ...counts } = report;
  if (report.refused > 0) {
    deps.logger.error(
      counts,
      "sweep: Inngest refused some post/scheduled events; the next sweep retries them",
    );
  } else if (posts.length > 0) {
    deps.logger.info(counts, "sweep: re-sent post/scheduled events");
  }
  if (report.more) deps.logger.warn(counts, "sweep: batch full, more posts wait for the next sweep");
  return report;
}
