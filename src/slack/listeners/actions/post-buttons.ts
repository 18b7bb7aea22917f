// Edit and Cancel buttons on a post (living message, /share list, Home tab). The button's value is a
// post id; who may act is decided on the server, whatever the payload says.
import type { App, BlockAction, RespondFn } from "@slack/bolt";
import type { AppDeps } from "../../../container.js";
import { cancelPost } from "../../../posts/cancel-post.js";
import { composeContext } from "../../../posts/compose-context.js";
import { loadEditablePost } from "../../../posts/edit-post.js";
import { composeModal } from "../../blocks/compose-modal.js";
import { ACTION } from "../../ids.js";
import { failureMessage } from "../failure-message.js";
import { tellUser } from "../tell-user.js";
import { type ButtonContext, readButton } from "./button-payload.js";

type HomeRefresher = (deps: AppDeps, teamId: string, userId: string) => Promise<void>;

export function registerPostButtons(app: App, deps: AppDeps, refreshHome?: HomeRefresher): void {
  const note = (ctx: ButtonContext | null, body: BlockAction, respond: RespondFn | undefined, text: string) =>
    tellUser(
      deps,
      {
        userId: ctx?.userId ?? body.user.id,
        ...(ctx?.channelId ? { channelId: ctx.channelId } : {}),
        ...(body.response_url && respond ? { respond } : {}),
      },
      text,
    );

  app.action<BlockAction>(ACTION.edit, async ({ ack, body, respond, client }) => {
    await ack();
    const ctx = readButton(body);
    if (!ctx?.triggerId)
      return note(ctx, body, respond, ":warning: That button is out of date; run `/share list` again.");
    try {
      const post = await loadEditablePost(deps, ctx.teamId, ctx.userId, ctx.postRef);
      const compose = await composeContext(deps, ctx.teamId, ctx.userId);
      if (!compose.ok) return note(ctx, body, respond, `:warning: ${compose.message}`);
      await client.views.open({
        trigger_id: ctx.triggerId,
        view: composeModal({
          metadata: { mode: "edit", channelId: post.channelId, postId: post.id, version: post.version },
          timeZone: compose.timeZone,
          connections: compose.connections,
          initial: { text: post.text, whenText: post.whenText, connectionId: post.connectionId },
        }),
      });
    } catch (err) {
      await note(ctx, body, respond, failureMessage(err));
    }
  });

  app.action<BlockAction>(ACTION.cancel, async ({ ack, body, respond }) => {
    await ack();
    const ctx = readButton(body);
    if (!ctx)
      return note(ctx, body, respond, ":warning: That button is out of date; run `/share list` again.");
    try {
      const post = await deps.background(() =>
        cancelPost(deps, { teamId: ctx.teamId, actorId: ctx.userId, postRef: ctx.postRef }),
      );
      await note(
        ctx,
        body,
        respond,
        `:no_entry_sign: Cancelled post \`${post.shortId}\`; it will not be published.`,
      );
    } catch (err) {
      await note(ctx, body, respond, failureMessage(err));
    }
    if (ctx.fromHome && refreshHome) await refreshHome(deps, ctx.teamId, ctx.userId).catch(() => {});
  });
}
