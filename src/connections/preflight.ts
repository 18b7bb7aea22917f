// Pre-flight: about an hour before posts go out, confirm their LinkedIn token still works and tell the
// post's author and the connection's owner when it does not. Each definite check is remembered as a
// PostEvent "preflight", so the next run (15 minutes later, same window) does not repeat it.

import type { AppDeps } from "../container.js";
import { LinkedInOAuthError } from "../linkedin/errors.js";
import { checkToken } from "../linkedin/oauth-client.js";
import { sendDirectMessage } from "../notify/direct-message.js";
import { syncConnectionPosts } from "../posts/living-message.js";
import { recordEvent } from "../posts/transitions.js";
import { preflightFailedMessage } from "../slack/blocks/connection-notices.js";
import { accessTokenFor, ConnectionUnusableError } from "./access-token.js";

export type PreflightDeps = Pick<AppDeps, "db" | "cipher" | "clock" | "env" | "logger" | "slack">;

export const PREFLIGHT_FROM_MS = 45 * 60_000;
export const PREFLIGHT_TO_MS = 75 * 60_000;
/** A check younger than this counts as done (a rescheduled post is checked again later). */
const RECHECK_AFTER_MS = 3 * 60 * 60_000;
const MAX_POSTS = 500;

const windowWhere = (now: Date) => ({
  status: "scheduled" as const,
  publishAt: {
    gte: new Date(now.getTime() + PREFLIGHT_FROM_MS),
    lte: new Date(now.getTime() + PREFLIGHT_TO_MS),
  },
  events: { none: { kind: "preflight", at: { gte: new Date(now.getTime() - RECHECK_AFTER_MS) } } },
});

/** Posts due for a check, grouped by connection ("none" for posts without one). */
export async function postsDueForPreflight(
  deps: Pick<PreflightDeps, "db" | "clock">,
): Promise<{ connectionId: string | null; postIds: string[] }[]> {
  const rows = await deps.db.post.findMany({
    where: windowWhere(deps.clock()),
    select: { id: true, connectionId: true },
    orderBy: { publishAt: "asc" },
    take: MAX_POSTS,
  });
  const groups = new Map<string | null, string[]>();
  for (const r of rows) groups.set(r.connectionId, [...(groups.get(r.connectionId) ?? []), r.id]);
  return [...groups].map(([connectionId, postIds]) => ({ connectionId, postIds }));
}

export type PreflightResult = { ok: boolean | "unknown"; checked: number; told: string[] };

/** Checks one connection's token for its posts; records the result and DMs the people concerned. */
export async function preflightConnection(
  deps: PreflightDeps,
  connectionId: string | null,
  postIds: string[],
): Promise<PreflightResult> {
  const posts = await deps.db.post.findMany({
    where: { id: { in: postIds }, ...windowWhere(deps.clock()) },
    select: { id: true, shortId: true, publishAt: true, version: true, authorUserId: true },
    orderBy: { publishAt: "asc" },
  });
  if (posts.length === 0) return { ok: "unknown", checked: 0, told: [] };

  let ok: boolean | "unknown";
  let reason = "";
  let ownerId: string | null = null;
  if (connectionId === null) {
    ok = false;
    reason =
      "It has no LinkedIn account to post as: an admin must connect one in the app's Home tab, then Edit the post to use it.";
  } else {
    try {
      const { accessToken, connection } = await accessTokenFor(deps, connectionId);
      ownerId = connection.connectedByUserId;
      ok = await checkToken({ apiUrl: deps.env.LINKEDIN_API_URL, accessToken });
      if (ok === false) {
        reason = `LinkedIn no longer accepts the connection ${connection.displayName} (expired or revoked): an admin must reconnect it in the app's Home tab.`;
        const { count } = await deps.db.linkedInConnection.updateMany({
          where: { id: connection.id, status: "active" },
          data: { status: "needs_reconnect" },
        });
        if (count > 0) await syncConnectionPosts(deps, connection.id);
      }
    } catch (err) {
      if (err instanceof ConnectionUnusableError) {
        ok = false;
        reason = err.message;
        const c = await deps.db.linkedInConnection.findUnique({
          where: { id: connectionId },
          select: { connectedByUserId: true },
        });
        ownerId = c?.connectedByUserId ?? null;
      } else if (err instanceof LinkedInOAuthError) {
        ok = "unknown"; // a refresh failed for a transient reason: the next run checks again
      } else {
        throw err;
      }
    }
  }
  if (ok === "unknown") {
    deps.logger.info({ connectionId, posts: posts.length }, "pre-flight check inconclusive; will retry");
    return { ok, checked: posts.length, told: [] };
  }
  for (const p of posts) {
    await recordEvent(deps.db, p.id, "system", "preflight", {
      ok,
      version: p.version,
      ...(ok ? {} : { reason }),
    });
  }
  if (ok) return { ok, checked: posts.length, told: [] };

  const recipients = new Set(posts.map((p) => p.authorUserId));
  if (ownerId) recipients.add(ownerId);
  const told: string[] = [];
  for (const userId of recipients) {
    const theirs = posts.filter((p) => p.authorUserId === userId);
    const message = preflightFailedMessage({ reason, posts: theirs.length > 0 ? theirs : posts });
    try {
      await sendDirectMessage(deps.slack, userId, message);
      told.push(userId);
    } catch (err) {
      deps.logger.warn({ err, userId, connectionId }, "could not send a pre-flight warning");
    }
  }
  deps.logger.warn({ connectionId, posts: posts.length, told: told.length }, "pre-flight check failed");
  return { ok, checked: posts.length, told };
}
