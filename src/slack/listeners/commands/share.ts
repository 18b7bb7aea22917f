// /share: routes the subcommand. Thin: ack first (Slack's 3-second rule), then call a service and
// answer through `respond`. Input errors that need no I/O are answered in the ack itself.
import type { AllMiddlewareArgs, App, RespondFn, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../container.js";
import { cancelPost } from "../../../posts/cancel-post.js";
import { listUpcoming } from "../../../posts/list-posts.js";
import { describeErrors, schedulePost } from "../../../posts/schedule-post.js";
import { scheduledConfirmation } from "../../blocks/confirmation.js";
import { decodeSlackText } from "../../blocks/format.js";
import { helpMessage } from "../../blocks/help.js";
import { postListMessage } from "../../blocks/post-list.js";
import { COMMAND } from "../../ids.js";
import { failureMessage } from "../failure-message.js";
import { openComposeModal } from "./open-compose.js";

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function parseSubcommand(text: string): { name: string; rest: string } {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text.trim());
  if (!match) return { name: "", rest: "" };
  return { name: (match[1] ?? "").toLowerCase(), rest: match[2] ?? "" };
}

const EXAMPLE = `${COMMAND} schedule tomorrow 9am | Our Q4 report is out`;

/** Splits "<when> | <text>" at the first `|`; the text may contain more `|`. */
export function splitSchedule(
  rest: string,
): { ok: true; when: string; text: string } | { ok: false; message: string } {
  const bar = rest.indexOf("|");
  if (rest.trim() === "") {
    return { ok: false, message: `Say when and what to post, separated by \`|\`, e.g. \`${EXAMPLE}\`.` };
  }
  if (bar === -1) {
    return {
      ok: false,
      message: `Put a \`|\` between the time and the post text, e.g. \`${EXAMPLE}\`.`,
    };
  }
  const when = rest.slice(0, bar).trim();
  const text = rest.slice(bar + 1);
  if (when === "") return { ok: false, message: `Say when to post before the \`|\`, e.g. \`${EXAMPLE}\`.` };
  if (text.trim() === "") {
    return { ok: false, message: `The post text after the \`|\` is empty, e.g. \`${EXAMPLE}\`.` };
  }
  return { ok: true, when, text };
}

const ephemeral = (respond: RespondFn, text: string, extra: Record<string, unknown> = {}) =>
  respond({ response_type: "ephemeral", text, ...extra });

async function schedule(deps: AppDeps, { command, ack, respond }: CommandArgs, rest: string) {
  const parts = splitSchedule(rest);
  if (!parts.ok) {
    await ack({ response_type: "ephemeral", text: `:warning: ${parts.message}` });
    return;
  }
  await ack();
  try {
    const result = await deps.background(() =>
      schedulePost(deps, {
        teamId: command.team_id,
        userId: command.user_id,
        channelId: command.channel_id,
        whenText: parts.when,
        text: decodeSlackText(parts.text),
        submissionKey: `command:${command.trigger_id}`,
      }),
    );
    if (!result.ok) {
      await ephemeral(respond, `:warning: ${describeErrors(result)}\nNothing was scheduled.`);
      return;
    }
    await ephemeral(respond, scheduledConfirmation("Scheduled", result));
  } catch (err) {
    deps.logger.error({ err, user: command.user_id }, "/share schedule failed");
    await ephemeral(respond, failureMessage(err, "Nothing was scheduled")).catch(() => {});
  }
}

async function list(deps: AppDeps, { command, ack, respond }: CommandArgs) {
  await ack();
  try {
    const result = await deps.background(() =>
      listUpcoming(deps, { teamId: command.team_id, userId: command.user_id }),
    );
    await respond({ response_type: "ephemeral", ...postListMessage(result) });
  } catch (err) {
    deps.logger.error({ err }, "/share list failed");
    await ephemeral(respond, failureMessage(err)).catch(() => {});
  }
}

async function cancel(deps: AppDeps, { command, ack, respond }: CommandArgs, rest: string) {
  const ref = rest.trim();
  if (ref === "") {
    await ack({
      response_type: "ephemeral",
      text: `:warning: Which post? Give its id, e.g. \`${COMMAND} cancel k7m2qx\`. \`${COMMAND} list\` shows the ids.`,
    });
    return;
  }
  await ack();
  try {
    const post = await deps.background(() =>
      cancelPost(deps, { teamId: command.team_id, actorId: command.user_id, postRef: ref }),
    );
    await ephemeral(respond, `:no_entry_sign: Cancelled post \`${post.shortId}\`; it will not be published.`);
  } catch (err) {
    deps.logger.info({ err, user: command.user_id }, "/share cancel refused or failed");
    await ephemeral(respond, failureMessage(err)).catch(() => {});
  }
}

export function registerShareCommand(app: App, deps: AppDeps): void {
  app.command(COMMAND, async (args) => {
    const { name, rest } = parseSubcommand(args.command.text ?? "");
    switch (name) {
      case "":
        return openComposeModal(deps, args);
      case "schedule":
        return schedule(deps, args, rest);
      case "list":
        return list(deps, args);
      case "cancel":
        return cancel(deps, args, rest);
      case "help":
        await args.ack({ response_type: "ephemeral", ...helpMessage() });
        return;
      default:
        await args.ack({
          response_type: "ephemeral",
          ...helpMessage(`I don't know “${name.slice(0, 40)}”. Here is what ${COMMAND} can do:`),
        });
    }
  });
}
