// When LinkedIn stops accepting a connection (401: token expired or revoked), the person who connected
// it and the app's admins get a direct message saying what broke and what to do.
//
// "Admins" here are ADMIN_SLACK_USER_IDS and the workspace's saved admins. Slack workspace admins and
// owners are not messaged: finding them would mean listing every user (users.list), which this app
// does not do; they are still recognised as admins when they act (src/auth/admins.ts).
import type { WebClient } from "@slack/web-api";
import type { Db } from "../db.js";
import type { Env } from "../env.js";
import type { Logger } from "../logger.js";
import { escapeMrkdwn } from "../slack/blocks/format.js";
import { syncConnectionPosts } from "./living-message.js";

export type AlertDeps = { db: Db; slack: WebClient; logger: Logger; env: Pick<Env, "ADMIN_SLACK_USER_IDS"> };

export async function alertReconnectNeeded(
  deps: AlertDeps,
  input: { connectionId: string; postId: string },
): Promise<{ told: string[]; notTold: string[] }> {
  const connection = await deps.db.linkedInConnection.findUnique({
    where: { id: input.connectionId },
    include: { workspace: { select: { adminUserIds: true } } },
  });
  if (!connection) return { told: [], notTold: [] };
  const post = await deps.db.post.findUnique({
    where: { id: input.postId },
    select: { shortId: true, authorUserId: true },
  });
  const recipients = [
    ...new Set([
      connection.connectedByUserId,
      ...deps.env.ADMIN_SLACK_USER_IDS,
      ...connection.workspace.adminUserIds,
    ]),
  ];
  const about = post ? ` Post \`${post.shortId}\` by <@${post.authorUserId}> was not published.` : "";
  const text =
    `:warning: LinkedIn no longer accepts the connection for *${escapeMrkdwn(connection.displayName)}* ` +
    `(its access token expired or was revoked).${about} ` +
    "Reconnect LinkedIn from this app's Home tab, then press *Retry now* on the post.";
  const told: string[] = [];
  const notTold: string[] = [];
  for (const user of recipients) {
    try {
      await deps.slack.chat.postMessage({ channel: user, text, unfurl_links: false });
      told.push(user);
    } catch (err) {
      notTold.push(user);
      deps.logger.warn(
        { err, user, connectionId: connection.id },
        "could not tell a user to reconnect LinkedIn",
      );
    }
  }
  // The connection's other scheduled posts now show the reconnect warning in their channels.
  await syncConnectionPosts(deps, connection.id);
  return { told, notTold };
}
