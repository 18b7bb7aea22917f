// Direct messages from the app to a Slack user (reminders, pre-flight warnings, refusals).
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";

export type DirectMessage = { text: string; blocks?: KnownBlock[] };

/** Posts into the app's DM with the user (chat.postMessage with the user id as channel). Throws Slack's error. */
export async function sendDirectMessage(
  slack: WebClient,
  userId: string,
  message: DirectMessage,
): Promise<void> {
  await slack.chat.postMessage({
    channel: userId,
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    unfurl_links: false,
  });
}
