// What the App Home shows, as plain data: src/home/load-home.ts fills it, the pure builders in
// home*.ts turn it into Block Kit.

export type HomeSection = "mine" | "queue" | "failures";

/** Current page (0-based) of each paged list; kept in the Home view's private_metadata. */
export type HomePages = Record<HomeSection, number>;

export const FIRST_PAGES: HomePages = { mine: 0, queue: 0, failures: 0 };

/** Why a scheduled post would not go out as things stand. */
export type ConnectionProblem =
  | "none"
  /** No connection, or it was disconnected. */
  | "missing"
  | "needs_reconnect"
  /** The connection's token expires before the post's time (and cannot be refreshed). */
  | "expires_before";

export type HomePost = {
  id: string;
  shortId: string;
  text: string;
  publishAt: Date;
  status: "scheduled" | "publishing" | "published" | "failed" | "cancelled";
  authorUserId: string;
  connectionName: string | null;
  connectionProblem: ConnectionProblem;
  connectionExpiresAt: Date | null;
  linkedinUrl: string | null;
  lastError: string | null;
  publishedAt: Date | null;
};

export type HomePage<T> = { items: T[]; page: number; pageCount: number; total: number };

export type HomeConnection = {
  id: string;
  kind: "member" | "organization";
  displayName: string;
  status: "active" | "needs_reconnect" | "disconnected";
  expiresAt: Date;
  /** A refresh token keeps it alive past expiresAt. */
  refreshable: boolean;
  /** A member connection granted w_organization_social: company pages can be added. */
  canAddPages: boolean;
  connectedByUserId: string;
  scheduledCount: number;
  /** Scheduled posts whose time is after the token's expiry. */
  scheduledAfterExpiry: number;
};

export type HomeAdminData = {
  linkedInConfigured: boolean;
  /** How to configure LinkedIn, when it is not. */
  setupSteps: string[];
  connections: HomeConnection[];
  /** All connections not disconnected (connections may be a first slice of them). */
  connectionsTotal: number;
  queue: HomePage<HomePost>;
  failures: HomePage<HomePost>;
  /** Scheduled posts with no usable connection (missing, disconnected, needs reconnect). */
  postsNeedingConnection: number;
  settings: { defaultChannelId: string | null; adminUserIds: string[]; configuredAdminUserIds: string[] };
  month: {
    label: string;
    published: number;
    failed: number;
    /** Still scheduled this month. */
    scheduled: number;
    next: { publishAt: Date; shortId: string; authorUserId: string } | null;
  };
};

export type HomeData = {
  userId: string;
  /** The viewer's IANA zone (from Slack). */
  timeZone: string;
  now: Date;
  isAdmin: boolean;
  mine: HomePage<HomePost>;
  recent: HomePost[];
  admin: HomeAdminData | null;
};
