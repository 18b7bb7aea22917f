// Daily at 08:00 UTC: refresh refreshable LinkedIn tokens, remind owners and admins 7 days and 1 day
// before a token expires, mark expired connections needs_reconnect (and say so), prune old OAuth states.
import { pruneOAuthStates } from "../../connections/oauth-state.js";
import {
  announceExpired,
  connectionsToRefresh,
  dueReminders,
  expireLapsed,
  type LifetimeDeps,
  refreshOne,
  sendReminder,
} from "../../connections/token-lifetime.js";
import type { AppDeps } from "../../container.js";
import { refreshHome } from "../../home/refresh-home.js";
import { syncConnectionPosts } from "../../posts/living-message.js";

export const TOKEN_EXPIRY_CRON = "0 8 * * *";

export function createTokenExpiryFunction(deps: LifetimeDeps & Pick<AppDeps, "inngest" | "users">) {
  return deps.inngest.createFunction(
    {
      id: "linkedin-token-expiry",
      name: "LinkedIn token expiry",
      triggers: [{ cron: TOKEN_EXPIRY_CRON }],
      singleton: { mode: "skip" },
      retries: 3,
    },
    async ({ step }) => {
      const toRefresh = await step.run("find-refreshable", () => connectionsToRefresh(deps));
      for (const id of toRefresh) {
        await step.run(`refresh-${id}`, () => refreshOne(deps, id));
      }
      const expired = await step.run("expire-lapsed", () => expireLapsed(deps));
      for (const id of expired) {
        await step.run(`announce-expired-${id}`, async () => {
          const announced = await announceExpired(deps, id);
          if (!announced) return [];
          for (const userId of announced.homesToRefresh) await refreshHome(deps, announced.teamId, userId);
          await syncConnectionPosts(deps, id);
          return announced.told;
        });
      }
      const reminders = await step.run("find-reminders", () => dueReminders(deps));
      for (const r of reminders) {
        await step.run(`remind-${r.connectionId}-${r.days}d`, () =>
          sendReminder(deps, r.connectionId, r.days),
        );
      }
      const pruned = await step.run("prune-oauth-states", () => pruneOAuthStates(deps));
      return { refreshed: toRefresh.length, expired: expired.length, reminders: reminders.length, pruned };
    },
  );
}
