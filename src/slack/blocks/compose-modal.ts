// The compose modal: text, "When" in natural language with a live preview under it, the LinkedIn
// account (when there is more than one) and the channel for notifications.
import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import { MAX_COMMENTARY_LENGTH } from "../../linkedin/little-text.js";
import { ACTION, BLOCK, VIEW } from "../ids.js";
import { escapeMrkdwn } from "./format.js";

export const composeMetadataSchema = z.object({
  mode: z.enum(["create", "edit"]),
  /** Where the status message goes; unset when opened from the Home tab without a default channel. */
  channelId: z
    .string()
    .regex(/^[CDG][A-Z0-9]+$/)
    .optional(),
  postId: z.uuid().optional(),
  version: z.number().int().positive().optional(),
});
export type ComposeMetadata = z.infer<typeof composeMetadataSchema>;

export type ComposeModalInput = {
  metadata: ComposeMetadata;
  timeZone: string;
  connections: { id: string; displayName: string; kind: "member" | "organization" }[];
  initial?: { text?: string; whenText?: string; connectionId?: string | null };
  /** Text under the When field: the parsed time, or why it cannot be read. */
  preview?: { ok: boolean; text: string };
};

export function whenPreviewBlock(preview?: { ok: boolean; text: string }): KnownBlock {
  const text = preview
    ? `${preview.ok ? ":calendar:" : ":warning:"} ${escapeMrkdwn(preview.text)}`
    : "Type a time and press Enter to see when it will be posted.";
  return { type: "context", block_id: BLOCK.whenPreview, elements: [{ type: "mrkdwn", text }] };
}

export function composeModal(input: ComposeModalInput): ModalView {
  const { metadata, connections, initial } = input;
  const blocks: KnownBlock[] = [
    {
      type: "input",
      block_id: BLOCK.text,
      label: { type: "plain_text", text: "Post" },
      element: {
        type: "plain_text_input",
        action_id: ACTION.text,
        multiline: true,
        max_length: MAX_COMMENTARY_LENGTH,
        placeholder: { type: "plain_text", text: "What do you want to share on LinkedIn?" },
        ...(initial?.text ? { initial_value: initial.text } : {}),
      },
    },
    {
      type: "input",
      block_id: BLOCK.when,
      dispatch_action: true,
      label: { type: "plain_text", text: "When" },
      hint: {
        type: "plain_text",
        text: `In your time zone (${input.timeZone}): “tomorrow 9am”, “in 2 hours”, “Dec 24 10:30am”, “monday at noon EST”.`,
      },
      element: {
        type: "plain_text_input",
        action_id: ACTION.when,
        placeholder: { type: "plain_text", text: "tomorrow 9am" },
        dispatch_action_config: { trigger_actions_on: ["on_enter_pressed", "on_character_entered"] },
        ...(initial?.whenText ? { initial_value: initial.whenText } : {}),
      },
    },
    whenPreviewBlock(input.preview),
  ];
  if (connections.length > 1) {
    const options = connections.slice(0, 100).map((c) => ({
      text: {
        type: "plain_text" as const,
        text: `${c.displayName}${c.kind === "organization" ? " (page)" : ""}`.slice(0, 75),
      },
      value: c.id,
    }));
    const initialOption = options.find((o) => o.value === initial?.connectionId) ?? options[0];
    blocks.push({
      type: "input",
      block_id: BLOCK.connection,
      label: { type: "plain_text", text: "Post as" },
      element: {
        type: "static_select",
        action_id: ACTION.connection,
        options,
        ...(initialOption ? { initial_option: initialOption } : {}),
      },
    });
  }
  if (metadata.mode === "create") {
    blocks.push({
      type: "input",
      block_id: BLOCK.channel,
      label: { type: "plain_text", text: "Notify channel" },
      hint: {
        type: "plain_text",
        text: "The post's status message (scheduled, published, failed) goes here.",
      },
      element: {
        type: "conversations_select",
        action_id: ACTION.channel,
        ...(metadata.channelId ? { initial_conversation: metadata.channelId } : {}),
        filter: { include: ["public", "private"], exclude_bot_users: true },
      },
    });
  }
  return {
    type: "modal",
    callback_id: VIEW.compose,
    private_metadata: JSON.stringify(metadata),
    title: {
      type: "plain_text",
      text: metadata.mode === "edit" ? "Edit LinkedIn post" : "Schedule LinkedIn post",
    },
    submit: { type: "plain_text", text: metadata.mode === "edit" ? "Save" : "Schedule" },
    close: { type: "plain_text", text: "Cancel" },
    blocks,
  };
}
