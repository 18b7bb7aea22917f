// Home tab lists of posts: the viewer's upcoming posts, their recent results, and (for admins) the
// team's queue and the failures that need action. Pure builders.
import type { KnownBlock } from "@slack/types";
import { formatInZone } from "../../scheduling/parse-when.js";
import { ACTION } from "../ids.js";
import { escapeMrkdwn, slackDate, truncate } from "./format.js";
import { pagerBlock } from "./home-paging.js";
import type { HomePage, HomePost } from "./home-types.js";
import { cancelConfirm } from "./post-status.js";

const PREVIEW_CHARS = 140;
const ERROR_CHARS = 300;

export const when = (at: Date, timeZone: string): string => slackDate(at, formatInZone(at, timeZone));

const preview = (text: string, max = PREVIEW_CHARS): string =>
  `>${escapeMrkdwn(truncate(text.replace(/\s+/g, " ").trim(), max))}`;

/** A warning line for a scheduled post that would fail as things stand, or "". */
export function connectionWarning(p: HomePost, timeZone: string): string {
  switch (p.connectionProblem) {
    case "none":
      return "";
    case "missing":
      return "\n:warning: No LinkedIn connection: an admin must connect one (Home tab) or it will fail.";
    case "needs_reconnect":
      return `\n:warning: ${escapeMrkdwn(p.connectionName ?? "The LinkedIn connection")} must be reconnected by an admin or it will fail.`;
    case "expires_before":
      return `\n:warning: The LinkedIn connection expires ${p.connectionExpiresAt ? when(p.connectionExpiresAt, timeZone) : "first"}, before this post's time: an admin must reconnect it.`;
  }
}

function listHeader(title: string, list: HomePage<HomePost>, noun: string): KnownBlock {
  const count =
    list.total === 0
      ? ""
      : list.pageCount > 1
        ? `  ·  ${list.total} ${noun}, page ${list.page + 1} of ${list.pageCount}`
        : `  ·  ${list.total}`;
  return { type: "section", text: { type: "mrkdwn", text: `*${title}*${count}` } };
}

const empty = (text: string): KnownBlock => ({ type: "context", elements: [{ type: "mrkdwn", text }] });

function cancelButton(postId: string) {
  return {
    type: "button" as const,
    action_id: ACTION.cancel,
    text: { type: "plain_text" as const, text: "Cancel" },
    value: postId,
    confirm: cancelConfirm(),
  };
}

/** The viewer's own scheduled posts, with Edit and Cancel. Two blocks per post. */
export function upcomingBlocks(list: HomePage<HomePost>, timeZone: string): KnownBlock[] {
  const blocks: KnownBlock[] = [listHeader("Your upcoming posts", list, "posts")];
  if (list.items.length === 0) {
    blocks.push(
      empty("Nothing scheduled. Use `/share schedule tomorrow 9am | your text`, or /share for the form."),
    );
    return blocks;
  }
  for (const p of list.items) {
    const as = p.connectionName ? ` · as ${escapeMrkdwn(p.connectionName)}` : "";
    blocks.push(
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*${when(p.publishAt, timeZone)}*${as} · \`${p.shortId}\`\n${preview(p.text)}${connectionWarning(p, timeZone)}`,
        },
      },
      {
        type: "actions",
        block_id: `mine_${p.id}`,
        elements: [
          { type: "button", action_id: ACTION.edit, text: { type: "plain_text", text: "Edit" }, value: p.id },
          { ...cancelButton(p.id), style: "danger" },
        ],
      },
    );
  }
  blocks.push(...pagerBlock("mine", list.page, list.pageCount));
  return blocks;
}

function resultLine(p: HomePost, timeZone: string): string {
  if (p.status === "published") {
    const link = p.linkedinUrl ? ` · <${p.linkedinUrl}|View on LinkedIn>` : "";
    return `:white_check_mark: *Published* ${when(p.publishedAt ?? p.publishAt, timeZone)}${link}\n${preview(p.text, 100)}`;
  }
  const reason = escapeMrkdwn(truncate(p.lastError ?? "LinkedIn did not accept the post.", ERROR_CHARS));
  return `:x: *Not published* (was due ${when(p.publishAt, timeZone)}): ${reason}\n${preview(p.text, 100)}`;
}

/** The viewer's latest published and failed posts. One block per post. */
export function recentBlocks(items: HomePost[], timeZone: string): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: "*Your recent results*" } }];
  if (items.length === 0) {
    blocks.push(empty("No published or failed posts yet."));
    return blocks;
  }
  for (const p of items) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: resultLine(p, timeZone) } });
  }
  return blocks;
}

/** Admins: every scheduled post in the workspace, with Cancel. One block per post. */
export function queueBlocks(list: HomePage<HomePost>, timeZone: string): KnownBlock[] {
  const blocks: KnownBlock[] = [listHeader("Team queue", list, "posts")];
  if (list.items.length === 0) {
    blocks.push(empty("No posts are scheduled."));
    return blocks;
  }
  for (const p of list.items) {
    const as = p.connectionName ? ` as ${escapeMrkdwn(p.connectionName)}` : "";
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${when(p.publishAt, timeZone)}* · <@${p.authorUserId}>${as} · \`${p.shortId}\`\n${preview(p.text, 100)}${connectionWarning(p, timeZone)}`,
      },
      accessory: cancelButton(p.id),
    });
  }
  blocks.push(...pagerBlock("queue", list.page, list.pageCount));
  return blocks;
}

/** Admins: failed posts, newest first, with Retry. One block per post. */
export function failureBlocks(list: HomePage<HomePost>, timeZone: string): KnownBlock[] {
  const blocks: KnownBlock[] = [listHeader("Failures needing action", list, "failures")];
  if (list.items.length === 0) {
    blocks.push(empty("No failed posts. :tada:"));
    return blocks;
  }
  for (const p of list.items) {
    const reason = escapeMrkdwn(truncate(p.lastError ?? "LinkedIn did not accept the post.", ERROR_CHARS));
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `:x: *${when(p.publishAt, timeZone)}* · <@${p.authorUserId}> · \`${p.shortId}\`\n${reason}\n${preview(p.text, 80)}`,
      },
      accessory: {
        type: "button",
        action_id: ACTION.retry,
        text: { type: "plain_text", text: "Retry" },
        value: p.id,
        style: "primary",
      },
    });
  }
  blocks.push(...pagerBlock("failures", list.page, list.pageCount));
  return blocks;
}
