// publish-post: publishes a post on LinkedIn at its time, exactly once, and tells the channel.
//
// Step layout (docs/decisions/004-publish-workflow-cost.md): the run starts at publishAt (the event's
// `ts`), so a published post costs 3 executions: the run, `publish` and `announce`. A run that starts
// early sleeps until publishAt, and after any wake checks the time again (bounded), so it never
// publishes early. The guard (is the post still `scheduled` at this version?) lives inside `publish`;
// `announce` is a separate step, so a Slack failure retries only the Slack calls, never LinkedIn.
import { NonRetriableError, RetryAfterError } from "inngest";
import type { AppDeps } from "../../container.js";
import { announceFailed, announcePublished } from "../../posts/announce-outcome.js";
import { recordRunFailure } from "../../posts/publish-failure.js";
import { type PublishOutcome, publishNow } from "../../posts/publish-now.js";
import { alertReconnectNeeded } from "../../posts/reconnect-alert.js";
import { postCancelled, postScheduled, postScheduledSchema } from "../events.js";

export const PUBLISH_POST_ID = "publish-post";
/** Retries per step after the first attempt (so 6 attempts in all). */
export const PUBLISH_RETRIES = 5;
/** How many times a run that woke before publishAt goes back to sleep before giving up. */
export const MAX_EARLY_WAKES = 5;

/** A transient failure whose message is meant for users (shown if the retries run out). */
export class PublishRetryableError extends Error {
  override readonly name = "PublishRetryableError";
}

export const sleepStepId = (wake: number) =>
  wake === 0 ? "wait-until-publish" : `wait-until-publish-${wake}`;

/** Turns a publish outcome into the step's result, or into the Inngest error that retries or stops it. */
function settle(outcome: PublishOutcome): PublishOutcome {
  switch (outcome.kind) {
    case "failed":
      throw new NonRetriableError(outcome.reason);
    case "retry":
      if (outcome.retryAfterMs !== undefined) throw new RetryAfterError(outcome.reason, outcome.retryAfterMs);
      throw new PublishRetryableError(outcome.reason);
    default:
      return outcome;
  }
}

export type PublishPostOptions = {
  /** How long to wait for LinkedIn's answer (default 15 s, see src/linkedin/http.ts). */
  linkedInTimeoutMs?: number;
};

export function createPublishPost(deps: AppDeps, opts: PublishPostOptions = {}) {
  return deps.inngest.createFunction(
    {
      id: PUBLISH_POST_ID,
      name: "Publish a post on LinkedIn",
      triggers: [postScheduled],
      cancelOn: [{ event: postCancelled, if: "async.data.postId == event.data.postId" }],
      // One publish at a time per LinkedIn account (its per-member limits). Sleeping runs don't count.
      concurrency: { key: "event.data.connectionId", limit: 1 },
      retries: PUBLISH_RETRIES,
      onFailure: async ({ event, error, step }) => {
        const original = postScheduledSchema.safeParse(event.data.event.data);
        if (!original.success) {
          deps.logger.error({ runId: event.data.run_id }, "publish-post failed for an unreadable event");
          return;
        }
        const { postId, version } = original.data;
        const outcome = await step.run("record-failure", () =>
          recordRunFailure(deps.db, { postId, version, error: { name: error.name, message: error.message } }),
        );
        if (outcome.announce) await step.run("announce-failure", () => announceFailed(deps, postId));
        const connectionId = outcome.alertConnectionId;
        if (connectionId) {
          await step.run("alert-admins", () => alertReconnectNeeded(deps, { connectionId, postId }));
        }
      },
    },
    async ({ event, step }) => {
      const { postId, version } = event.data;
      const publishAt = new Date(event.data.publishAt);
      // Outside a step on purpose: it costs no execution when the run starts on time. Time only moves
      // forward, so a replay after a wake takes the same path to the steps below.
      for (let wake = 0; deps.clock() < publishAt; wake++) {
        if (wake === MAX_EARLY_WAKES) {
          throw new NonRetriableError(
            `Inngest woke this run before its publish time ${MAX_EARLY_WAKES} times; nothing was published. Check the server clock, then press Retry.`,
          );
        }
        await step.sleepUntil(sleepStepId(wake), publishAt);
      }
      const outcome = await step.run("publish", async () =>
        settle(await publishNow(deps, { postId, version }, opts)),
      );
      if (outcome.kind === "published") await step.run("announce", () => announcePublished(deps, postId));
      return outcome;
    },
  );
}
