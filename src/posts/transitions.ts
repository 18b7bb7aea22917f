// The post lifecycle: scheduled → publishing → published | failed, and cancelled from scheduled or
// failed. Every transition is one guarded write (updateMany … where status = …) plus one audit row,
// in one transaction; a transition that lost a race changes nothing and returns null.
import type { Db } from "../db.js";
import type { Post, PostStatus, Prisma } from "../generated/prisma/client.js";

export type TransitionInput = {
  postId: string;
  from: readonly PostStatus[];
  to: PostStatus;
  /** Only if the post is still at this version. */
  version?: number;
  actor: string;
  kind: string;
  detail?: Prisma.InputJsonValue;
  /** Other columns to write in the same guarded update. */
  data?: Prisma.PostUpdateManyMutationInput;
};

export async function transition(db: Db, input: TransitionInput): Promise<Post | null> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.post.updateMany({
      where: {
        id: input.postId,
        status: { in: [...input.from] },
        ...(input.version !== undefined ? { version: input.version } : {}),
      },
      data: { ...input.data, status: input.to },
    });
    if (count === 0) return null;
    await tx.postEvent.create({
      data: {
        postId: input.postId,
        actor: input.actor,
        kind: input.kind,
        ...(input.detail !== undefined ? { detail: input.detail } : {}),
      },
    });
    return tx.post.findUniqueOrThrow({ where: { id: input.postId } });
  });
}

/** Records an audit row without a status change (e.g. "event_sent", "message_failed"). */
export async function recordEvent(
  db: Db,
  postId: string,
  actor: string,
  kind: string,
  detail?: Prisma.InputJsonValue,
): Promise<void> {
  await db.postEvent.create({ data: { postId, actor, kind, ...(detail !== undefined ? { detail } : {}) } });
}
