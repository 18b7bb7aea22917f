// Settings (admins): "Edit settings" opens the modal; saving is checked on the server again.
import type { App } from "@slack/bolt";
import type { AppDeps } from "../../../container.js";
import { refreshHome } from "../../../home/refresh-home.js";
import { loadSettings, saveSettings } from "../../../home/settings.js";
import { ADMINS_ONLY, adminsOnlyModal } from "../../blocks/connect-modal.js";
import { readSettingsState, settingsModal } from "../../blocks/settings-modal.js";
import { ACTION, BLOCK, VIEW } from "../../ids.js";
import { showNotice } from "./notice.js";
import { readAction, readSubmission } from "./payload.js";

export function registerSettings(app: App, deps: AppDeps): void {
  app.action(ACTION.openSettings, async ({ ack, body }) => {
    await ack();
    const ctx = readAction(body);
    if (!ctx) return;
    const result = await deps.background(() => loadSettings(deps, ctx.teamId, ctx.userId));
    if (result.kind === "forbidden") {
      deps.logger.warn(
        { teamId: ctx.teamId, userId: ctx.userId, action: "settings" },
        "admin action refused",
      );
      await showNotice(deps, ctx, adminsOnlyModal(), ADMINS_ONLY);
      await deps.background(() => refreshHome(deps, ctx.teamId, ctx.userId));
      return;
    }
    await showNotice(
      deps,
      ctx,
      settingsModal(result.settings),
      "Open the app's Home tab to edit the settings.",
    );
  });

  app.view(VIEW.settings, async ({ ack, body }) => {
    const ctx = readSubmission(body);
    const input = ctx ? readSettingsState(ctx.values) : null;
    if (!ctx || !input) {
      await ack({
        response_action: "errors",
        errors: { [BLOCK.settingsChannel]: "Those settings could not be read. Please try again." },
      });
      return;
    }
    const result = await saveSettings(deps, ctx.teamId, ctx.userId, input);
    if (result.kind === "forbidden") {
      deps.logger.warn(
        { teamId: ctx.teamId, userId: ctx.userId, action: "settings_save" },
        "admin action refused",
      );
      await ack({ response_action: "errors", errors: { [BLOCK.settingsChannel]: ADMINS_ONLY } });
      return;
    }
    await ack();
    await deps.background(() => refreshHome(deps, ctx.teamId, ctx.userId));
  });
}
