// Tells the channel how publishing ended: the living message is updated (published with the link, or
// failed with the reason and a Retry button) and a reply in its thread mentions the author, so they
// are notified. Slack errors worth retrying are thrown (the Inngest step retries them); errors no
// retry can fix (message deleted, channel archived, app removed) are logged and skipped.
import type { WebClient } from "@slack/web-api";
import type { Db } from "../db.js";
import type { Logger } from "../logger.js";
import { escapeMrkdwn } from "../slack/blocks/format.js";
import { replyInThread, syncLivingMessage } from "./living-message.js";

export type AnnounceDeps = { db: Db; slack: WebClient; logger: Logger };

const PERMANENT_SLACK_ERRORS = new Set([
  "message_not_found",
  "cant_update_message",
  "channel_not_found",
  "is_archived",
  "not_in_channel",
  "account_inactive",
  "invalid_auth",
  "token_revoked",
]);

function isPermanentSlackError(err: unknown): boolean {
  const code = (err as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof code === "string" && PERMANENT_SLACK_ERRORS.has(code);
}

async function bestEffort(deps: AnnounceDeps, postId: string, what: string, call: () => Promise<unknown>) {
  try {
    await call();
  } catch (err) {
    if (!isPermanentSlackError(err)) throw err;
    deps.logger.warn({ err, postId }, `could not ${what}; Slack will not accept it`);
  }
}

export async function announcePublished(deps: AnnounceDeps, postId: string): Promise<void> {
  const post = await deps.db.post.findUnique({
    where: { id: postId },
    select: { status: true, authorUserId: true, linkedinUrl: true },
  });
  if (post?.status !== "published") return;
  await bestEffort(deps, postId, "update the living message", () => syncLivingMessage(deps, postId));
  const text = post.linkedinUrl
    ? `:white_check_mark: <@${post.authorUserId}> your post is live on LinkedIn: ${post.linkedinUrl}`
    : `:white_check_mark: <@${post.authorUserId}> your post is on LinkedIn (an earlier attempt went through; LinkedIn did not say which post it is).`;
  await bestEffort(deps, postId, "reply in the thread", () => replyInThread(deps, postId, text));
}

export async function announceFailed(deps: AnnounceDeps, postId: string): Promise<void> {
  const post = await deps.db.post.findUnique({
    where: { id: postId },
    select: { status: true, authorUserId: true, lastError: true },
  });
  if (post?.status !== "failed") return;
  await bestEffort(deps, postId, "update the living message", () => syncLivingMessage(deps, postId));
  const reason = escapeMrkdwn(post.lastError ?? "LinkedIn did not accept the post.");
  const text = `:x: <@${post.authorUserId}> your LinkedIn post was not published: ${reason}\nOnce that is fixed, press *Retry now* on the message above.`;
  await bestEffort(deps, postId, "reply in the thread", () => replyInThread(deps, postId, text));
}
