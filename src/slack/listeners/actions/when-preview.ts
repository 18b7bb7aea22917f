// Live preview under the modal's "When" field (dispatch_action): parse what was typed, in the
// user's zone, and show the instant or why it cannot be read.
import type { App } from "@slack/bolt";
import type { KnownBlock, View } from "@slack/types";
import { z } from "zod";
import type { AppDeps } from "../../../container.js";
import { userZone } from "../../../posts/user-zone.js";
import { parseWhen } from "../../../scheduling/parse-when.js";
import { whenPreviewBlock } from "../../blocks/compose-modal.js";
import { ACTION, BLOCK } from "../../ids.js";

const payloadSchema = z.object({
  user: z.object({ id: z.string() }),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().nullish() })).min(1),
  view: z.object({
    id: z.string(),
    hash: z.string().optional(),
    type: z.literal("modal"),
    callback_id: z.string().optional(),
    private_metadata: z.string().optional(),
    title: z.unknown(),
    submit: z.unknown().optional(),
    close: z.unknown().optional(),
    blocks: z.array(z.object({ block_id: z.string().optional() }).passthrough()),
  }),
});

/** The same view with its preview block replaced: input values are kept by Slack (same block ids). */
export function withPreview(
  view: z.infer<typeof payloadSchema>["view"],
  preview: { ok: boolean; text: string },
): View {
  const blocks = view.blocks.map((b) =>
    b.block_id === BLOCK.whenPreview ? whenPreviewBlock(preview) : b,
  ) as KnownBlock[];
  return {
    type: "modal",
    ...(view.callback_id ? { callback_id: view.callback_id } : {}),
    ...(view.private_metadata !== undefined ? { private_metadata: view.private_metadata } : {}),
    title: view.title,
    ...(view.submit ? { submit: view.submit } : {}),
    ...(view.close ? { close: view.close } : {}),
    blocks,
  } as View;
}

export function registerWhenPreview(app: App, deps: AppDeps): void {
  app.action(ACTION.when, async ({ ack, body, client }) => {
    await ack();
    const parsed = payloadSchema.safeParse(body);
    if (!parsed.success) return;
    const { user, actions, view } = parsed.data;
    const typed = actions[0]?.value ?? "";
    const zone = await userZone(deps.users, user.id);
    const when = parseWhen(typed, {
      now: deps.clock(),
      timeZone: zone.timeZone,
      maxAheadDays: deps.env.MAX_SCHEDULE_AHEAD_DAYS,
    });
    const preview = when.ok
      ? { ok: true, text: `Will post ${when.display}${when.note ? `. ${when.note}` : ""}` }
      : { ok: false, text: `${when.reason} Try e.g. “${when.example}”.` };
    try {
      await client.views.update({
        view_id: view.id,
        ...(view.hash ? { hash: view.hash } : {}),
        view: withPreview(view, preview),
      });
    } catch (err) {
      // hash_conflict: a newer keystroke already updated the view.
      deps.logger.debug({ err }, "when preview not updated");
    }
  });
}
