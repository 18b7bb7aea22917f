// Interaction payloads as Slack sends them from the App Home, for the Home tests.
import { TEAM_ID } from "../support/app.js";

export function homeButton(
  userId: string,
  actionId: string,
  opts: { value?: string; privateMetadata?: string; blockId?: string } = {},
): Record<string, unknown> {
  return {
    type: "block_actions",
    user: { id: userId, username: userId.toLowerCase(), team_id: TEAM_ID },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    container: { type: "view", view_id: "VHOME" },
    view: {
      id: "VHOME",
      type: "home",
      callback_id: "",
      private_metadata: opts.privateMetadata ?? "",
      hash: "h1",
    },
    actions: [
      {
        type: "button",
        action_id: actionId,
        block_id: opts.blockId ?? "b1",
        action_ts: "1700000000.000001",
        text: { type: "plain_text", text: "button" },
        ...(opts.value !== undefined ? { value: opts.value } : {}),
      },
    ],
  };
}

export function viewSubmission(
  userId: string,
  callbackId: string,
  values: Record<string, unknown>,
  privateMetadata = "",
): Record<string, unknown> {
  return {
    type: "view_submission",
    user: { id: userId, username: userId.toLowerCase(), team_id: TEAM_ID },
    trigger_id: "trigger-submit",
    view: {
      id: "VMODAL",
      type: "modal",
      callback_id: callbackId,
      private_metadata: privateMetadata,
      hash: "h2",
      state: { values },
    },
  };
}
