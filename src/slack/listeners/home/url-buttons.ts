// URL buttons (the LinkedIn sign-in links) open in the browser, but Slack still sends the app an
// action: acknowledge it so Slack shows no error.
import type { App } from "@slack/bolt";
import { ACTION } from "../../ids.js";

export function registerUrlButtons(app: App): void {
  app.action(ACTION.openLinkedInUrl, async ({ ack }) => {
    await ack();
  });
}
