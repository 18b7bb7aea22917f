// /share with no argument: opens the compose modal (trigger ids expire in ~3 s, so ack first).
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { AppDeps } from "../../../container.js";
import { composeContext } from "../../../posts/compose-context.js";
import { composeModal } from "../../blocks/compose-modal.js";
import { failureMessage } from "../failure-message.js";

export async function openComposeModal(
  deps: AppDeps,
  { command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs,
): Promise<void> {
  await ack();
  try {
    const ctx = await composeContext(deps, command.team_id, command.user_id);
    if (!ctx.ok) {
      await respond({ response_type: "ephemeral", text: `:warning: ${ctx.message}` });
      return;
    }
    await client.views.open({
      trigger_id: command.trigger_id,
      view: composeModal({
        metadata: { mode: "create", channelId: command.channel_id },
        timeZone: ctx.timeZone,
        connections: ctx.connections,
      }),
    });
  } catch (err) {
    deps.logger.error({ err }, "could not open the compose modal");
    await respond({ response_type: "ephemeral", text: failureMessage(err) }).catch(() => {});
  }
}
