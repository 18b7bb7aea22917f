// The events of DESIGN.md §3, with zod schemas Inngest validates against.
import { eventType } from "inngest";
import { z } from "zod";

export const postScheduledSchema = z.object({
  postId: z.uuid(),
  version: z.number().int().positive(),
  /** ISO-8601 UTC instant */
  publishAt: z.iso.datetime({ offset: true }),
  /** The post's LinkedIn connection: the key of publish-post's per-connection concurrency limit. */
  connectionId: z.uuid().optional(),
});
export type PostScheduledData = z.infer<typeof postScheduledSchema>;

export const postCancelledSchema = z.object({ postId: z.uuid() });
export type PostCancelledData = z.infer<typeof postCancelledSchema>;

export const postScheduled = eventType("post/scheduled", { schema: postScheduledSchema });
export const postCancelled = eventType("post/cancelled", { schema: postCancelledSchema });

/** Event id for a post version: Inngest drops a repeat of the same id within 24 h. */
export const scheduledEventId = (postId: string, version: number) => `post-${postId}-v${version}`;
