// Keeps a post's living status message in its channel in step with the database.
import type { WebClient } from "@slack/web-api";
import type { Db } from "../db.js";
import { type PostStatusView, postStatusMessage } from "../slack/blocks/post-status.js";

export type MessageDeps = { db: Db; slack: WebClient };

export async function loadStatusView(
  db: Db,
  postId: string,
): Promise<(PostStatusView & { channelId: string; messageTs: string | null }) | null> {
  const post = await db.post.findUnique({
    where: { id: postId },
    include: {
      connection: {
        select: { displayName: true, accessTokenExpiresAt: true, refreshTokenEnc: true, status: true },
      },
      events: { where: { kind: "cancelled" }, orderBy: { at: "desc" }, take: 1, select: { actor: true } },
    },
  });
  if (!post) return null;
  return {
    id: post.id,
    shortId: post.shortId,
    authorUserId: post.authorUserId,
    text: post.text,
    publishAt: post.publishAt,
    status: post.status,
    linkedinUrl: post.linkedinUrl,
    lastError: post.lastError,
    publishedAt: post.publishedAt,
    connectionName: post.connection?.displayName ?? null,
    // A refreshable connection does not lapse at its access token's expiry.
    connectionExpiresAt:
      post.connection && !post.connection.refreshTokenEnc ? post.connection.accessTokenExpiresAt : null,
    connectionProblem:
      post.connectionId === null || post.connection?.status === "disconnected"
        ? "disconnected"
        : post.connection?.status === "needs_reconnect"
          ? "needs_reconnect"
          : null,
    cancelledBy: post.events[0]?.actor ?? null,
    channelId: post.channelId,
    messageTs: post.messageTs,
  };
}

/**
 * Updates the living message (chat.update), or posts it when there is none yet and records its ts.
 * Throws Slack's error so a caller (an Inngest step) can retry.
 */
export async function syncLivingMessage(
  deps: MessageDeps,
  postId: string,
): Promise<{ channel: string; ts: string } | null> {
  const view = await loadStatusView(deps.db, postId);
  if (!view) return null;
  const message = postStatusMessage(view);
  if (view.messageTs) {
    await deps.slack.chat.update({ channel: view.channelId, ts: view.messageTs, ...message });
    return { channel: view.channelId, ts: view.messageTs };
  }
  const res = await deps.slack.chat.postMessage({ channel: view.channelId, ...message, unfurl_links: false });
  if (!res.ts) return null;
  // Only the first message wins; a concurrent sync leaves the recorded ts alone.
  await deps.db.post.updateMany({ where: { id: postId, messageTs: null }, data: { messageTs: res.ts } });
  return { channel: view.channelId, ts: res.ts };
}

/** Replies in the living message's thread (so the channel is notified). */
export async function replyInThread(
  deps: MessageDeps,
  postId: string,
  text: string,
  broadcast = false,
): Promise<void> {
  const post = await deps.db.post.findUnique({
    where: { id: postId },
    select: { channelId: true, messageTs: true },
  });
  if (!post) return;
  if (post.messageTs) {
    await deps.slack.chat.postMessage({
      channel: post.channelId,
      text,
      thread_ts: post.messageTs,
      reply_broadcast: broadcast,
      unfurl_links: false,
    });
  } else {
    await deps.slack.chat.postMessage({ channel: post.channelId, text, unfurl_links: false });
  }
}

/**
 * Re-renders the living messages of a connection's scheduled posts after the connection changed
 * (disconnected, needs reconnecting, reconnected), so the channel sees what will happen. Best effort.
 */
export async function syncConnectionPosts(
  deps: MessageDeps & { logger: { warn(obj: object, msg: string): void } },
  connectionId: string,
  limit = 50,
): Promise<number> {
  const posts = await deps.db.post.findMany({
    where: { connectionId, status: "scheduled" },
    orderBy: { publishAt: "asc" },
    take: limit,
    select: { id: true },
  });
  let synced = 0;
  for (const { id } of posts) {
    try {
      await syncLivingMessage(deps, id);
      synced++;
    } catch (err) {
      deps.logger.warn({ err, postId: id }, "could not update a living message after a connection change");
    }
  }
  return synced;
}
