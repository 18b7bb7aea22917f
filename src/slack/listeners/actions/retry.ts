// The Retry button on a failed post's living message. Thin: ack, read the payload, call the retry
// service (which decides on the server who may retry), and answer the clicker privately.
import type { App, BlockAction } from "@slack/bolt";
import { z } from "zod";
import type { AppDeps } from "../../../container.js";
import { refreshHome } from "../../../home/refresh-home.js";
import { retryPost } from "../../../posts/retry-post.js";
import { ACTION } from "../../ids.js";
import { failureMessage } from "../failure-message.js";
import { tellUser } from "../tell-user.js";

const retryClickSchema = z.object({
  type: z.literal("block_actions"),
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  channel: z.object({ id: z.string() }).nullish(),
  view: z.object({ type: z.string() }).passthrough().nullish(),
  actions: z
    .array(z.object({ action_id: z.literal(ACTION.retry), value: z.string().min(1).max(100) }))
    .min(1),
});

export type RetryClick = {
  teamId: string;
  userId: string;
  postRef: string;
  channelId?: string;
  fromHome: boolean;
};

export function readRetryClick(body: unknown): RetryClick | null {
  const parsed = retryClickSchema.safeParse(body);
  if (!parsed.success) return null;
  const b = parsed.data;
  const teamId = b.team?.id ?? b.user.team_id;
  const postRef = b.actions[0]?.value;
  if (!teamId || !postRef) return null;
  return {
    teamId,
    userId: b.user.id,
    postRef,
    ...(b.channel?.id ? { channelId: b.channel.id } : {}),
    fromHome: b.view?.type === "home",
  };
}

export function registerRetryAction(app: App, deps: AppDeps): void {
  app.action<BlockAction>(ACTION.retry, async ({ ack, body, respond }) => {
    await ack();
    const click = readRetryClick(body);
    const to = {
      userId: click?.userId ?? body.user.id,
      ...(click?.channelId ? { channelId: click.channelId } : {}),
      ...(body.response_url ? { respond } : {}),
    };
    if (!click) {
      await tellUser(deps, to, ":warning: That button is out of date; run `/share list` to see your posts.");
      return;
    }
    try {
      const { post, eventAccepted } = await deps.background(() =>
        retryPost(deps, { teamId: click.teamId, actorId: click.userId, postRef: click.postRef }),
      );
      await tellUser(
        deps,
        to,
        eventAccepted
          ? `:arrows_counterclockwise: Retrying post \`${post.shortId}\` now; its message will show the result.`
          : `:arrows_counterclockwise: Post \`${post.shortId}\` is scheduled again; it will be retried within a few minutes.`,
      );
    } catch (err) {
      await tellUser(deps, to, failureMessage(err, "Nothing was retried"));
    }
    if (click.fromHome) await refreshHome(deps, click.teamId, click.userId);
  });
}
