// Every 15 minutes: pre-flight checks for posts due in 45–75 minutes (see connections/preflight.ts).
import {
  type PreflightDeps,
  postsDueForPreflight,
  preflightConnection,
} from "../../connections/preflight.js";
import type { AppDeps } from "../../container.js";

export const PREFLIGHT_CRON = "*/15 * * * *";

export function createPreflightFunction(deps: PreflightDeps & Pick<AppDeps, "inngest">) {
  return deps.inngest.createFunction(
    {
      id: "linkedin-preflight",
      name: "LinkedIn pre-flight check",
      triggers: [{ cron: PREFLIGHT_CRON }],
      singleton: { mode: "skip" },
      retries: 2,
    },
    async ({ step }) => {
      const groups = await step.run("find-posts", () => postsDueForPreflight(deps));
      let failed = 0;
      for (const g of groups) {
        const result = await step.run(`check-${g.connectionId ?? "none"}`, () =>
          preflightConnection(deps, g.connectionId, g.postIds),
        );
        if (result.ok === false) failed += result.checked;
      }
      return { connections: groups.length, failedPosts: failed };
    },
  );
}
