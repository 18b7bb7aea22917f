import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { ACTION } from "../ids.js";
import { buildHomeView, capBlocks, MAX_VIEW_BLOCKS } from "./home.js";
import { PAGE_SIZE, pageCount } from "./home-paging.js";
import type {
  HomeAdminData,
  HomeConnection,
  HomeData,
  HomePage,
  HomePost,
  HomeSection,
} from "./home-types.js";

const NOW = new Date("2026-12-08T15:00:00Z");
const TZ = "America/New_York";

function post(i: number, over: Partial<HomePost> = {}): HomePost {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    shortId: `p${i}`,
    text: `Post number ${i} about <Q4> & (results) #marketing`,
    publishAt: new Date(NOW.getTime() + (i + 1) * 3_600_000),
    status: "scheduled",
    authorUserId: "U0AUTHOR",
    connectionName: "Ada Lovelace",
    connectionProblem: "none",
    connectionExpiresAt: null,
    linkedinUrl: null,
    lastError: null,
    publishedAt: null,
    ...over,
  };
}

function page(
  section: HomeSection,
  total: number,
  pageNo = 0,
  over: Partial<HomePost> = {},
): HomePage<HomePost> {
  const size = PAGE_SIZE[section];
  const count = Math.max(0, Math.min(size, total - pageNo * size));
  return {
    items: Array.from({ length: count }, (_, i) => post(pageNo * size + i, over)),
    page: pageNo,
    pageCount: pageCount(total, section),
    total,
  };
}

