// "Connect LinkedIn" (admins): opens a modal with single-use sign-in links, or explains how to
// configure LinkedIn. A member's click is refused and changes nothing.
import type { App } from "@slack/bolt";
import { startLinkedInConnect } from "../../../connections/start-connect.js";
import type { AppDeps } from "../../../container.js";
import { refreshHome } from "../../../home/refresh-home.js";
import {
  ADMINS_ONLY,
  adminsOnlyModal,
  connectLinkedInModal,
  linkedInNotConfiguredModal,
} from "../../blocks/connect-modal.js";
import { ACTION } from "../../ids.js";
import { showNotice } from "./notice.js";
import { readAction } from "./payload.js";

export function registerConnectLinkedIn(app: App, deps: AppDeps): void {
  app.action(ACTION.connectLinkedIn, async ({ ack, body }) => {
    await ack();
    const ctx = readAction(body);
    if (!ctx) return;
    const result = await deps.background(() => startLinkedInConnect(deps, ctx.teamId, ctx.userId));
    switch (result.kind) {
      case "forbidden":
        deps.logger.warn(
          { teamId: ctx.teamId, userId: ctx.userId, action: "connect" },
          "admin action refused",
        );
        await showNotice(deps, ctx, adminsOnlyModal(), ADMINS_ONLY);
        await deps.background(() => refreshHome(deps, ctx.teamId, ctx.userId));
        return;
      case "not_configured":
        await showNotice(
          deps,
          ctx,
          linkedInNotConfiguredModal(result.steps),
          "LinkedIn is not configured yet.",
        );
        return;
      case "ready":
        // The links are single-use secrets: shown only to this admin, in a modal, never in a channel.
        await showNotice(
          deps,
          ctx,
          connectLinkedInModal(result),
          "Open the app's Home tab and click Connect LinkedIn again.",
        );
        return;
    }
  });
}
