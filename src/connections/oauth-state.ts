// OAuth `state` values: random, single-use, bound to a workspace and a Slack user, valid 10 minutes.
// Only the sha256 of a state is stored, so a database dump cannot be replayed against the callback.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db.js";

export const OAUTH_STATE_TTL_MS = 10 * 60_000;

export const hashState = (state: string): string => createHash("sha256").update(state, "utf8").digest("hex");

export async function createOAuthState(
  deps: { db: Db; clock: () => Date },
  owner: { workspaceId: string; slackUserId: string },
): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  await deps.db.oAuthState.create({
    data: {
      id: hashState(state),
      workspaceId: owner.workspaceId,
      slackUserId: owner.slackUserId,
      expiresAt: new Date(deps.clock().getTime() + OAUTH_STATE_TTL_MS),
    },
  });
  return state;
}

export type ConsumedState =
  | { ok: true; workspaceId: string; slackUserId: string }
  | { ok: false; reason: "unknown" | "expired" | "reused" };

// A real state is 43 base64url characters; anything else is not worth a database round trip.
const STATE_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * Marks the state used, atomically: of two concurrent callbacks with the same state only one succeeds.
 * An expired state is never accepted, even on its first use.
 */
export async function consumeOAuthState(
  deps: { db: Db; clock: () => Date },
  state: string,
): Promise<ConsumedState> {
  if (!STATE_SHAPE.test(state)) return { ok: false, reason: "unknown" };
  const id = hashState(state);
  const now = deps.clock();
  const { count } = await deps.db.oAuthState.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const row = await deps.db.oAuthState.findUnique({ where: { id } });
  if (!row) return { ok: false, reason: "unknown" };
  if (count === 1) return { ok: true, workspaceId: row.workspaceId, slackUserId: row.slackUserId };
  return { ok: false, reason: row.usedAt ? "reused" : "expired" };
}

/** Deletes states that expired more than a day ago (the daily cron calls this). */
export async function pruneOAuthStates(deps: { db: Db; clock: () => Date }): Promise<number> {
  const { count } = await deps.db.oAuthState.deleteMany({
    where: { expiresAt: { lt: new Date(deps.clock().getTime() - 86_400_000) } },
  });
  return count;
}
