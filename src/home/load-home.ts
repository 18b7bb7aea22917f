// Loads what the App Home shows, with bounded queries: counts for totals, one page of each list
// (take/skip on the Post(workspaceId, status, publishAt) and (workspaceId, authorUserId, status,
// publishAt) indexes), groupBy for per-connection and monthly figures.
import type { Db } from "../db.js";
import type { Prisma, Workspace } from "../generated/prisma/client.js";
import { clampPage, PAGE_SIZE, pageCount } from "../slack/blocks/home-paging.js";
import type {
  ConnectionProblem,
  HomeAdminData,
  HomeConnection,
  HomeData,
  HomePage,
  HomePages,
  HomePost,
  HomeSection,
} from "../slack/blocks/home-types.js";
import { monthInZone } from "./month.js";

export const RECENT_RESULTS = 5;
export const MAX_CONNECTIONS_SHOWN = 8;

const postSelect = {
  id: true,
  shortId: true,
  text: true,
  publishAt: true,
  status: true,
  authorUserId: true,
  linkedinUrl: true,
  lastError: true,
  publishedAt: true,
  connection: {
    select: { displayName: true, status: true, accessTokenExpiresAt: true, refreshTokenEnc: true },
  },
} satisfies Prisma.PostSelect;

type PostRow = Prisma.PostGetPayload<{ select: typeof postSelect }>;

function problemOf(row: PostRow): { problem: ConnectionProblem; expiresAt: Date | null } {
  const c = row.connection;
  if (!c || c.status === "disconnected") return { problem: "missing", expiresAt: null };
  const refreshable = c.refreshTokenEnc !== null && c.refreshTokenEnc !== "";
  const expiresAt = refreshable ? null : c.accessTokenExpiresAt;
  if (c.status === "needs_reconnect") return { problem: "needs_reconnect", expiresAt };
  if (row.status === "scheduled" && expiresAt && expiresAt < row.publishAt) {
    return { problem: "expires_before", expiresAt };
  }
  return { problem: "none", expiresAt };
}

function toHomePost(row: PostRow): HomePost {
  const { problem, expiresAt } = problemOf(row);
  return {
    id: row.id,
    shortId: row.shortId,
    text: row.text,
    publishAt: row.publishAt,
    status: row.status,
    authorUserId: row.authorUserId,
    connectionName: row.connection?.displayName ?? null,
    connectionProblem: problem,
    connectionExpiresAt: expiresAt,
    linkedinUrl: row.linkedinUrl,
    lastError: row.lastError,
    publishedAt: row.publishedAt,
  };
}

async function pageOf(
  db: Db,
  section: HomeSection,
  requested: number,
  where: Prisma.PostWhereInput,
  orderBy: Prisma.PostOrderByWithRelationInput[],
  knownTotal?: number,
): Promise<HomePage<HomePost>> {
  const total = knownTotal ?? (await db.post.count({ where }));
  const page = clampPage(requested, total, section);
  const rows =
    total === 0
      ? []
      : await db.post.findMany({
          where,
          orderBy,
          skip: page * PAGE_SIZE[section],
          take: PAGE_SIZE[section],
          select: postSelect,
        });
  return { items: rows.map(toHomePost), page, pageCount: pageCount(total, section), total };
}

export type LoadHomeInput = {
  workspace: Workspace;
  userId: string;
  isAdmin: boolean;
  timeZone: string;
  now: Date;
  pages: HomePages;
  /** ADMIN_SLACK_USER_IDS, shown in the settings summary. */
  configuredAdminUserIds: readonly string[];
  linkedInConfigured: boolean;
  setupSteps: string[];
};

export async function loadHomeData(db: Db, input: LoadHomeInput): Promise<HomeData> {
  const { workspace, userId, now } = input;
  const workspaceId = workspace.id;
  const [mine, recent, admin] = await Promise.all([
    pageOf(db, "mine", input.pages.mine, { workspaceId, authorUserId: userId, status: "scheduled" }, [
      { publishAt: "asc" },
      { id: "asc" },
    ]),
    db.post.findMany({
      where: { workspaceId, authorUserId: userId, status: { in: ["published", "failed"] } },
      orderBy: [{ publishAt: "desc" }, { id: "asc" }],
      take: RECENT_RESULTS,
      select: postSelect,
    }),
    input.isAdmin ? loadAdminData(db, input) : Promise.resolve(null),
  ]);
  return {
    userId,
    timeZone: input.timeZone,
    now,
    isAdmin: input.isAdmin,
    mine,
    recent: recent.map(toHomePost),
    admin,
  };
}

