// Previous/next buttons of the Home tab's lists: re-publish the Home with that page.
import type { App } from "@slack/bolt";
import type { AppDeps } from "../../../container.js";
import { refreshHome } from "../../../home/refresh-home.js";
import { decodePages, parsePageValue } from "../../blocks/home-paging.js";
import { ACTION } from "../../ids.js";
import { readAction } from "./payload.js";

export function registerHomePaging(app: App, deps: AppDeps): void {
  for (const actionId of [ACTION.page, ACTION.pagePrev]) {
    app.action(actionId, async ({ ack, body }) => {
      await ack();
      const ctx = readAction(body);
      const target = parsePageValue(ctx?.value);
      if (!ctx || !target) return;
      const pages = { ...decodePages(ctx.viewMetadata), [target.section]: target.page };
      await deps.background(() => refreshHome(deps, ctx.teamId, ctx.userId, pages));
    });
  }
}
