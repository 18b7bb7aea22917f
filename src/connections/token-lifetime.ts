// The daily token work: refresh what can be refreshed, remind owner and admins 7 days and 1 day before a
// token expires (once each, remembered in lastReminderDays), and mark expired connections needs_reconnect.
import { notifiableAdmins } from "../auth/admin-context.js";
import type { AppDeps } from "../container.js";
import type { LinkedInConnection } from "../generated/prisma/client.js";
import type { DirectMessage } from "../notify/direct-message.js";
import { sendDirectMessage } from "../notify/direct-message.js";
import { connectionExpiredMessage, expiryReminderMessage } from "../slack/blocks/connection-notices.js";
import { refreshConnection } from "./refresh-connection.js";

export type LifetimeDeps = Pick<AppDeps, "db" | "cipher" | "clock" | "env" | "logger" | "slack">;

const DAY_MS = 86_400_000;
/** Refresh refreshable tokens this long before they expire (before any reminder would be due). */
export const REFRESH_AHEAD_MS = 8 * DAY_MS;
export const REMINDER_DAYS = [7, 1] as const;

/** Whole days until expiry, rounded up. */
const daysUntil = (expiresAt: Date, now: Date) => Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS);

/** The reminder due now (7 or 1), or null. */
export function reminderDue(
  c: { accessTokenExpiresAt: Date; lastReminderDays: number | null },
  now: Date,
): 7 | 1 | null {
  const days = daysUntil(c.accessTokenExpiresAt, now);
  if (days <= 0 || days > 7) return null;
  const threshold = days <= 1 ? 1 : 7;
  return c.lastReminderDays === null || c.lastReminderDays > threshold ? threshold : null;
}

/** A connection that cannot renew itself: no refresh token, or it expired. */
const notRefreshable = (now: Date) => ({
  OR: [{ refreshTokenEnc: null }, { refreshTokenExpiresAt: { lte: now } }],
});

export async function connectionsToRefresh(deps: Pick<LifetimeDeps, "db" | "clock">): Promise<string[]> {
  const now = deps.clock();
  const rows = await deps.db.linkedInConnection.findMany({
    where: {
      status: "active",
      refreshTokenEnc: { not: null },
      OR: [{ refreshTokenExpiresAt: null }, { refreshTokenExpiresAt: { gt: now } }],
      accessTokenExpiresAt: { lte: new Date(now.getTime() + REFRESH_AHEAD_MS) },
    },
    select: { id: true },
    take: 500,
  });
  return rows.map((r) => r.id);
}

export async function refreshOne(deps: LifetimeDeps, connectionId: string): Promise<string> {
  const connection = await deps.db.linkedInConnection.findUnique({ where: { id: connectionId } });
  if (connection?.status !== "active") return "skipped";
  const outcome = await refreshConnection(deps, connection);
  if (outcome.kind === "failed") throw outcome.error; // transient: the step retries
  if (outcome.kind === "rejected" && outcome.error.code === "invalid_grant") {
    // The refresh token is dead: from now on this is an ordinary connection that gets reminders.
    await deps.db.linkedInConnection.updateMany({
      where: { id: connectionId, refreshTokenEnc: connection.refreshTokenEnc },
      data: { refreshTokenEnc: null, refreshTokenExpiresAt: null },
    });
  }
  return outcome.kind;
}

/** Marks active connections whose token expired (and cannot renew) needs_reconnect; returns those it marked. */
export async function expireLapsed(deps: Pick<LifetimeDeps, "db" | "clock" | "logger">): Promise<string[]> {
  const now = deps.clock();
  const lapsed = await deps.db.linkedInConnection.findMany({
    where: { status: "active", accessTokenExpiresAt: { lte: now }, ...notRefreshable(now) },
    select: { id: true },
    take: 500,
  });
  const marked: string[] = [];
  for (const { id } of lapsed) {
    const { count } = await deps.db.linkedInConnection.updateMany({
      where: { id, status: "active" },
      data: { status: "needs_reconnect" },
    });
    if (count === 1) marked.push(id);
  }
  if (marked.length > 0) deps.logger.info({ connectionIds: marked }, "LinkedIn connections expired");
  return marked;
}