function connection(i: number, over: Partial<HomeConnection> = {}): HomeConnection {
  return {
    id: `10000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    kind: "member",
    displayName: `Member ${i}`,
    status: "active",
    expiresAt: new Date(NOW.getTime() + 20 * 86_400_000),
    refreshable: false,
    canAddPages: false,
    connectedByUserId: "U0ADMIN",
    scheduledCount: 3,
    scheduledAfterExpiry: 0,
    ...over,
  };
}

function admin(over: Partial<HomeAdminData> = {}): HomeAdminData {
  return {
    linkedInConfigured: true,
    setupSteps: [],
    connections: [connection(1)],
    connectionsTotal: 1,
    queue: page("queue", 3, 0, { authorUserId: "U0OTHER" }),
    failures: page("failures", 1, 0, { status: "failed", lastError: "LinkedIn refused <it>" }),
    postsNeedingConnection: 0,
    settings: {
      defaultChannelId: "C0MARKETING",
      adminUserIds: ["U0EXTRA"],
      configuredAdminUserIds: ["U0ENV"],
    },
    month: {
      label: "December 2026",
      published: 12,
      failed: 1,
      scheduled: 4,
      next: { publishAt: new Date(NOW.getTime() + 3_600_000), shortId: "p0", authorUserId: "U0AUTHOR" },
    },
    ...over,
  };
}

function data(over: Partial<HomeData> = {}): HomeData {
  return {
    userId: "U0AUTHOR",
    timeZone: TZ,
    now: NOW,
    isAdmin: false,
    mine: page("mine", 2),
    recent: [
      post(90, {
        status: "published",
        linkedinUrl: "https://www.linkedin.com/feed/update/urn:li:share:1/",
        publishedAt: NOW,
      }),
      post(91, { status: "failed", lastError: "The LinkedIn connection expired." }),
    ],
    admin: null,
    ...over,
  };
}

const json = (v: unknown) => JSON.stringify(v);
const actionIds = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) => {
    if (b.type === "actions") return b.elements.map((e) => ("action_id" in e ? e.action_id : undefined));
    if (b.type === "section" && b.accessory && "action_id" in b.accessory) return [b.accessory.action_id];
    return [];
  });

describe("buildHomeView for a member", () => {
  const view = buildHomeView(data());
  const blocks = view.blocks as KnownBlock[];

  it("shows their upcoming posts with Edit and Cancel (value = post id) and their recent results", () => {
    const text = json(view.blocks);
    expect(text).toContain("Your upcoming posts");
    expect(text).toContain("Your recent results");
    const edits = blocks.flatMap((b) =>
      b.type === "actions" ? b.elements.filter((e) => "action_id" in e && e.action_id === ACTION.edit) : [],
    );
    expect(edits.map((e) => ("value" in e ? e.value : undefined))).toEqual([post(0).id, post(1).id]);
    const cancel = blocks.flatMap((b) =>
      b.type === "actions" ? b.elements.filter((e) => "action_id" in e && e.action_id === ACTION.cancel) : [],
    );
    expect(cancel[0]).toMatchObject({ value: post(0).id, confirm: expect.any(Object) });
    expect(text).toContain("View on LinkedIn");
    expect(text).toContain("The LinkedIn connection expired.");
  });

  it("shows times as Slack date tokens with the time in the viewer's zone as fallback", () => {
    const text = json(view.blocks);
    expect(text).toContain(`<!date^${Math.floor(post(0).publishAt.getTime() / 1000)}^`);
    expect(text).toContain("11:00 AM EST");
  });

  it("has no admin sections or admin buttons", () => {
    const text = json(view.blocks);
    for (const s of [
      "LinkedIn connections",
      "Team queue",
      "Failures needing action",
      "Settings",
      "This month",
    ]) {
      expect(text).not.toContain(s);
    }
    const ids = actionIds(view.blocks as KnownBlock[]);
    for (const id of [ACTION.connectLinkedIn, ACTION.disconnect, ACTION.openSettings, ACTION.retry]) {
      expect(ids).not.toContain(id);
    }
  });

  it("escapes post text for mrkdwn", () => {
    const text = json(view.blocks);
    expect(text).toContain("&lt;Q4&gt; &amp; (results)");
    expect(text).not.toContain("<Q4>");
  });

  it("says when nothing is scheduled", () => {
    const empty = buildHomeView(data({ mine: page("mine", 0), recent: [] }));
    expect(json(empty.blocks)).toContain("Nothing scheduled");
  });

  it("warns on posts that will fail as things stand", () => {
    const v = buildHomeView(
      data({
        mine: {
          items: [
            post(0, {
              connectionProblem: "expires_before",
              connectionExpiresAt: new Date(NOW.getTime() + 1_800_000),
            }),
            post(1, { connectionProblem: "needs_reconnect" }),
            post(2, { connectionProblem: "missing", connectionName: null }),
          ],
          page: 0,
          pageCount: 1,
          total: 3,
        },
      }),
    );
    const text = json(v.blocks);
    expect(text).toContain("expires");
    expect(text).toContain("before this post's time");
    expect(text).toContain("must be reconnected");
    expect(text).toContain("No LinkedIn connection");
  });
});

describe("buildHomeView for an admin", () => {
  const view = buildHomeView(data({ isAdmin: true, admin: admin() }));
  const text = json(view.blocks);

  it("adds connections, the team queue, failures with Retry, settings and this month's figures", () => {
    for (const s of [
      "LinkedIn connections",
      "Team queue",
      "Failures needing action",
      "Settings",
      "This month",
    ]) {
      expect(text).toContain(s);
    }
    const ids = actionIds(view.blocks as KnownBlock[]);
    expect(ids).toEqual(
      expect.arrayContaining([
        ACTION.connectLinkedIn,
        ACTION.disconnect,
        ACTION.openSettings,
        ACTION.retry,
        ACTION.cancel,
      ]),
    );
    expect(text).toContain("expires in 20 days");
    expect(text).toContain("<#C0MARKETING>");
    expect(text).toContain("<@U0EXTRA>");
    expect(text).toContain("<@U0ENV>");
    expect(text).toContain("*Published*\\n12");
    expect(text).toContain("December 2026");
  });

  it("puts the post id on Retry and the connection id on Disconnect, with a confirm dialog", () => {
    const blocks = view.blocks as KnownBlock[];
    const retry = blocks.find(
      (b) =>
        b.type === "section" &&
        b.accessory &&
        "action_id" in b.accessory &&
        b.accessory.action_id === ACTION.retry,
    );
    expect(retry).toMatchObject({ accessory: { value: post(0).id } });
    const disconnect = blocks
      .flatMap((b) => (b.type === "actions" ? b.elements : []))
      .find((e) => "action_id" in e && e.action_id === ACTION.disconnect);
    expect(disconnect).toMatchObject({ value: connection(1).id, confirm: { style: "danger" } });
  });

  it("offers company pages only for members who granted page access", () => {
    expect(actionIds(view.blocks as KnownBlock[])).not.toContain(ACTION.connectOrganization);
    const withPages = buildHomeView(
      data({ isAdmin: true, admin: admin({ connections: [connection(1, { canAddPages: true })] }) }),
    );
    expect(actionIds(withPages.blocks as KnownBlock[])).toContain(ACTION.connectOrganization);
  });

  it("explains how to configure LinkedIn when it is not", () => {
    const v = buildHomeView(
      data({
        isAdmin: true,
        admin: admin({
          linkedInConfigured: false,
          setupSteps: ["Set LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET"],
          connections: [],
          connectionsTotal: 0,
        }),
      }),
    );
    expect(json(v.blocks)).toContain("LinkedIn is not configured yet");
    expect(json(v.blocks)).toContain("LINKEDIN_CLIENT_ID");
  });

  it("shows reconnect needs and scheduled posts after expiry", () => {
    const v = buildHomeView(
      data({
        isAdmin: true,
        admin: admin({
          connections: [
            connection(1, { status: "needs_reconnect" }),
            connection(2, { scheduledAfterExpiry: 4 }),
          ],
          connectionsTotal: 2,
          postsNeedingConnection: 5,
        }),
      }),
    );
    const t = json(v.blocks);
    expect(t).toContain("Needs reconnecting");
    expect(t).toContain("4 scheduled posts are after this expiry");
    expect(t).toContain("5 scheduled posts have no usable LinkedIn connection");
  });
});

describe("block limit", () => {
  it("stays within 100 blocks with thousands of posts and many connections, with pagers", () => {
    const many = data({
      isAdmin: true,
      mine: page("mine", 4_000, 3),
      recent: Array.from({ length: 5 }, (_, i) => post(i, { status: "published" })),
      admin: admin({
        connections: Array.from({ length: 8 }, (_, i) =>
          connection(i, { canAddPages: true, scheduledAfterExpiry: 3 }),
        ),
        connectionsTotal: 40,
        queue: page("queue", 10_000, 7),
        failures: page("failures", 2_000, 0, { status: "failed" }),
        postsNeedingConnection: 12,
        setupSteps: ["x"],
        linkedInConfigured: false,
      }),
    });
    const view = buildHomeView(many);
    const text = json(view.blocks);
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_VIEW_BLOCKS);
    // Within budget by design, not by capBlocks cutting the end off.
    expect(text).not.toContain("left out");
    expect(text).toContain("Edit settings");
    expect(text).toContain("page 4 of 800");
    expect(text).toContain("page 8 of 1250");
    expect(text).toContain("…and 32 more connections");
    const pagers = view.blocks.filter((b) => b.type === "actions" && b.block_id?.startsWith("pager_"));
    expect(pagers).toHaveLength(3);
    expect(json(pagers)).toContain('"value":"queue:8"');
    expect(json(pagers)).toContain('"value":"queue:6"');
    expect(JSON.parse(view.private_metadata ?? "{}")).toEqual({ mine: 3, queue: 7, failures: 0 });
  });

  it("keeps every section's text within Slack's 3000 characters", () => {
    const long = "x".repeat(10_000);
    const view = buildHomeView(
      data({
        isAdmin: true,
        mine: { items: [post(0, { text: long })], page: 0, pageCount: 1, total: 1 },
        admin: admin({
          failures: {
            items: [post(1, { status: "failed", lastError: long, text: long })],
            page: 0,
            pageCount: 1,
            total: 1,
          },
        }),
      }),
    );
    for (const b of view.blocks as KnownBlock[]) {
      if (b.type === "section" && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    }
  });

  it("capBlocks cuts a too-long list and says so", () => {
    const blocks: KnownBlock[] = Array.from({ length: 150 }, () => ({ type: "divider" }));
    const capped = capBlocks(blocks);
    expect(capped).toHaveLength(100);
    expect(json(capped.at(-1))).toContain("left out");
  });
});
