// Registers every Slack listener, grouped by surface.
import type { App } from "@slack/bolt";
import type { AppDeps } from "../../container.js";
import { registerShareCommand } from "./commands/share.js";

export function registerListeners(app: App, deps: AppDeps): void {
  registerShareCommand(app, deps);
}