export async function dueReminders(
  deps: Pick<LifetimeDeps, "db" | "clock">,
): Promise<{ connectionId: string; days: 7 | 1 }[]> {
  const now = deps.clock();
  const rows = await deps.db.linkedInConnection.findMany({
    where: {
      status: "active",
      accessTokenExpiresAt: { gt: now, lte: new Date(now.getTime() + 7 * DAY_MS) },
      ...notRefreshable(now),
    },
    select: { id: true, accessTokenExpiresAt: true, lastReminderDays: true },
    take: 500,
  });
  return rows.flatMap((r) => {
    const days = reminderDue(r, now);
    return days === null ? [] : [{ connectionId: r.id, days }];
  });
}

async function recipientsOf(deps: LifetimeDeps, connection: LinkedInConnection): Promise<string[]> {
  const workspace = await deps.db.workspace.findUniqueOrThrow({ where: { id: connection.workspaceId } });
  return [...new Set([connection.connectedByUserId, ...notifiableAdmins(deps.env, workspace)])];
}

/** DMs everyone; throws only if nobody could be reached (so a retry does not repeat delivered messages). */
async function tellAll(deps: LifetimeDeps, userIds: string[], message: DirectMessage): Promise<string[]> {
  const results = await Promise.allSettled(userIds.map((u) => sendDirectMessage(deps.slack, u, message)));
  const sent = userIds.filter((_, i) => results[i]?.status === "fulfilled");
  const failed = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  if (failed.length > 0)
    deps.logger.warn({ err: failed[0], failed: failed.length }, "some DMs could not be sent");
  if (sent.length === 0 && failed.length > 0) throw failed[0];
  return sent;
}

/** Sends one expiry reminder, if it is still due; returns who was told. */
export async function sendReminder(deps: LifetimeDeps, connectionId: string, days: 7 | 1): Promise<string[]> {
  const connection = await deps.db.linkedInConnection.findUnique({ where: { id: connectionId } });
  const now = deps.clock();
  if (connection?.status !== "active" || reminderDue(connection, now) !== days) return [];
  const scheduledAfterExpiry = await deps.db.post.count({
    where: { connectionId, status: "scheduled", publishAt: { gt: connection.accessTokenExpiresAt } },
  });
  const message = expiryReminderMessage({
    displayName: connection.displayName,
    kind: connection.kind,
    expiresAt: connection.accessTokenExpiresAt,
    days: daysUntil(connection.accessTokenExpiresAt, now),
    scheduledAfterExpiry,
  });
  const sent = await tellAll(deps, await recipientsOf(deps, connection), message);
  await deps.db.linkedInConnection.updateMany({
    where: { id: connectionId, accessTokenExpiresAt: connection.accessTokenExpiresAt },
    data: { lastReminderDays: days },
  });
  deps.logger.info({ connectionId, days, recipients: sent.length }, "LinkedIn expiry reminder sent");
  return sent;
}

/**
 * Tells owner and admins that a connection expired. Returns who was told, and whose Home tab shows it (the
 * owner and the authors of its scheduled posts) with the workspace's team id.
 */
export async function announceExpired(
  deps: LifetimeDeps,
  connectionId: string,
): Promise<{ teamId: string; told: string[]; homesToRefresh: string[] } | null> {
  const connection = await deps.db.linkedInConnection.findUnique({
    where: { id: connectionId },
    include: { workspace: { select: { slackTeamId: true } } },
  });
  if (connection?.status !== "needs_reconnect") return null;
  const [scheduledPosts, authors] = await Promise.all([
    deps.db.post.count({ where: { connectionId, status: "scheduled" } }),
    deps.db.post.findMany({
      where: { connectionId, status: "scheduled" },
      distinct: ["authorUserId"],
      select: { authorUserId: true },
      take: 50,
    }),
  ]);
  const message = connectionExpiredMessage({
    displayName: connection.displayName,
    kind: connection.kind,
    scheduledPosts,
  });
  const told = await tellAll(deps, await recipientsOf(deps, connection), message);
  const homesToRefresh = [...new Set([connection.connectedByUserId, ...authors.map((a) => a.authorUserId)])];
  return { teamId: connection.workspace.slackTeamId, told, homesToRefresh };
}
