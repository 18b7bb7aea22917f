// /share list: the upcoming posts, each with Edit and Cancel.
import type { KnownBlock } from "@slack/types";
import { ACTION } from "../ids.js";
import { escapeMrkdwn, slackDate, truncate } from "./format.js";
import { cancelConfirm } from "./post-status.js";

export type ListedPost = {
  id: string;
  shortId: string;
  authorUserId: string;
  text: string;
  publishAt: Date;
  status: string;
  lastError?: string | null;
};

export function postListMessage(input: { posts: ListedPost[]; total: number; everyone: boolean }): {
  text: string;
  blocks: KnownBlock[];
} {
  const { posts, total, everyone } = input;
  if (posts.length === 0) {
    const text = everyone
      ? "Nothing is scheduled for the team. Schedule a post with `/share schedule tomorrow 9am | …` or `/share`."
      : "You have no upcoming posts. Schedule one with `/share schedule tomorrow 9am | …` or `/share`.";
    return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
  }
  const title = everyone ? "*The team's upcoming LinkedIn posts*" : "*Your upcoming LinkedIn posts*";
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: title } }];
  for (const p of posts) {
    const state =
      p.status === "failed"
        ? `:x: failed: ${escapeMrkdwn(truncate(p.lastError ?? "", 150))}`
        : slackDate(p.publishAt);
    const author = everyone ? ` · <@${p.authorUserId}>` : "";
    blocks.push(
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `\`${p.shortId}\` · ${state}${author}\n${escapeMrkdwn(truncate(p.text.replace(/\s+/g, " "), 140))}`,
        },
      },
      {
        type: "actions",
        elements: [
          ...(p.status === "scheduled"
            ? [
                {
                  type: "button" as const,
                  action_id: ACTION.edit,
                  text: { type: "plain_text" as const, text: "Edit" },
                  value: p.id,
                },
              ]
            : [
                {
                  type: "button" as const,
                  action_id: ACTION.retry,
                  text: { type: "plain_text" as const, text: "Retry now" },
                  value: p.id,
                },
              ]),
          {
            type: "button",
            action_id: ACTION.cancel,
            text: { type: "plain_text", text: "Cancel" },
            value: p.id,
            style: "danger",
            confirm: cancelConfirm(),
          },
        ],
      },
    );
  }
  if (total > posts.length) {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Showing the next ${posts.length} of ${total}. The app's Home tab shows them all.`,
        },
      ],
    });
  }
  return { text: `${total} upcoming LinkedIn post${total === 1 ? "" : "s"}`, blocks };
}
