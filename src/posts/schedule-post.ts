// Scheduling a post: validate the time (in the author's zone) and the text, pick the LinkedIn
// account, save the post with its audit row, post the living status message, send post/scheduled.
// A post that was saved is never lost: if Inngest does not accept the event, the sweep re-sends it.
import { isAdmin } from "../auth/admins.js";
import type { AppDeps } from "../container.js";
import { AppError } from "../errors.js";
import type { LinkedInConnection, Post } from "../generated/prisma/client.js";
import { Prisma } from "../generated/prisma/client.js";
import { parseWhen } from "../scheduling/parse-when.js";
import { ensureWorkspace } from "../workspaces/workspace.js";
import { activeConnections, noConnectionMessage } from "./active-connections.js";
import { syncLivingMessage } from "./living-message.js";
import { checkPostText } from "./post-text.js";
import { sendScheduledEvent } from "./scheduled-event.js";
import { newShortId } from "./short-id.js";
import { userZone } from "./user-zone.js";

export type ScheduleInput = {
  teamId: string;
  userId: string;
  channelId: string;
  whenText: string;
  text: string;
  connectionId?: string;
  /** Identifies one submission (modal view id, command trigger id): a repeat returns the same post. */
  submissionKey?: string;
};

export type Field = "when" | "text" | "connection";
/** What was wrong, per field (the modal shows each under its field; the command joins them). */
export type FieldError = { ok: false; errors: Partial<Record<Field, string>> };

export type Validated = {
  ok: true;
  at: Date;
  display: string;
  timeZone: string;
  notes: string[];
  text: string;
  connection: LinkedInConnection;
};

export type Scheduled = {
  ok: true;
  post: Post;
  display: string;
  notes: string[];
  eventAccepted: boolean;
  messagePosted: boolean;
  duplicate: boolean;
};

/** Everything that can be checked before saving; used by the modal to show errors under fields. */
export async function validateSchedule(deps: AppDeps, input: ScheduleInput): Promise<Validated | FieldError> {
  const errors: Partial<Record<Field, string>> = {};
  const textCheck = checkPostText(input.text);
  if (!textCheck.ok) errors.text = textCheck.message;
  const zone = await userZone(deps.users, input.userId);
  const when = parseWhen(input.whenText, {
    now: deps.clock(),
    timeZone: zone.timeZone,
    maxAheadDays: deps.env.MAX_SCHEDULE_AHEAD_DAYS,
  });
  if (!when.ok) errors.when = `${when.reason} Try e.g. “${when.example}”.`;
  const workspace = await ensureWorkspace(deps.db, input.teamId);
  const connections = await activeConnections(deps.db, workspace.id);
  const connection = input.connectionId
    ? connections.find((c) => c.id === input.connectionId)
    : connections[0];
  if (!connection) {
    if (connections.length > 0) {
      errors.connection = "That LinkedIn account is no longer connected; pick another.";
    } else {
      const admin = await isAdmin(
        { users: deps.users, envAdmins: deps.env.ADMIN_SLACK_USER_IDS },
        workspace,
        input.userId,
      );
      errors.connection = noConnectionMessage(admin);
    }
  }
  if (!when.ok || !textCheck.ok || !connection) return { ok: false, errors };
  const notes = [zone.fallbackNote, when.note].filter((n): n is string => Boolean(n));
  return {
    ok: true,
    at: when.at,
    display: when.display,
    timeZone: when.timeZone,
    notes,
    text: textCheck.text,
    connection,
  };
}

/** The errors of a failed validation as one message (for commands), in a stable order. */
export function describeErrors(e: FieldError): string {
  return (["connection", "when", "text"] as const)
    .map((f) => e.errors[f])
    .filter((m): m is string => Boolean(m))
    .join("\n");
}

async function insertPost(
  deps: AppDeps,
  input: ScheduleInput,
  v: Validated,
): Promise<{ post: Post; duplicate: boolean }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const post = await deps.db.$transaction(async (tx) => {
        const created = await tx.post.create({
          data: {
            shortId: newShortId(),
            workspaceId: v.connection.workspaceId,
            connectionId: v.connection.id,
            authorUserId: input.userId,
            channelId: input.channelId,
            text: v.text,
            publishAt: v.at,
            timeZone: v.timeZone,
            whenText: input.whenText.trim().slice(0, 200),
            ...(input.submissionKey ? { submissionKey: input.submissionKey } : {}),
          },
        });
        await tx.postEvent.create({
          data: {
            postId: created.id,
            actor: input.userId,
            kind: "scheduled",
            detail: { version: 1, publishAt: v.at.toISOString(), when: input.whenText.slice(0, 200) },
          },
        });
        return created;
      });
      return { post, duplicate: false };
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
        const target = JSON.stringify(err.meta ?? {});
        if (input.submissionKey && target.includes("submissionKey")) {
          const existing = await deps.db.post.findUnique({ where: { submissionKey: input.submissionKey } });
          if (existing) return { post: existing, duplicate: true };
        }
        if (target.includes("shortId")) continue;
      }
      throw new AppError(
        "database_unavailable",
        "I couldn't save the post because the database didn't answer. Nothing was scheduled; please try again in a minute.",
        { cause: err },
      );
    }
  }
  throw new AppError("conflict", "I couldn't allocate an id for the post; please try again.");
}

export async function schedulePost(
  deps: AppDeps,
  input: ScheduleInput,
  validated?: Validated,
): Promise<Scheduled | FieldError> {
  if (input.submissionKey) {
    const existing = await deps.db.post
      .findUnique({ where: { submissionKey: input.submissionKey } })
      .catch(() => null);
    if (existing) {
      return {
        ok: true,
        post: existing,
        display: "",
        notes: [],
        eventAccepted: true,
        messagePosted: true,
        duplicate: true,
      };
    }
  }
  const v = validated ?? (await validateSchedule(deps, input));
  if (!v.ok) return v;
  const { post, duplicate } = await insertPost(deps, input, v);
  if (duplicate)
    return {
      ok: true,
      post,
      display: v.display,
      notes: v.notes,
      eventAccepted: true,
      messagePosted: true,
      duplicate,
    };
  let messagePosted = true;
  try {
    await syncLivingMessage(deps, post.id);
  } catch (err) {
    messagePosted = false;
    deps.logger.warn(
      { err, postId: post.id, channel: post.channelId },
      "could not post the living status message",
    );
  }
  const eventAccepted = await sendScheduledEvent(deps, post);
  return {
    ok: true,
    post,
    display: v.display,
    notes: v.notes,
    eventAccepted,
    messagePosted,
    duplicate: false,
  };
}
