// app_home_opened: publish the user's Home tab (first pages of every list).
import type { App } from "@slack/bolt";
import type { AppDeps } from "../../../container.js";
import { refreshHome } from "../../../home/refresh-home.js";

export function registerAppHomeOpened(app: App, deps: AppDeps): void {
  app.event("app_home_opened", async ({ event, body }) => {
    if (event.tab !== "home") return;
    const teamId = (body as { team_id?: string }).team_id;
    if (!teamId) return;
    await refreshHome(deps, teamId, event.user);
  });
}
