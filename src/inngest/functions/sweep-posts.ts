// sweep-posts: every few minutes, re-sends post/scheduled for posts Inngest never accepted and for
// posts overdue but still scheduled (src/posts/resend-due-events.ts), and fails with a Retry button the
// posts stuck in `publishing` by a run that vanished (src/posts/stale-publishing.ts). One memoized
// step: a tick costs 2 executions (the run and the step), whether or not there is anything to do.
import type { AppDeps } from "../../container.js";
import { resendDueEvents } from "../../posts/resend-due-events.js";
import { failStalePublishing } from "../../posts/stale-publishing.js";

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
    async ({ step }) =>
      step.run("resend-due-events", async () => {
        const resent = await resendDueEvents(deps);
        const stale = await failStalePublishing(deps);
        return { ...resent, staleFailed: stale.failed };
      }),
  );
}
