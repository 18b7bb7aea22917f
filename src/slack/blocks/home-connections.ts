// Admins' view of the LinkedIn connections: status, days to expiry, and connect, add a company page,
// disconnect. Pure builder.
import type { KnownBlock } from "@slack/types";
import { ACTION } from "../ids.js";
import { escapeMrkdwn } from "./format.js";
import { when } from "./home-posts.js";
import type { HomeAdminData, HomeConnection } from "./home-types.js";

const DAY_MS = 86_400_000;

/** Whole days left before `expiresAt` (rounded up; 0 once expired). */
export const daysLeft = (expiresAt: Date, now: Date): number =>
  Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));

export function disconnectConfirm(name: string, scheduled: number) {
  const posts =
    scheduled === 0
      ? "No scheduled posts use it."
      : `${scheduled} scheduled post${scheduled === 1 ? "" : "s"} use${scheduled === 1 ? "s" : ""} it and will need another connection.`;
  return {
    title: { type: "plain_text" as const, text: "Disconnect LinkedIn?" },
    text: { type: "mrkdwn" as const, text: `The app will stop posting as *${escapeMrkdwn(name)}*. ${posts}` },
    confirm: { type: "plain_text" as const, text: "Disconnect" },
    deny: { type: "plain_text" as const, text: "Keep it" },
    style: "danger" as const,
  };
}

function statusLine(c: HomeConnection, now: Date, timeZone: string): string {
  if (c.status === "needs_reconnect") {
    return ":red_circle: *Needs reconnecting*: the token expired or was revoked. Use *Connect LinkedIn* and sign in as this member.";
  }
  if (c.refreshable) return ":large_green_circle: Active · renews automatically";
  const days = daysLeft(c.expiresAt, now);
  const icon = days <= 7 ? ":large_orange_circle:" : ":large_green_circle:";
  const left = days === 0 ? "expires today" : `expires in ${days} day${days === 1 ? "" : "s"}`;
  return `${icon} Active · ${left} (${when(c.expiresAt, timeZone)})`;
}

function connectionBlocks(c: HomeConnection, now: Date, timeZone: string): KnownBlock[] {
  const kind = c.kind === "organization" ? "company page" : "member";
  const lines = [
    `*${escapeMrkdwn(c.displayName)}* (${kind}) · connected by <@${c.connectedByUserId}>`,
    statusLine(c, now, timeZone),
  ];
  if (c.scheduledCount > 0)
    lines.push(`${c.scheduledCount} scheduled post${c.scheduledCount === 1 ? "" : "s"}`);
  if (c.scheduledAfterExpiry > 0 && !c.refreshable) {
    lines.push(
      `:warning: ${c.scheduledAfterExpiry} scheduled post${c.scheduledAfterExpiry === 1 ? " is" : "s are"} after this expiry: reconnect before then.`,
    );
  }
  const elements: Extract<KnownBlock, { type: "actions" }>["elements"] = [];
  if (c.canAddPages && c.status === "active") {
    elements.push({
      type: "button",
      action_id: ACTION.connectOrganization,
      text: { type: "plain_text", text: "Add a company page" },
      value: c.id,
    });
  }
  elements.push({
    type: "button",
    action_id: ACTION.disconnect,
    text: { type: "plain_text", text: "Disconnect" },
    value: c.id,
    confirm: disconnectConfirm(c.displayName, c.scheduledCount),
  });
  return [
    { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
    { type: "actions", block_id: `connection_${c.id}`, elements },
  ];
}

export function connectionsBlocks(admin: HomeAdminData, now: Date, timeZone: string): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: "*LinkedIn connections*" } },
  ];
  if (!admin.linkedInConfigured) {
    const steps = admin.setupSteps.map((s, i) => `${i + 1}. ${escapeMrkdwn(s)}`).join("\n");
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `:gear: *LinkedIn is not configured yet.*\n${steps}` },
    });
  }
  if (admin.postsNeedingConnection > 0) {
    const n = admin.postsNeedingConnection;
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `:warning: ${n} scheduled post${n === 1 ? " has" : "s have"} no usable LinkedIn connection and will fail unless one is connected or reconnected.`,
        },
      ],
    });
  }
  if (admin.connections.length === 0 && admin.linkedInConfigured) {
    blocks.push({
      type: "context",
      elements: [
        { type: "mrkdwn", text: "No LinkedIn account is connected yet: posts cannot be published." },
      ],
    });
  }
  for (const c of admin.connections) blocks.push(...connectionBlocks(c, now, timeZone));
  const hidden = admin.connectionsTotal - admin.connections.length;
  if (hidden > 0) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `…and ${hidden} more connection${hidden === 1 ? "" : "s"}.` }],
    });
  }
  blocks.push({
    type: "actions",
    block_id: "connections_actions",
    elements: [
      {
        type: "button",
        action_id: ACTION.connectLinkedIn,
        text: { type: "plain_text", text: "Connect LinkedIn" },
        style: "primary",
      },
    ],
  });
  return blocks;
}
