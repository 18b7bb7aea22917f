// sweep-posts: every few minutes, re-sends post/scheduled for posts Inngest never accepted and for
// posts overdue but still scheduled (src/posts/resend-due-events.ts). One memoized step: a tick costs
// 2 executions (the run and the step), whether or not there is anything to send.
import type { AppDeps } from "../../container.js";
import { resendDueEvents } from "../../posts/resend-due-events.js";

export const SWEEP_POSTS_ID = "sweep-posts";
export const SWEEP_CRON = "*/5 * * * *";

export function createSweepPosts(deps: AppDeps) {
  return deps.inngest.createFunction(
    {
      id: SWEEP_POSTS_ID,
      name: "Re-send events of posts that may have been missed",
      triggers: [{ cron: SWEEP_CRON }],
      // Never two sweeps at once: they would send the same events twice (harmless, but wasteful).
      concurrency: { limit: 1 },
      retries: 2,
    },
    async ({ step }) => step.run("resend-due-events", () => resendDueEvents(deps)),
  );
}