async function loadAdminData(db: Db, input: LoadHomeInput): Promise<HomeAdminData> {
  const { workspace, now, timeZone } = input;
  const workspaceId = workspace.id;
  const month = monthInZone(now, timeZone);
  const [byStatus, monthly, connections] = await Promise.all([
    db.post.groupBy({ by: ["status"], where: { workspaceId }, _count: { _all: true } }),
    db.post.groupBy({
      by: ["status"],
      where: { workspaceId, publishAt: { gte: month.start, lt: month.end } },
      _count: { _all: true },
    }),
    loadConnections(db, workspaceId),
  ]);
  const countOf = (groups: typeof byStatus, status: string) =>
    groups.find((g) => g.status === status)?._count._all ?? 0;
  const [queue, failures] = await Promise.all([
    pageOf(
      db,
      "queue",
      input.pages.queue,
      { workspaceId, status: "scheduled" },
      [{ publishAt: "asc" }, { id: "asc" }],
      countOf(byStatus, "scheduled"),
    ),
    pageOf(
      db,
      "failures",
      input.pages.failures,
      { workspaceId, status: "failed" },
      [{ publishAt: "desc" }, { id: "asc" }],
      countOf(byStatus, "failed"),
    ),
  ]);
  const first = queue.page === 0 ? queue.items[0] : undefined;
  const next = first
    ? { publishAt: first.publishAt, shortId: first.shortId, authorUserId: first.authorUserId }
    : await db.post.findFirst({
        where: { workspaceId, status: "scheduled" },
        orderBy: [{ publishAt: "asc" }, { id: "asc" }],
        select: { publishAt: true, shortId: true, authorUserId: true },
      });
  return {
    linkedInConfigured: input.linkedInConfigured,
    setupSteps: input.setupSteps,
    connections: connections.shown,
    connectionsTotal: connections.total,
    postsNeedingConnection: connections.postsNeedingConnection,
    queue,
    failures,
    settings: {
      defaultChannelId: workspace.defaultChannelId,
      adminUserIds: workspace.adminUserIds,
      configuredAdminUserIds: [...input.configuredAdminUserIds],
    },
    month: {
      label: month.label,
      published: countOf(monthly, "published"),
      failed: countOf(monthly, "failed"),
      scheduled: countOf(monthly, "scheduled"),
      next,
    },
  };
}

/**
 * A workspace has few connections: all are read (without tokens' plain text, which is never stored), and
 * the scheduled posts are counted per connection with two groupBy queries.
 */
async function loadConnections(
  db: Db,
  workspaceId: string,
): Promise<{ shown: HomeConnection[]; total: number; postsNeedingConnection: number }> {
  const [rows, scheduled] = await Promise.all([
    db.linkedInConnection.findMany({
      where: { workspaceId },
      // needs_reconnect sorts after active in the enum; show problems first.
      orderBy: [{ status: "desc" }, { kind: "asc" }, { displayName: "asc" }],
      select: {
        id: true,
        kind: true,
        displayName: true,
        status: true,
        accessTokenExpiresAt: true,
        refreshTokenEnc: true,
        scopes: true,
        connectedByUserId: true,
      },
    }),
    db.post.groupBy({
      by: ["connectionId"],
      where: { workspaceId, status: "scheduled" },
      _count: { _all: true },
    }),
  ]);
  const scheduledBy = new Map(scheduled.map((g) => [g.connectionId, g._count._all]));
  const live = rows.filter((c) => c.status !== "disconnected");
  const refreshable = (c: (typeof rows)[number]) => c.refreshTokenEnc !== null && c.refreshTokenEnc !== "";
  const lapsing = live.filter((c) => !refreshable(c) && (scheduledBy.get(c.id) ?? 0) > 0);
  const afterExpiry =
    lapsing.length === 0
      ? []
      : await db.post.groupBy({
          by: ["connectionId"],
          where: {
            workspaceId,
            status: "scheduled",
            OR: lapsing.map((c) => ({ connectionId: c.id, publishAt: { gt: c.accessTokenExpiresAt } })),
          },
          _count: { _all: true },
        });
  const afterExpiryBy = new Map(afterExpiry.map((g) => [g.connectionId, g._count._all]));
  const active = new Set(rows.filter((c) => c.status === "active").map((c) => c.id));
  let postsNeedingConnection = 0;
  for (const [connectionId, count] of scheduledBy) {
    if (connectionId === null || !active.has(connectionId)) postsNeedingConnection += count;
  }
  const shown = live.slice(0, MAX_CONNECTIONS_SHOWN).map(
    (c): HomeConnection => ({
      id: c.id,
      kind: c.kind,
      displayName: c.displayName,
      status: c.status,
      expiresAt: c.accessTokenExpiresAt,
      refreshable: refreshable(c),
      canAddPages: c.kind === "member" && c.scopes.split(/[\s,]+/).includes("w_organization_social"),
      connectedByUserId: c.connectedByUserId,
      scheduledCount: scheduledBy.get(c.id) ?? 0,
      scheduledAfterExpiry: afterExpiryBy.get(c.id) ?? 0,
    }),
  );
  return { shown, total: live.length, postsNeedingConnection };
}
