// /share: routes the subcommand. Thin: ack first (Slack's 3-second rule), then call a service.
import type { App } from "@slack/bolt";
import type { AppDeps } from "../../../container.js";
import { helpMessage } from "../../blocks/help.js";
import { COMMAND } from "../../ids.js";

export function parseSubcommand(text: string): { name: string; rest: string } {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { name: "", rest: "" };
  return { name: (match[1] ?? "").toLowerCase(), rest: match[2] ?? "" };
}

export function registerShareCommand(app: App, _deps: AppDeps): void {
  app.command(COMMAND, async ({ command, ack }) => {
    const { name } = parseSubcommand(command.text);
    switch (name) {
      case "help":
        await ack({ response_type: "ephemeral", ...helpMessage() });
        return;
      default:
        await ack({
          response_type: "ephemeral",
          ...helpMessage(`I don't know “${name}”. Here is what ${COMMAND} can do:`),
        });
    }
  });
}
