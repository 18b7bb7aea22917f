// The App Home surface: the Home tab itself, LinkedIn connections, settings and paging.
import type { App } from "@slack/bolt";
import type { AppDeps } from "../../../container.js";
import { registerAppHomeOpened } from "./app-home-opened.js";
import { registerConnectLinkedIn } from "./connect-linkedin.js";
import { registerDisconnect } from "./disconnect.js";
import { registerConnectOrganization } from "./organization.js";
import { registerHomePaging } from "./paging.js";
import { registerSettings } from "./settings.js";
import { registerUrlButtons } from "./url-buttons.js";

export function registerHome(app: App, deps: AppDeps): void {
  registerAppHomeOpened(app, deps);
  registerHomePaging(app, deps);
  registerConnectLinkedIn(app, deps);
  registerConnectOrganization(app, deps);
  registerDisconnect(app, deps);
  registerSettings(app, deps);
  registerUrlButtons(app);
}
