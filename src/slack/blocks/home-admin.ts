// Admins' settings summary and this month's figures on the Home tab. Pure builders.
import type { KnownBlock } from "@slack/types";
import { ACTION } from "../ids.js";
import { when } from "./home-posts.js";
import type { HomeAdminData } from "./home-types.js";

const users = (ids: readonly string[]): string => ids.map((id) => `<@${id}>`).join(", ");

export function settingsBlocks(settings: HomeAdminData["settings"]): KnownBlock[] {
  const lines = [
    "*Settings*",
    `Default channel for status messages: ${settings.defaultChannelId ? `<#${settings.defaultChannelId}>` : "_not set_ (the channel /share is used in)"}`,
    `Extra admins: ${settings.adminUserIds.length > 0 ? users(settings.adminUserIds) : "_none_"}`,
    `Also admins: Slack workspace admins and owners${settings.configuredAdminUserIds.length > 0 ? `, and ${users(settings.configuredAdminUserIds)} (ADMIN_SLACK_USER_IDS)` : ""}`,
  ];
  return [
    {
      type: "section",
      text: { type: "mrkdwn", text: lines.join("\n") },
      accessory: {
        type: "button",
        action_id: ACTION.openSettings,
        text: { type: "plain_text", text: "Edit settings" },
      },
    },
  ];
}

export function monthBlocks(month: HomeAdminData["month"], timeZone: string): KnownBlock[] {
  const next = month.next
    ? `${when(month.next.publishAt, timeZone)}\nby <@${month.next.authorUserId}> · \`${month.next.shortId}\``
    : "_nothing scheduled_";
  return [
    {
      type: "section",
      text: { type: "mrkdwn", text: `*This month* (${month.label})` },
      fields: [
        { type: "mrkdwn", text: `*Published*\n${month.published}` },
        { type: "mrkdwn", text: `*Failed*\n${month.failed}` },
        { type: "mrkdwn", text: `*Still scheduled*\n${month.scheduled}` },
        { type: "mrkdwn", text: `*Next post*\n${next}` },
      ],
    },
  ];
}
