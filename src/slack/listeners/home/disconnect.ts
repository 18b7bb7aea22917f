// "Disconnect" on a LinkedIn connection (admins; Slack shows a confirm dialog first).
import type { App } from "@slack/bolt";
import { z } from "zod";
import { disconnectConnection } from "../../../connections/disconnect.js";
import type { AppDeps } from "../../../container.js";
import { refreshHome } from "../../../home/refresh-home.js";
import { syncConnectionPosts } from "../../../posts/living-message.js";
import { ADMINS_ONLY, adminsOnlyModal, noticeModal } from "../../blocks/connect-modal.js";
import { ACTION } from "../../ids.js";
import { showNotice } from "./notice.js";
import { homePages, readAction } from "./payload.js";

export function registerDisconnect(app: App, deps: AppDeps): void {
  app.action(ACTION.disconnect, async ({ ack, body }) => {
    await ack();
    const ctx = readAction(body);
    const connectionId = z.uuid().safeParse(ctx?.value);
    if (!ctx || !connectionId.success) return;
    const result = await deps.background(() =>
      disconnectConnection(deps, ctx.teamId, ctx.userId, connectionId.data),
    );
    if (result.kind === "forbidden") {
      deps.logger.warn(
        { teamId: ctx.teamId, userId: ctx.userId, action: "disconnect" },
        "admin action refused",
      );
      await showNotice(deps, ctx, adminsOnlyModal(), ADMINS_ONLY);
    } else if (result.kind === "not_found") {
      const text = "That LinkedIn connection no longer exists or was already disconnected.";
      await showNotice(deps, ctx, noticeModal("Not found", text), text);
    }
    if (result.kind === "disconnected") {
      await deps.background(() => syncConnectionPosts(deps, connectionId.data));
    }
    await deps.background(() => refreshHome(deps, ctx.teamId, ctx.userId, homePages(ctx)));
  });
}
