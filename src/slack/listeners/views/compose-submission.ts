// The compose modal's submission (create or edit). Validation errors appear under the field at
// fault (response_action: errors) within Slack's 3 seconds; saving happens after the ack.
// A second submission of the same view (double click, Slack retry) creates nothing new.
import type { App } from "@slack/bolt";
import { z } from "zod";
import type { AppDeps } from "../../../container.js";
import { isAppError } from "../../../errors.js";
import { editPost, loadEditablePost } from "../../../posts/edit-post.js";
import { type FieldError, schedulePost, validateSchedule } from "../../../posts/schedule-post.js";
import { type ComposeMetadata, composeMetadataSchema } from "../../blocks/compose-modal.js";
import { scheduledConfirmation } from "../../blocks/confirmation.js";
import { ACTION, BLOCK, VIEW } from "../../ids.js";
import { DeadlineError, failureMessage, withDeadline } from "../failure-message.js";
import { tellUser } from "../tell-user.js";

const stateSchema = z.object({
  [BLOCK.text]: z.object({ [ACTION.text]: z.object({ value: z.string().nullish() }) }),
  [BLOCK.when]: z.object({ [ACTION.when]: z.object({ value: z.string().nullish() }) }),
  [BLOCK.connection]: z
    .object({ [ACTION.connection]: z.object({ selected_option: z.object({ value: z.string() }).nullish() }) })
    .optional(),
  [BLOCK.channel]: z
    .object({ [ACTION.channel]: z.object({ selected_conversation: z.string().nullish() }) })
    .optional(),
});

export type ComposeValues = { text: string; whenText: string; connectionId?: string; channelId?: string };

export function readComposeState(values: unknown): ComposeValues | null {
  const parsed = stateSchema.safeParse(values);
  if (!parsed.success) return null;
  const s = parsed.data;
  const connectionId = s[BLOCK.connection]?.[ACTION.connection].selected_option?.value;
  const channelId = s[BLOCK.channel]?.[ACTION.channel].selected_conversation ?? undefined;
  return {
    text: s[BLOCK.text][ACTION.text].value ?? "",
    whenText: s[BLOCK.when][ACTION.when].value ?? "",
    ...(connectionId ? { connectionId } : {}),
    ...(channelId ? { channelId } : {}),
  };
}

export function readMetadata(raw: unknown): ComposeMetadata | null {
  try {
    const parsed = composeMetadataSchema.safeParse(JSON.parse(String(raw)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const BLOCK_FOR_FIELD = { text: BLOCK.text, when: BLOCK.when, connection: BLOCK.connection } as const;

function errorsResponse(e: FieldError, hasConnectionBlock: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(e.errors)) {
    const block =
      field === "connection" && !hasConnectionBlock
        ? BLOCK.when
        : BLOCK_FOR_FIELD[field as keyof typeof BLOCK_FOR_FIELD];
    errors[block] = errors[block] ? `${errors[block]} ${message}` : message;
  }
  return errors;
}

/** Slack gives 3 s; keep a margin for the network. */
const VALIDATION_BUDGET_MS = 2_200;

export function registerComposeSubmission(app: App, deps: AppDeps): void {
  app.view(VIEW.compose, async ({ ack, body, view }) => {
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    const userId = body.user.id;
    const metadata = readMetadata(view.private_metadata);
    const values = readComposeState(view.state.values);
    if (!metadata || !values || !teamId) {
      await ack({
        response_action: "errors",
        errors: { [BLOCK.text]: "This form is out of date or damaged. Close it and run /share again." },
      });
      return;
    }
    const hasConnectionBlock = Boolean((view.state.values as Record<string, unknown>)[BLOCK.connection]);
    const channelId = values.channelId ?? metadata.channelId;
    if (!channelId) {
      await ack({
        response_action: "errors",
        errors: { [BLOCK.channel]: "Pick the channel that should get the post's status message." },
      });
      return;
    }
    const input = {
      teamId,
      userId,
      channelId,
      whenText: values.whenText,
      text: values.text,
      ...(values.connectionId ? { connectionId: values.connectionId } : {}),
    };

    let validated: Awaited<ReturnType<typeof validateSchedule>>;
    try {
      validated = await withDeadline(
        (async () => {
          if (metadata.mode === "edit") {
            if (!metadata.postId) throw new Error("edit without a post id");
            const post = await loadEditablePost(deps, teamId, userId, metadata.postId);
            return validateSchedule(deps, {
              ...input,
              channelId: post.channelId,
              connectionId: input.connectionId ?? post.connectionId ?? undefined,
            });
          }
          return validateSchedule(deps, input);
        })(),
        VALIDATION_BUDGET_MS,
      );
    } catch (err) {
      const message =
        err instanceof DeadlineError
          ? "Slack or the database is slow right now and I couldn't check this in time. Nothing was saved; please submit again."
          : isAppError(err)
            ? err.userMessage
            : failureMessage(err, "Nothing was saved");
      await ack({ response_action: "errors", errors: { [BLOCK.text]: message } });
      return;
    }
    if (!validated.ok) {
      await ack({ response_action: "errors", errors: errorsResponse(validated, hasConnectionBlock) });
      return;
    }
    await ack();

    try {
      const editedPostId = metadata.postId;
      if (metadata.mode === "edit" && editedPostId) {
        const result = await deps.background(() =>
          editPost(
            deps,
            {
              teamId,
              actorId: userId,
              postId: editedPostId,
              ...(metadata.version ? { expectedVersion: metadata.version } : {}),
              whenText: values.whenText,
              text: values.text,
              ...(values.connectionId ? { connectionId: values.connectionId } : {}),
            },
            validated,
          ),
        );
        if (result.ok) {
          await tellUser(
            deps,
            { userId, channelId: result.post.channelId },
            scheduledConfirmation("Updated", result),
          );
        }
        return;
      }
      const result = await deps.background(() =>
        schedulePost(deps, { ...input, submissionKey: `view:${view.id}` }, validated),
      );
      if (!result.ok || result.duplicate) return;
      await tellUser(
        deps,
        { userId, channelId: result.post.channelId },
        scheduledConfirmation("Scheduled", result),
      );
    } catch (err) {
      deps.logger.error({ err, userId }, "saving the compose modal failed");
      await tellUser(
        deps,
        { userId, channelId },
        failureMessage(err, metadata.mode === "edit" ? "Nothing was changed" : "Nothing was scheduled"),
      );
    }
  });
}
