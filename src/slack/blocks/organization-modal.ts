// Choosing a company page to post as: a loading modal (opened at once, as trigger ids expire in about
// 3 s), then the list of pages the member administers. Pure builders.
import type { ModalView } from "@slack/types";
import { z } from "zod";
import { ACTION, BLOCK, VIEW } from "../ids.js";
import { escapeMrkdwn } from "./format.js";

export type PageChoice = { urn: string; name: string; connected: boolean };

const title = { type: "plain_text" as const, text: "Add a company page" };
const MAX_OPTIONS = 100;

export const organizationLoadingModal = (): ModalView => ({
  type: "modal",
  callback_id: VIEW.connectOrganization,
  title,
  close: { type: "plain_text", text: "Cancel" },
  blocks: [
    {
      type: "section",
      text: { type: "mrkdwn", text: ":hourglass_flowing_sand: Asking LinkedIn for your pages…" },
    },
  ],
});

/**
 * private_metadata: the member connection and the ids of the pages offered (Slack returns an app-set value
 * untouched; names come back with the chosen option). Ids keep it within Slack's 3000 characters.
 */
export type OrganizationMetadata = { connectionId: string; organizationIds: string[] };

const metadataSchema = z.object({
  connectionId: z.uuid(),
  organizationIds: z.array(z.string().regex(/^\d{1,20}$/)).max(MAX_OPTIONS),
});

export function readOrganizationMetadata(raw: unknown): OrganizationMetadata | null {
  if (typeof raw !== "string") return null;
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const organizationId = (urn: string): string | null =>
  /^urn:li:organization:(\d{1,20})$/.exec(urn)?.[1] ?? null;

export function organizationPickerModal(connectionId: string, pages: PageChoice[]): ModalView {
  const available = pages.filter((p) => !p.connected && organizationId(p.urn) !== null).slice(0, MAX_OPTIONS);
  const connected = pages.filter((p) => p.connected);
  const metadata: OrganizationMetadata = {
    connectionId,
    organizationIds: available.map((p) => organizationId(p.urn) ?? ""),
  };
  const blocks: ModalView["blocks"] = [];
  if (available.length > 0) {
    blocks.push({
      type: "input",
      block_id: BLOCK.organization,
      label: { type: "plain_text", text: "Company page" },
      element: {
        type: "static_select",
        action_id: ACTION.organization,
        placeholder: { type: "plain_text", text: "Choose a page" },
        options: available.map((p) => ({
          text: { type: "plain_text" as const, text: p.name.slice(0, 75) },
          value: p.urn,
        })),
      },
    });
  } else {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text:
          pages.length === 0
            ? "LinkedIn lists no company pages that you administer."
            : "Every page you administer is already connected.",
      },
    });
  }
  if (connected.length > 0) {
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Already connected: ${connected.map((p) => escapeMrkdwn(p.name)).join(", ")}`.slice(0, 2000),
        },
      ],
    });
  }
  return {
    type: "modal",
    callback_id: VIEW.connectOrganization,
    title,
    close: { type: "plain_text", text: "Cancel" },
    ...(available.length > 0 ? { submit: { type: "plain_text" as const, text: "Connect" } } : {}),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

const selectionSchema = z.object({
  [BLOCK.organization]: z.object({
    [ACTION.organization]: z.object({
      selected_option: z.object({ value: z.string(), text: z.object({ text: z.string() }) }).nullish(),
    }),
  }),
});

/** The page chosen in the picker, if it is one of those offered; null otherwise. */
export function readOrganizationChoice(
  values: unknown,
  metadata: OrganizationMetadata,
): { urn: string; name: string } | null {
  const parsed = selectionSchema.safeParse(values);
  if (!parsed.success) return null;
  const option = parsed.data[BLOCK.organization][ACTION.organization].selected_option;
  const id = option ? organizationId(option.value) : null;
  if (!option || id === null || !metadata.organizationIds.includes(id)) return null;
  return { urn: option.value, name: option.text.text };
}
