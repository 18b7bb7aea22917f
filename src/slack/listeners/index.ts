// Registers every Slack listener, grouped by surface.
import type { App } from "@slack/bolt";
import type { AppDeps } from "../../container.js";
import { refreshHome } from "../../home/refresh-home.js";
import { registerNewPostButton } from "./actions/new-post-button.js";
import { registerPostButtons } from "./actions/post-buttons.js";
import { registerRetryAction } from "./actions/retry.js";
import { registerWhenPreview } from "./actions/when-preview.js";
import { registerShareCommand } from "./commands/share.js";
import { registerHome } from "./home/index.js";
import { registerComposeSubmission } from "./views/compose-submission.js";

export function registerListeners(app: App, deps: AppDeps): void {
  registerShareCommand(app, deps);
  registerComposeSubmission(app, deps);
  registerWhenPreview(app, deps);
  registerPostButtons(app, deps, refreshHome);
  registerRetryAction(app, deps);
  registerNewPostButton(app, deps);
  registerHome(app, deps);
}
