// The App Home view: everyone's own posts and results; for admins also connections, the team's
// queue, failures, settings and this month's figures. Never more than 100 blocks (Slack's limit).
import type { HomeView, KnownBlock } from "@slack/types";
import { ACTION } from "../ids.js";
import { monthBlocks, settingsBlocks } from "./home-admin.js";
import { connectionsBlocks } from "./home-connections.js";
import { encodePages } from "./home-paging.js";
import { failureBlocks, queueBlocks, recentBlocks, upcomingBlocks } from "./home-posts.js";
import type { HomeData } from "./home-types.js";

export const MAX_VIEW_BLOCKS = 100;

const divider: KnownBlock = { type: "divider" };

/** Keeps a view within Slack's block limit, saying so when something had to be left out. */
export function capBlocks(blocks: KnownBlock[], max = MAX_VIEW_BLOCKS): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  return [
    ...blocks.slice(0, max - 1),
    {
      type: "context",
      elements: [
        { type: "mrkdwn", text: "Some of the Home tab was left out: it is longer than Slack allows." },
      ],
    },
  ];
}

export function buildHomeView(data: HomeData): HomeView {
  const { timeZone, now } = data;
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: data.isAdmin ? "LinkedIn Share · admin" : "LinkedIn Share" },
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Schedule LinkedIn posts with \`/share schedule tomorrow 9am | your text\`. Times are shown in your time zone (${timeZone}).`,
        },
      ],
    },
    {
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: ACTION.openCompose,
          text: { type: "plain_text", text: "New post" },
          style: "primary",
        },
      ],
    },
    divider,
    ...upcomingBlocks(data.mine, timeZone),
    divider,
    ...recentBlocks(data.recent, timeZone),
  ];
  const admin = data.admin;
  if (admin) {
    blocks.push(
      divider,
      ...failureBlocks(admin.failures, timeZone),
      divider,
      ...connectionsBlocks(admin, now, timeZone),
      divider,
      ...queueBlocks(admin.queue, timeZone),
      divider,
      ...monthBlocks(admin.month, timeZone),
      divider,
      ...settingsBlocks(admin.settings),
    );
  }
  return {
    type: "home",
    blocks: capBlocks(blocks),
    private_metadata: encodePages({
      mine: data.mine.page,
      queue: admin?.queue.page ?? 0,
      failures: admin?.failures.page ?? 0,
    }),
  };
}
