// Sends a private note to the user who clicked or submitted something: through the response URL
// when Slack gave one (messages), otherwise as an ephemeral message in a channel, or in the app's DM.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logger.js";

export async function tellUser(
  deps: { slack: WebClient; logger: Logger },
  to: {
    userId: string;
    channelId?: string;
    respond?: (msg: {
      text: string;
      response_type: "ephemeral";
      replace_original: false;
    }) => Promise<unknown>;
  },
  text: string,
): Promise<void> {
  try {
    if (to.respond) {
      await to.respond({ text, response_type: "ephemeral", replace_original: false });
      return;
    }
    if (to.channelId) {
      await deps.slack.chat.postEphemeral({ channel: to.channelId, user: to.userId, text });
      return;
    }
    await deps.slack.chat.postMessage({ channel: to.userId, text });
  } catch (err) {
    deps.logger.warn({ err, userId: to.userId }, "could not deliver a note to the user");
  }
}
