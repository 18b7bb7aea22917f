// The Retry button on a failed post's living message. Thin: ack, read the payload, call the retry
// service (which decides on the server who may retry), and answer the clicker privately.
import type { App, BlockAction } from "@slack/bolt";
import type { AppDeps } from "../../../container.js";
import { refreshHome } from "../../../home/refresh-home.js";
import { retryPost } from "../../../posts/retry-post.js";
import { ACTION } from "../../ids.js";
import { failureMessage } from "../failure-message.js";
import { tellUser } from "../tell-user.js";
import { readButton } from "./button-payload.js";

export function registerRetryAction(app: App, deps: AppDeps): void {
  app.action<BlockAction>(ACTION.retry, async ({ ack, body, respond }) => {
    await ack();
    const click = readButton(body);
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
