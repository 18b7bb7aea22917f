// Telling the user something from a Home tab button: a modal when Slack gave a trigger id, else a DM.
import type { ModalView } from "@slack/types";
import type { AppDeps } from "../../../container.js";
import { sendDirectMessage } from "../../../notify/direct-message.js";

export async function showNotice(
  deps: Pick<AppDeps, "slack" | "logger">,
  target: { userId: string; triggerId: string | undefined },
  view: ModalView,
  text: string,
): Promise<void> {
  try {
    if (target.triggerId) {
      await deps.slack.views.open({ trigger_id: target.triggerId, view });
      return;
    }
  } catch (err) {
    deps.logger.warn({ err, userId: target.userId }, "could not open a notice modal; sending a DM instead");
  }
  await sendDirectMessage(deps.slack, target.userId, { text }).catch((err: unknown) => {
    deps.logger.warn({ err, userId: target.userId }, "could not send a notice DM");
  });
}
