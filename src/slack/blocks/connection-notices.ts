// Direct messages about LinkedIn connections: expiry reminders, expiry, and a failed pre-flight check.
// Pure builders; dates are Slack date tokens, so every reader sees their own time zone.
import type { KnownBlock } from "@slack/types";
import { escapeMrkdwn, slackDate } from "./format.js";

type Message = { text: string; blocks: KnownBlock[] };

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });

const what = (c: { displayName: string; kind: "member" | "organization" }) =>
  `${c.kind === "organization" ? "company page" : "LinkedIn account"} *${escapeMrkdwn(c.displayName)}*`;

const posts = (n: number) => `${n} scheduled post${n === 1 ? "" : "s"}`;

export function expiryReminderMessage(input: {
  displayName: string;
  kind: "member" | "organization";
  expiresAt: Date;
  days: number;
  scheduledAfterExpiry: number;
}): Message {
  const when = input.days <= 1 ? "tomorrow" : `in ${input.days} days`;
  const lines = [
    `:hourglass: The ${what(input)} stops working ${when} (${slackDate(input.expiresAt)}): LinkedIn access lasts 60 days.`,
    "An admin can renew it in the app's Home tab: *Connect LinkedIn* and sign in as the same member.",
  ];
  if (input.scheduledAfterExpiry > 0) {
    lines.push(`:warning: ${posts(input.scheduledAfterExpiry)} will fail unless it is renewed before then.`);
  }
  return {
    text: `The LinkedIn connection ${input.displayName} expires ${when}; reconnect it from the app's Home tab.`,
    blocks: [section(lines.join("\n"))],
  };
}

export function connectionExpiredMessage(input: {
  displayName: string;
  kind: "member" | "organization";
  scheduledPosts: number;
}): Message {
  const lines = [
    `:red_circle: The ${what(input)} has expired and needs reconnecting.`,
    "An admin can reconnect it in the app's Home tab: *Connect LinkedIn* and sign in as the same member.",
  ];
  if (input.scheduledPosts > 0) lines.push(`:warning: ${posts(input.scheduledPosts)} will fail until then.`);
  return {
    text: `The LinkedIn connection ${input.displayName} expired; reconnect it from the app's Home tab.`,
    blocks: [section(lines.join("\n"))],
  };
}

export function preflightFailedMessage(input: {
  reason: string;
  posts: { shortId: string; publishAt: Date }[];
}): Message {
  const list = input.posts
    .slice(0, 10)
    .map((p) => `• \`${p.shortId}\` at ${slackDate(p.publishAt)}`)
    .join("\n");
  const more = input.posts.length > 10 ? `\n…and ${input.posts.length - 10} more` : "";
  return {
    text: `A LinkedIn post due within the hour will fail: ${input.reason}`,
    blocks: [
      section(
        `:warning: *A post due within the hour will not go out as things stand.*\n${escapeMrkdwn(input.reason)}`,
      ),
      section(`${list}${more}`),
    ],
  };
}
