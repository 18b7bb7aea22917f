// Editing a scheduled post (text, time, account, channel): a guarded write that bumps the version,
// so the run waiting for the old version does nothing, and a new post/scheduled for the new one.
import type { AppDeps } from "../container.js";
import { AppError } from "../errors.js";
import type { Post } from "../generated/prisma/client.js";
import { ensureWorkspace } from "../workspaces/workspace.js";
import { syncLivingMessage } from "./living-message.js";
import { assertCanManage, findPost } from "./post-access.js";
import { type FieldError, type Validated, validateSchedule } from "./schedule-post.js";
import { sendScheduledEvent } from "./scheduled-event.js";

export type EditInput = {
  teamId: string;
  actorId: string;
  postId: string;
  /** The version the editor saw; a newer one means someone else changed it meanwhile. */
  expectedVersion?: number;
  whenText: string;
  text: string;
  connectionId?: string;
};

/** Loads a post for editing, with the permission check. */
export async function loadEditablePost(
  deps: AppDeps,
  teamId: string,
  actorId: string,
  postRef: string,
): Promise<Post> {
  const workspace = await ensureWorkspace(deps.db, teamId);
  const post = await findPost(deps, workspace, postRef);
  await assertCanManage(deps, workspace, post, actorId, "edit");
  if (post.status !== "scheduled") {
    throw new AppError(
      "conflict",
      `Post \`${post.shortId}\` is ${post.status} and can no longer be edited.${post.status === "failed" ? " Use Retry or cancel it." : ""}`,
    );
  }
  return post;
}

export async function editPost(
  deps: AppDeps,
  input: EditInput,
  validated?: Validated,
): Promise<{ ok: true; post: Post; display: string; notes: string[]; eventAccepted: boolean } | FieldError> {
  const post = await loadEditablePost(deps, input.teamId, input.actorId, input.postId);
  // The time is read in the zone of the person editing, like any new phrase they type.
  const v =
    validated ??
    (await validateSchedule(deps, {
      teamId: input.teamId,
      userId: input.actorId,
      channelId: post.channelId,
      whenText: input.whenText,
      text: input.text,
      ...(input.connectionId
        ? { connectionId: input.connectionId }
        : { connectionId: post.connectionId ?? undefined }),
    }));
  if (!v.ok) return v;
  const expected = input.expectedVersion ?? post.version;
  const updated = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.post.updateMany({
      where: { id: post.id, status: "scheduled", version: expected },
      data: {
        text: v.text,
        publishAt: v.at,
        timeZone: v.timeZone,
        whenText: input.whenText.trim().slice(0, 200),
        connectionId: v.connection.id,
        version: { increment: 1 },
        eventSentAt: null,
      },
    });
    if (count === 0) return null;
    await tx.postEvent.create({
      data: {
        postId: post.id,
        actor: input.actorId,
        kind: "edited",
        detail: { version: expected + 1, publishAt: v.at.toISOString() },
      },
    });
    return tx.post.findUniqueOrThrow({ where: { id: post.id } });
  });
  if (!updated) {
    throw new AppError(
      "conflict",
      `Post \`${post.shortId}\` changed while you were editing it (it was published, cancelled or edited by someone else). Nothing was changed; open it again to see the latest.`,
    );
  }
  const eventAccepted = await sendScheduledEvent(deps, updated);
  await syncLivingMessage(deps, updated.id).catch((err: unknown) =>
    deps.logger.warn({ err, postId: updated.id }, "could not update the living message after edit"),
  );
  return { ok: true, post: updated, display: v.display, notes: v.notes, eventAccepted };
}
