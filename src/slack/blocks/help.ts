// Usage text for /share help and unknown subcommands.
import type { KnownBlock } from "@slack/types";
import { COMMAND } from "../ids.js";

export const HELP_EXAMPLES = [
  `${COMMAND} schedule tomorrow 9am | Our Q4 report is out: https://example.com/q4`,
  `${COMMAND} schedule in 2 hours | We're hiring! #marketing`,
  `${COMMAND} schedule Dec 24 10:30am | Happy holidays from the whole team`,
  `${COMMAND} schedule monday at noon EST | Webinar starts in one hour`,
];

export function helpMessage(problem?: string): { text: string; blocks: KnownBlock[] } {
  const usage = [
    `*${COMMAND}* — open the compose window`,
    `*${COMMAND} schedule* \`<when> | <text>\` — schedule a LinkedIn post`,
    `*${COMMAND} list* — your upcoming posts (admins see the whole team's)`,
    `*${COMMAND} cancel* \`<id>\` — cancel a scheduled post`,
    `*${COMMAND} help* — this message`,
  ].join("\n");
  const examples = HELP_EXAMPLES.map((e) => `\`${e}\``).join("\n");
  const times =
    "Times are read in your Slack time zone: “tomorrow 9am”, “in 90 minutes”, “tonight at 8”, “2026-12-10 14:00”, “9am EST”.";
  const blocks: KnownBlock[] = [];
  if (problem) blocks.push({ type: "section", text: { type: "mrkdwn", text: `:warning: ${problem}` } });
  blocks.push(
    { type: "section", text: { type: "mrkdwn", text: usage } },
    { type: "section", text: { type: "mrkdwn", text: `*Examples*\n${examples}` } },
    { type: "context", elements: [{ type: "mrkdwn", text: times }] },
  );
  const text = `${problem ? `${problem}\n` : ""}Usage: ${COMMAND} schedule <when> | <text>, ${COMMAND} list, ${COMMAND} cancel <id>, ${COMMAND} help`;
  return { text, blocks };
}
