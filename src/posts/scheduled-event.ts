// Sends post/scheduled for a post's current version and records that Inngest accepted it.
// The event id is stable per version, so a re-send (by the sweep) is deduplicated by Inngest.
// A future publishAt becomes the event's `ts`: Inngest then starts the run at that time, so the run
// needs no sleep step (docs/decisions/004-publish-workflow-cost.md).
import type { Db } from "../db.js";
import type { InngestClient } from "../inngest/client.js";
import { postScheduled, scheduledEventId } from "../inngest/events.js";
import type { Logger } from "../logger.js";

export type EventDeps = { db: Db; inngest: InngestClient; logger: Logger; clock: () => Date };

export async function sendScheduledEvent(
  deps: EventDeps,
  post: { id: string; version: number; publishAt: Date; connectionId?: string | null },
): Promise<boolean> {
  const startsLater = post.publishAt.getTime() > deps.clock().getTime();
  const event = postScheduled.create(
    {
      postId: post.id,
      version: post.version,
      publishAt: post.publishAt.toISOString(),
      ...(post.connectionId ? { connectionId: post.connectionId } : {}),
    },
    {
      id: scheduledEventId(post.id, post.version),
      ...(startsLater ? { ts: post.publishAt.getTime() } : {}),
    },
  );
  try {
    await deps.inngest.send(event);
  } catch (err) {
    deps.logger.warn(
      { err, postId: post.id, version: post.version },
      "post/scheduled was not accepted by Inngest; the sweep will send it again",
    );
    return false;
  }
  await deps.db.post.updateMany({
    where: { id: post.id, version: post.version },
    data: { eventSentAt: deps.clock() },
  });
  return true;
}
