// The living status message of a post, one per post in its channel: scheduled (with Edit and
// Cancel), publishing, published (with the link), failed (with the reason and Retry), cancelled.
import type { KnownBlock } from "@slack/types";
import { ACTION } from "../ids.js";
import { escapeMrkdwn, slackDate, truncate } from "./format.js";

export type PostStatusView = {
  id: string;
  shortId: string;
  authorUserId: string;
  text: string;
  publishAt: Date;
  status: "scheduled" | "publishing" | "published" | "failed" | "cancelled";
  linkedinUrl?: string | null;
  lastError?: string | null;
  publishedAt?: Date | null;
  connectionName?: string | null;
  /** When the connection's token expires; a warning shows if that is before publishAt. */
  connectionExpiresAt?: Date | null;
  /** The connection can no longer post (or is gone): shown on a scheduled post. */
  connectionProblem?: "needs_reconnect" | "disconnected" | null;
  cancelledBy?: string | null;
};

const PREVIEW_CHARS = 600;

export function cancelConfirm() {
  return {
    title: { type: "plain_text" as const, text: "Cancel this post?" },
    text: { type: "mrkdwn" as const, text: "It will not be published on LinkedIn." },
    confirm: { type: "plain_text" as const, text: "Cancel post" },
    deny: { type: "plain_text" as const, text: "Keep it" },
    style: "danger" as const,
  };
}

function headline(p: PostStatusView): string {
  switch (p.status) {
    case "scheduled":
      return `:calendar: *LinkedIn post scheduled* for ${slackDate(p.publishAt)}`;
    case "publishing":
      return ":hourglass_flowing_sand: *Publishing to LinkedIn…*";
    case "published":
      return `:white_check_mark: *Published on LinkedIn*${p.publishedAt ? ` ${slackDate(p.publishedAt)}` : ""}`;
    case "failed":
      return `:x: *Not published:* ${escapeMrkdwn(p.lastError ?? "LinkedIn did not accept the post.")}`;
    case "cancelled":
      return `:no_entry_sign: *Cancelled*${p.cancelledBy ? ` by <@${p.cancelledBy}>` : ""} — it will not be published.`;
  }
}

export function postStatusMessage(p: PostStatusView): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: headline(p) } }];
  const preview = escapeMrkdwn(truncate(p.text, PREVIEW_CHARS))
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
  blocks.push({ type: "section", text: { type: "mrkdwn", text: preview } });
  const context = [`By <@${p.authorUserId}>`];
  if (p.connectionName) context.push(`as ${escapeMrkdwn(p.connectionName)}`);
  if (p.status !== "scheduled") context.push(`scheduled for ${slackDate(p.publishAt)}`);
  context.push(`id \`${p.shortId}\``);
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: context.join(" · ") }] });

  if (p.status === "scheduled" && p.connectionProblem) {
    const what =
      p.connectionProblem === "disconnected"
        ? "Its LinkedIn account was disconnected. An admin can connect one from the app's Home tab, then Edit this post to use it"
        : "LinkedIn must be reconnected for this account. An admin can reconnect it from the app's Home tab";
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `:warning: ${what}, or the post will fail.` }],
    });
  } else if (p.status === "scheduled" && p.connectionExpiresAt && p.connectionExpiresAt < p.publishAt) {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `:warning: The LinkedIn connection expires ${slackDate(p.connectionExpiresAt)}, before this post's time. An admin must reconnect LinkedIn from the app's Home tab, or it will fail.`,
        },
      ],
    });
  }

  if (p.status === "scheduled") {
    blocks.push({
      type: "actions",
      elements: [
        { type: "button", action_id: ACTION.edit, text: { type: "plain_text", text: "Edit" }, value: p.id },
        {
          type: "button",
          action_id: ACTION.cancel,
          text: { type: "plain_text", text: "Cancel" },
          value: p.id,
          style: "danger",
          confirm: cancelConfirm(),
        },
      ],
    });
  } else if (p.status === "failed") {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: ACTION.retry,
          text: { type: "plain_text", text: "Retry now" },
          value: p.id,
          style: "primary",
        },
        {
          type: "button",
          action_id: ACTION.cancel,
          text: { type: "plain_text", text: "Cancel" },
          value: p.id,
          confirm: cancelConfirm(),
        },
      ],
    });
  } else if (p.status === "published" && p.linkedinUrl) {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: "post_view_on_linkedin",
          text: { type: "plain_text", text: "View on LinkedIn" },
          url: p.linkedinUrl,
        },
      ],
    });
  }

  const fallback: Record<PostStatusView["status"], string> = {
    scheduled: `LinkedIn post scheduled for ${p.publishAt.toISOString()}`,
    publishing: "Publishing to LinkedIn…",
    published: `Published on LinkedIn${p.linkedinUrl ? `: ${p.linkedinUrl}` : ""}`,
    failed: `Not published: ${p.lastError ?? "LinkedIn did not accept the post."}`,
    cancelled: "LinkedIn post cancelled",
  };
  return { text: fallback[p.status], blocks };
}
