// "New post" on the Home tab: opens the compose modal, preset to the workspace's default channel.
import type { App, BlockAction } from "@slack/bolt";
import type { AppDeps } from "../../../container.js";
import { composeContext } from "../../../posts/compose-context.js";
import { composeModal } from "../../blocks/compose-modal.js";
import { ACTION } from "../../ids.js";
import { failureMessage } from "../failure-message.js";
import { tellUser } from "../tell-user.js";

export function registerNewPostButton(app: App, deps: AppDeps): void {
  app.action<BlockAction>(ACTION.openCompose, async ({ ack, body, client }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    if (!teamId) return;
    try {
      const ctx = await composeContext(deps, teamId, body.user.id);
      if (!ctx.ok) {
        await tellUser(deps, { userId: body.user.id }, `:warning: ${ctx.message}`);
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: composeModal({
          metadata: { mode: "create", ...(ctx.defaultChannelId ? { channelId: ctx.defaultChannelId } : {}) },
          timeZone: ctx.timeZone,
          connections: ctx.connections,
        }),
      });
    } catch (err) {
      await tellUser(deps, { userId: body.user.id }, failureMessage(err));
    }
  });
}
