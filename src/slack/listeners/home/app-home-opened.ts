// app_home_opened: publish the user's Home tab (first pages of every list).
import type { App } from "@slack/bolt";
import { z } from "zod";
import type { AppDeps } from "../../../container.js";
import { refreshHome } from "../../../home/refresh-home.js";

const envelope = z.object({ team_id: z.string().min(1) });

export function registerAppHomeOpened(app: App, deps: AppDeps): void {
  app.event("app_home_opened", async ({ event, body }) => {
    const parsed = envelope.safeParse(body);
    if (event.tab !== "home" || !parsed.success) return;
    await deps.background(() => refreshHome(deps, parsed.data.team_id, event.user));
  });
}
