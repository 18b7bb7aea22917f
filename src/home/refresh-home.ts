// Publishes a user's App Home (views.publish): on app_home_opened, and after every change it shows.
import type { HomeView } from "@slack/types";
import { adminContext } from "../auth/admin-context.js";
import { linkedInApp, linkedInSetupSteps } from "../connections/linkedin-app.js";
import type { AppDeps } from "../container.js";
import { buildHomeView } from "../slack/blocks/home.js";
import { FIRST_PAGES, type HomePages } from "../slack/blocks/home-types.js";
import { loadHomeData } from "./load-home.js";

export type HomeDeps = Pick<AppDeps, "db" | "users" | "env" | "clock" | "slack" | "logger">;

async function timeZoneOf(deps: Pick<AppDeps, "users">, userId: string): Promise<string> {
  try {
    return (await deps.users.get(userId)).timeZone ?? "UTC";
  } catch {
    return "UTC";
  }
}

/** Builds the user's Home view (data and blocks), without publishing it. */
export async function buildHomeFor(
  deps: Omit<HomeDeps, "slack" | "logger">,
  teamId: string,
  userId: string,
  pages: HomePages = FIRST_PAGES,
): Promise<HomeView> {
  const [{ workspace, isAdmin }, timeZone] = await Promise.all([
    adminContext(deps, teamId, userId),
    timeZoneOf(deps, userId),
  ]);
  const data = await loadHomeData(deps.db, {
    workspace,
    userId,
    isAdmin,
    timeZone,
    now: deps.clock(),
    pages,
    configuredAdminUserIds: deps.env.ADMIN_SLACK_USER_IDS,
    linkedInConfigured: linkedInApp(deps.env) !== null,
    setupSteps: linkedInSetupSteps(deps.env),
  });
  return buildHomeView(data);
}

/**
 * Rebuilds and publishes the user's Home tab. Never throws (a failed refresh only leaves the old view and
 * a warning in the log). Pass `pages` to keep the user on the pages they were on.
 */
export async function refreshHome(
  deps: HomeDeps,
  teamId: string,
  userId: string,
  pages: HomePages = FIRST_PAGES,
): Promise<void> {
  try {
    const view = await buildHomeFor(deps, teamId, userId, pages);
    await deps.slack.views.publish({ user_id: userId, view });
  } catch (err) {
    deps.logger.warn({ err, teamId, userId }, "could not publish the App Home");
  }
}
