// The admins' settings modal: default channel and extra admins. Pure builder and state reader.
import type { ModalView } from "@slack/types";
import { z } from "zod";
import { ACTION, BLOCK, VIEW } from "../ids.js";

export function settingsModal(settings: {
  defaultChannelId: string | null;
  adminUserIds: string[];
}): ModalView {
  return {
    type: "modal",
    callback_id: VIEW.settings,
    title: { type: "plain_text", text: "Settings" },
    submit: { type: "plain_text", text: "Save" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "input",
        block_id: BLOCK.settingsChannel,
        optional: true,
        label: { type: "plain_text", text: "Default channel for status messages" },
        hint: {
          type: "plain_text",
          text: "Posts scheduled from the Home tab or a DM report here. Invite the app to private channels.",
        },
        element: {
          type: "conversations_select",
          action_id: ACTION.settingsChannel,
          filter: {
            include: ["public", "private"],
            exclude_bot_users: true,
            exclude_external_shared_channels: true,
          },
          ...(settings.defaultChannelId ? { initial_conversation: settings.defaultChannelId } : {}),
        },
      },
      {
        type: "input",
        block_id: BLOCK.settingsAdmins,
        optional: true,
        label: { type: "plain_text", text: "Extra admins" },
        hint: {
          type: "plain_text",
          text: "Slack workspace admins and owners are always admins here.",
        },
        element: {
          type: "multi_users_select",
          action_id: ACTION.settingsAdmins,
          max_selected_items: 50,
          ...(settings.adminUserIds.length > 0 ? { initial_users: settings.adminUserIds } : {}),
        },
      },
    ],
  };
}

const SLACK_ID = /^[A-Z0-9]{2,30}$/;

const settingsState = z.object({
  [BLOCK.settingsChannel]: z
    .object({
      [ACTION.settingsChannel]: z.object({ selected_conversation: z.string().regex(SLACK_ID).nullish() }),
    })
    .optional(),
  [BLOCK.settingsAdmins]: z
    .object({
      [ACTION.settingsAdmins]: z.object({
        selected_users: z.array(z.string().regex(SLACK_ID)).max(50).nullish(),
      }),
    })
    .optional(),
});

export type SettingsInput = { defaultChannelId: string | null; adminUserIds: string[] };

/** Reads a settings submission's state values; null when they are malformed. */
export function readSettingsState(values: unknown): SettingsInput | null {
  const parsed = settingsState.safeParse(values);
  if (!parsed.success) return null;
  const channel = parsed.data[BLOCK.settingsChannel]?.[ACTION.settingsChannel]?.selected_conversation ?? null;
  const admins = parsed.data[BLOCK.settingsAdmins]?.[ACTION.settingsAdmins]?.selected_users ?? [];
  return { defaultChannelId: channel, adminUserIds: [...new Set(admins)] };
}
