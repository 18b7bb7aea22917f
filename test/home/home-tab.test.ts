// The App Home through the real app: what an admin and a member see, paging with many posts, settings,
// disconnect, and a member's crafted admin actions refused without changing anything.
import { beforeEach, describe, expect, it } from "vitest";
import { ACTION, BLOCK, VIEW } from "../../src/slack/ids.js";
import { eventually, type TestApp } from "../support/app.js";
import { makeConnection, makePost, makeWorkspace } from "../support/factories.js";
import { useTestApp } from "../support/use-test-app.js";
import { homeButton, viewSubmission } from "./payloads.js";

const NOW = new Date("2026-12-04T15:00:00Z");
const HOUR = 3_600_000;

type View = { blocks: { type: string; block_id?: string }[]; private_metadata?: string };

describe("App Home", () => {
  let t: TestApp;
  useTestApp({ clock: () => NOW }, (app) => {
    t = app;
  });
  beforeEach(async () => {
    t.slack.users.set("U0ADMIN", { id: "U0ADMIN", is_admin: true, tz: "Europe/London" });
    t.slack.users.set("U0AUTHOR", { id: "U0AUTHOR", tz: "America/New_York" });
  });

  const published = async (userId: string, n = 1): Promise<View> => {
    const call = await eventually(
      () => t.slack.callsTo("views.publish").filter((c) => c.args.user_id === userId)[n - 1],
    );
    return call.args.view as View;
  };
  const openHome = (user: string) => t.event({ type: "app_home_opened", user, tab: "home", channel: "D1" });

  async function seed() {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws, {
      displayName: "Ada Lovelace",
      accessTokenExpiresAt: new Date(NOW.getTime() + 5 * 24 * HOUR),
    });
    const soon = await makePost(t.db.db, ws, conn, {
      shortId: "mine01",
      text: "My (first) post",
      publishAt: new Date(NOW.getTime() + 2 * HOUR),
    });
    const late = await makePost(t.db.db, ws, conn, {
      shortId: "late01",
      text: "After expiry",
      publishAt: new Date(NOW.getTime() + 9 * 24 * HOUR),
    });
    const theirs = await makePost(t.db.db, ws, conn, {
      shortId: "their1",
      authorUserId: "U0OTHER",
      text: "Their post",
      publishAt: new Date(NOW.getTime() + 3 * HOUR),
    });
    const failed = await makePost(t.db.db, ws, conn, {
      shortId: "fail01",
      status: "failed",
      lastError: "LinkedIn refused it",
      publishAt: new Date(NOW.getTime() - HOUR),
    });
    const done = await makePost(t.db.db, ws, conn, {
      shortId: "done01",
      status: "published",
      publishAt: new Date(NOW.getTime() - 2 * HOUR),
      publishedAt: new Date(NOW.getTime() - 2 * HOUR),
      linkedinUrl: "https://www.linkedin.com/feed/update/urn:li:share:1/",
    });
    return { ws, conn, soon, late, theirs, failed, done };
  }

  it("shows a member their upcoming posts and recent results, and nothing of the admin's", async () => {
    const { soon, late } = await seed();
    await openHome("U0AUTHOR");
    const view = await published("U0AUTHOR");
    const text = JSON.stringify(view);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(text).toContain("mine01");
    expect(text).toContain("My (first) post");
    expect(text).toContain(`"value":"${soon.id}"`);
    expect(text).toContain(ACTION.edit);
    expect(text).toContain("EST"); // times in the member's zone
    expect(text).toContain("before this post's time"); // late01 is after the connection expires
    expect(text.indexOf("mine01")).toBeLessThan(text.indexOf(late.shortId));
    expect(text).toContain("View on LinkedIn");
    expect(text).toContain("LinkedIn refused it");
    expect(text).not.toContain("their1");
    for (const admin of [ACTION.connectLinkedIn, ACTION.disconnect, ACTION.openSettings, ACTION.retry]) {
      expect(text).not.toContain(`"${admin}"`);
    }
  });

  it("shows an admin connections, the team's queue, failures with Retry, settings and this month", async () => {
    const { failed, conn } = await seed();
    await openHome("U0ADMIN");
    const text = JSON.stringify(await published("U0ADMIN"));
    expect(text).toContain("LinkedIn connections");
    expect(text).toContain("Ada Lovelace");
    expect(text).toContain("expires in 5 days");
    expect(text).toContain("1 scheduled post is after this expiry");
    expect(text).toContain(`"value":"${conn.id}"`);
    expect(text).toContain("their1");
    expect(text).toContain("<@U0OTHER>");
    expect(text).toContain(`"action_id":"${ACTION.retry}"`);
    expect(text).toContain(`"value":"${failed.id}"`);
    expect(text).toContain("Edit settings");
    expect(text).toContain("December 2026");
    expect(text).toContain("*Published*\\n1");
    expect(text).toContain("*Failed*\\n1");
    expect(text).toContain("GMT"); // the admin's zone
  });

  it("pages long lists and never exceeds 100 blocks with thousands of posts", async () => {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws);
    await t.db.exec(`
      insert into "Post" (id, "shortId", "workspaceId", "connectionId", "authorUserId", "channelId", text, "publishAt", "timeZone", "whenText", status, "updatedAt", "lastError")
      select gen_random_uuid(), 'bulk' || g, '${ws.id}', '${conn.id}', case when g % 2 = 0 then 'U0ADMIN' else 'U0AUTHOR' end, 'C1',
             'Bulk post ' || g, timestamptz '${NOW.toISOString()}' + (g || ' minutes')::interval, 'UTC', 'later',
             (case when g % 10 = 0 then 'failed' else 'scheduled' end)::"PostStatus", now(), case when g % 10 = 0 then 'boom' end
      from generate_series(1, 3000) g`);
    await openHome("U0ADMIN");
    const view = await published("U0ADMIN");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(view);
    expect(text).toContain("2700 posts, page 1 of 338");
    expect(text).toContain("1200 posts, page 1 of 240");
    expect(text).toContain("300 failures, page 1 of 60");
    expect(text).toContain('"value":"queue:1"');

    await t.interact(
      homeButton("U0ADMIN", ACTION.page, { value: "queue:1", privateMetadata: view.private_metadata ?? "" }),
    );
    const second = await published("U0ADMIN", 2);
    const secondText = JSON.stringify(second);
    expect(second.blocks.length).toBeLessThanOrEqual(100);
    expect(secondText).toContain("page 2 of 338");
    expect(secondText).toContain("page 1 of 240");
    expect(JSON.parse(second.private_metadata ?? "{}")).toEqual({ mine: 0, queue: 1, failures: 0 });

    await t.interact(
      homeButton("U0ADMIN", ACTION.pagePrev, {
        value: "queue:99999",
        privateMetadata: second.private_metadata ?? "",
      }),
    );
    const clamped = JSON.stringify(await published("U0ADMIN", 3));
    expect(clamped).toContain("page 338 of 338");
  });

  it("saves settings for an admin and shows them", async () => {
    await seed();
    await t.interact(homeButton("U0ADMIN", ACTION.openSettings));
    const modal = await eventually(() => t.slack.callsTo("views.open")[0]);
    expect((modal.args.view as { callback_id: string }).callback_id).toBe(VIEW.settings);
    const res = await t.interact(
      viewSubmission("U0ADMIN", VIEW.settings, {
        [BLOCK.settingsChannel]: {
          [ACTION.settingsChannel]: { type: "conversations_select", selected_conversation: "C0MARKETING" },
        },
        [BLOCK.settingsAdmins]: {
          [ACTION.settingsAdmins]: { type: "multi_users_select", selected_users: ["U0EXTRA"] },
        },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
    const ws = await t.db.db.workspace.findFirstOrThrow();
    expect(ws).toMatchObject({ defaultChannelId: "C0MARKETING", adminUserIds: ["U0EXTRA"] });
    expect(JSON.stringify(await published("U0ADMIN"))).toContain("<#C0MARKETING>");
  });

  it("an extra admin from the settings is an admin", async () => {
    await makeWorkspace(t.db.db, { adminUserIds: ["U0EXTRA2"] });
    t.slack.users.set("U0EXTRA2", { id: "U0EXTRA2" });
    await openHome("U0EXTRA2");
    expect(JSON.stringify(await published("U0EXTRA2"))).toContain("LinkedIn connections");
  });

  it("disconnects for an admin: tokens erased, its scheduled posts shown as needing a connection", async () => {
    const { conn } = await seed();
    await t.interact(homeButton("U0ADMIN", ACTION.disconnect, { value: conn.id }));
    const view = JSON.stringify(await published("U0ADMIN"));
    const saved = await t.db.db.linkedInConnection.findUniqueOrThrow({ where: { id: conn.id } });
    expect(saved).toMatchObject({ status: "disconnected", accessTokenEnc: "", refreshTokenEnc: null });
    expect(view).not.toContain("Ada Lovelace* (member)");
    expect(view).toContain("3 scheduled posts have no usable LinkedIn connection");
    await openHome("U0AUTHOR");
    expect(JSON.stringify(await published("U0AUTHOR"))).toContain("No LinkedIn connection");
    // The channel is told too: each scheduled post's living message now carries the warning.
    const updates = await eventually(() => {
      const calls = t.slack.callsTo("chat.update");
      return calls.length >= 3 ? calls : undefined;
    });
    for (const u of updates)
      expect(JSON.stringify(u.args.blocks)).toContain("LinkedIn account was disconnected");
  });

  describe("a member's crafted admin actions are refused and change nothing", () => {
    const refusal = async () => {
      const open = await eventually(() => t.slack.callsTo("views.open")[0]);
      expect(JSON.stringify(open.args.view)).toContain("Only admins can do this");
    };

    it("Connect LinkedIn creates no state and gives no link", async () => {
      await seed();
      await t.interact(homeButton("U0AUTHOR", ACTION.connectLinkedIn));
      await refusal();
      expect(await t.db.db.oAuthState.count()).toBe(0);
      expect(JSON.stringify(t.slack.calls)).not.toContain("oauth/v2/authorization");
      // Their Home is re-published without admin controls.
      expect(JSON.stringify(await published("U0AUTHOR"))).not.toContain(ACTION.connectLinkedIn);
    });

    it("Disconnect leaves the connection active with its token", async () => {
      const { conn } = await seed();
      await t.interact(homeButton("U0AUTHOR", ACTION.disconnect, { value: conn.id }));
      await refusal();
      const saved = await t.db.db.linkedInConnection.findUniqueOrThrow({ where: { id: conn.id } });
      expect(saved.status).toBe("active");
      expect(saved.accessTokenEnc).toBe(conn.accessTokenEnc);
      expect(JSON.stringify(await published("U0AUTHOR"))).not.toContain(ACTION.disconnect);
    });

    it("opening settings is refused, and a crafted settings submission saves nothing", async () => {
      await seed();
      await t.interact(homeButton("U0AUTHOR", ACTION.openSettings));
      await refusal();
      await published("U0AUTHOR");
      const res = await t.interact(
        viewSubmission("U0AUTHOR", VIEW.settings, {
          [BLOCK.settingsChannel]: { [ACTION.settingsChannel]: { selected_conversation: "C0EVIL" } },
          [BLOCK.settingsAdmins]: { [ACTION.settingsAdmins]: { selected_users: ["U0AUTHOR"] } },
        }),
      );
      expect(res.json).toMatchObject({
        response_action: "errors",
        errors: { [BLOCK.settingsChannel]: expect.stringContaining("Only admins") },
      });
      expect(await t.db.db.workspace.findFirstOrThrow()).toMatchObject({
        defaultChannelId: null,
        adminUserIds: [],
      });
    });

    it("adding a company page is refused", async () => {
      const { ws } = await seed();
      const member = await makeConnection(t.db.db, ws, {
        scopes: "openid profile w_member_social w_organization_social",
      });
      await t.interact(homeButton("U0AUTHOR", ACTION.connectOrganization, { value: member.id }));
      const update = await eventually(() => t.slack.callsTo("views.update")[0]);
      expect(JSON.stringify(update.args.view)).toContain("Only admins can do this");
      await published("U0AUTHOR");
      const res = await t.interact(
        viewSubmission(
          "U0AUTHOR",
          VIEW.connectOrganization,
          {
            [BLOCK.organization]: {
              [ACTION.organization]: {
                selected_option: { value: "urn:li:organization:1", text: { type: "plain_text", text: "X" } },
              },
            },
          },
          JSON.stringify({ connectionId: member.id, organizationIds: ["1"] }),
        ),
      );
      expect(res.json).toMatchObject({ response_action: "errors" });
      expect(await t.db.db.linkedInConnection.count({ where: { kind: "organization" } })).toBe(0);
    });

    it("a connection id from another workspace is not found, even for an admin", async () => {
      const other = await t.db.db.workspace.create({ data: { slackTeamId: "T0OTHER" } });
      const foreign = await makeConnection(t.db.db, other);
      await t.interact(homeButton("U0ADMIN", ACTION.disconnect, { value: foreign.id }));
      const open = await eventually(() => t.slack.callsTo("views.open")[0]);
      expect(JSON.stringify(open.args.view)).toContain("no longer exists");
      expect((await t.db.db.linkedInConnection.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe(
        "active",
      );
      await published("U0ADMIN");
    });
  });
});
