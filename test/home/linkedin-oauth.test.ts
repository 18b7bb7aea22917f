// The whole LinkedIn OAuth flow through the real app: Connect button → single-use state → callback →
// code exchange and userinfo (nock'd LinkedIn) → encrypted connection; and every way it must fail.
import { createHash } from "node:crypto";
import nock from "nock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTION, BLOCK, VIEW } from "../../src/slack/ids.js";
import { eventually, startTestApp, TEAM_ID, type TestApp } from "../support/app.js";
import { makeConnection, makeWorkspace, testCipher } from "../support/factories.js";
import { homeButton, viewSubmission } from "./payloads.js";

const OAUTH = "https://www.linkedin.test";
const API = "https://api.linkedin.test";
const ACCESS_TOKEN = "AQX-live-access-token-never-stored-in-clear-0123456789";
const CODE = "AQT-authorization-code-0123456789";
const DAY = 86_400_000;

let now = new Date("2026-12-04T15:00:00Z");

type AuthLinks = { member: URL; pages: URL };

describe("LinkedIn OAuth", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    t.slack.users.set("U0ADMIN", { id: "U0ADMIN", is_admin: true });
    t.slack.users.set("U0MEMBER", { id: "U0MEMBER" });
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    now = new Date("2026-12-04T15:00:00Z");
    await t.db.exec(`TRUNCATE "Workspace" CASCADE`);
    const users = new Map(t.slack.users);
    t.slack.reset();
    for (const [id, u] of users) t.slack.users.set(id, u);
  });

  async function clickConnect(userId = "U0ADMIN"): Promise<AuthLinks> {
    const res = await t.interact(homeButton(userId, ACTION.connectLinkedIn));
    expect(res.status).toBe(200);
    const open = await eventually(() => t.slack.callsTo("views.open").at(-1));
    const urls = [...JSON.stringify(open.args.view).matchAll(/"url":"([^"]+)"/g)].map(
      (m) => new URL(m[1] ?? ""),
    );
    const [member, pages] = urls;
    if (!member || !pages) throw new Error(`no sign-in links in ${JSON.stringify(open.args.view)}`);
    return { member, pages };
  }

  const callback = (query: Record<string, string>) =>
    fetch(`${t.url}/linkedin/oauth/callback?${new URLSearchParams(query)}`, { redirect: "manual" });

  /** After a successful callback the admin's Home tab is published; wait for it so tests do not overlap. */
  const homePublished = (containing: string) =>
    eventually(() =>
      t.slack
        .callsTo("views.publish")
        .find((c) => c.args.user_id === "U0ADMIN" && JSON.stringify(c.args.view).includes(containing)),
    );

  function linkedInAccepts(opts: { scope?: string; sub?: string; refresh?: boolean } = {}) {
    let exchanged: URLSearchParams | undefined;
    const token = nock(OAUTH)
      .post("/oauth/v2/accessToken", (body) => {
        exchanged = new URLSearchParams(
          typeof body === "string" ? body : new URLSearchParams(body).toString(),
        );
        return true;
      })
      .matchHeader("content-type", /application\/x-www-form-urlencoded/)
      .reply(200, {
        access_token: ACCESS_TOKEN,
        expires_in: 5_184_000,
        scope: opts.scope ?? "openid,profile,w_member_social",
        ...(opts.refresh
          ? { refresh_token: "AQR-refresh-token-0123456789", refresh_token_expires_in: 31_536_000 }
          : {}),
      });
    const userinfo = nock(API)
      .get("/v2/userinfo")
      .matchHeader("authorization", `Bearer ${ACCESS_TOKEN}`)
      .reply(200, {
        sub: opts.sub ?? "abc123",
        name: "Ada Lovelace",
        given_name: "Ada",
        family_name: "Lovelace",
      });
    return { token, userinfo, body: () => exchanged };
  }

  it("builds single-use authorization URLs and stores only the state's hash", async () => {
    const { member, pages } = await clickConnect();
    expect(`${member.origin}${member.pathname}`).toBe(`${OAUTH}/oauth/v2/authorization`);
    expect(member.searchParams.get("response_type")).toBe("code");
    expect(member.searchParams.get("client_id")).toBe("li-client-id");
    expect(member.searchParams.get("redirect_uri")).toBe(
      "https://share.example.test/linkedin/oauth/callback",
    );
    expect(member.searchParams.get("scope")).toBe("openid profile w_member_social");
    expect(pages.searchParams.get("scope")).toBe(
      "openid profile w_member_social w_organization_social r_organization_admin",
    );
    const state = member.searchParams.get("state") ?? "";
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pages.searchParams.get("state")).not.toBe(state);
    const rows = await t.db.rows<{ id: string; slackUserId: string; expiresAt: Date }>(
      `select id, "slackUserId", "expiresAt" from "OAuthState"`,
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.id)).toContain(createHash("sha256").update(state).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(state);
    expect(rows[0]?.slackUserId).toBe("U0ADMIN");
    expect(new Date(rows[0]?.expiresAt ?? 0).getTime()).toBe(now.getTime() + 10 * 60_000);
  });

  it("connects: exchanges the code, reads userinfo, stores the tokens encrypted, refreshes the Home tab", async () => {
    const { member } = await clickConnect();
    const li = linkedInAccepts();
    const res = await callback({ code: CODE, state: member.searchParams.get("state") ?? "" });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(html).toContain("Ada Lovelace is connected. You can return to Slack.");
    expect(html).not.toContain(ACCESS_TOKEN);
    expect(html).not.toContain(CODE);
    expect(li.token.isDone() && li.userinfo.isDone()).toBe(true);
    expect(Object.fromEntries(li.body() ?? [])).toEqual({
      grant_type: "authorization_code",
      code: CODE,
      client_id: "li-client-id",
      client_secret: "li-client-secret-0123456789",
      redirect_uri: "https://share.example.test/linkedin/oauth/callback",
    });

    const raw = await t.db.rows<Record<string, unknown>>(`select * from "LinkedInConnection"`);
    expect(raw).toHaveLength(1);
    const row = raw[0] ?? {};
    expect(JSON.stringify(raw)).not.toContain(ACCESS_TOKEN);
    const [enc] = await t.db.rows<{ accessTokenEnc: string }>(
      'select "accessTokenEnc" from "LinkedInConnection"',
    );
    expect(enc?.accessTokenEnc).toMatch(/^v1\./);
    expect(testCipher.decrypt(enc?.accessTokenEnc ?? "")).toBe(ACCESS_TOKEN);
    expect(row).toMatchObject({
      kind: "member",
      authorUrn: "urn:li:person:abc123",
      displayName: "Ada Lovelace",
      status: "active",
      connectedByUserId: "U0ADMIN",
      scopes: "openid profile w_member_social",
      refreshTokenEnc: null,
    });
    expect(new Date(row.accessTokenExpiresAt as string).getTime()).toBe(now.getTime() + 60 * DAY);
    expect(t.logs.join("")).not.toContain(ACCESS_TOKEN);
    expect(t.logs.join("")).not.toContain(CODE);

    await homePublished("Ada Lovelace");
  });

  it("refuses a replayed state without calling LinkedIn again", async () => {
    const { member } = await clickConnect();
    linkedInAccepts();
    const state = member.searchParams.get("state") ?? "";
    expect((await callback({ code: CODE, state })).status).toBe(200);
    await homePublished("Ada Lovelace");
    const again = await callback({ code: CODE, state });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("already used");
    expect(await t.db.db.linkedInConnection.count()).toBe(1);
  });

  it("refuses a tampered or missing state and stores nothing", async () => {
    const { member } = await clickConnect();
    const li = linkedInAccepts();
    const state = member.searchParams.get("state") ?? "";
    const tampered = `${state.slice(0, -1)}${state.endsWith("A") ? "B" : "A"}`;
    const res = await callback({ code: CODE, state: tampered });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("not valid");
    const missing = await callback({ code: CODE });
    expect(missing.status).toBe(400);
    const junk = await callback({ code: CODE, state: "<script>" });
    expect(junk.status).toBe(400);
    expect(await junk.text()).not.toContain("<script>");
    expect(li.token.isDone()).toBe(false);
    expect(await t.db.db.linkedInConnection.count()).toBe(0);
  });

  it("refuses an expired state (after 10 minutes) and stores nothing", async () => {
    const { member } = await clickConnect();
    const li = linkedInAccepts();
    now = new Date(now.getTime() + 10 * 60_000 + 1_000);
    const res = await callback({ code: CODE, state: member.searchParams.get("state") ?? "" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("expired");
    expect(li.token.isDone()).toBe(false);
    expect(await t.db.db.linkedInConnection.count()).toBe(0);
  });

  it("says so when the member declines, burns the state and stores nothing", async () => {
    const { member } = await clickConnect();
    const state = member.searchParams.get("state") ?? "";
    const res = await callback({
      error: "user_cancelled_authorize",
      error_description: "The user cancelled the authorization",
      state,
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("cancelled or declined");
    expect(await t.db.db.linkedInConnection.count()).toBe(0);
    const [row] = await t.db.rows<{ usedAt: Date | null }>(
      `select "usedAt" from "OAuthState" where id = '${createHash("sha256").update(state).digest("hex")}'`,
    );
    expect(row?.usedAt).not.toBeNull();
  });

  it("shows LinkedIn's refusal of the code as a clear error page and stores nothing", async () => {
    const { member } = await clickConnect();
    nock(OAUTH).post("/oauth/v2/accessToken").reply(400, {
      error: "invalid_grant",
      error_description: "Unable to retrieve access token: authorization code not found",
    });
    const res = await callback({ code: CODE, state: member.searchParams.get("state") ?? "" });
    expect(res.status).toBe(502);
    const html = await res.text();
    expect(html).toContain("LinkedIn could not be connected");
    expect(html).toContain("the authorization expired or was already used");
    expect(await t.db.db.linkedInConnection.count()).toBe(0);
  });

  it("reconnecting the same member renews and reactivates the existing connection", async () => {
    const ws = await makeWorkspace(t.db.db);
    const old = await makeConnection(t.db.db, ws, {
      authorUrn: "urn:li:person:abc123",
      status: "needs_reconnect",
      lastReminderDays: 1,
      accessTokenExpiresAt: new Date(now.getTime() - DAY),
      connectedByUserId: "U0SOMEONE",
    });
    const { member } = await clickConnect();
    linkedInAccepts();
    expect((await callback({ code: CODE, state: member.searchParams.get("state") ?? "" })).status).toBe(200);
    await homePublished("Ada Lovelace");
    const rows = await t.db.db.linkedInConnection.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: old.id,
      status: "active",
      lastReminderDays: null,
      connectedByUserId: "U0ADMIN",
    });
    expect(rows[0]?.accessTokenExpiresAt.getTime()).toBe(now.getTime() + 60 * DAY);
  });

  it("stores a refresh token encrypted when LinkedIn gives one", async () => {
    const { member } = await clickConnect();
    linkedInAccepts({ refresh: true });
    await callback({ code: CODE, state: member.searchParams.get("state") ?? "" });
    await homePublished("renews automatically");
    const [row] = await t.db.rows<{ refreshTokenEnc: string; refreshTokenExpiresAt: Date }>(
      `select "refreshTokenEnc", "refreshTokenExpiresAt" from "LinkedInConnection"`,
    );
    expect(row?.refreshTokenEnc).toMatch(/^v1\./);
    expect(testCipher.decrypt(row?.refreshTokenEnc ?? "")).toBe("AQR-refresh-token-0123456789");
    expect(new Date(row?.refreshTokenExpiresAt ?? 0).getTime()).toBe(now.getTime() + 365 * DAY);
  });

  it("connects a company page the member administers, sharing the member's encrypted token", async () => {
    const { pages } = await clickConnect();
    linkedInAccepts({ scope: "openid,profile,w_member_social,w_organization_social,r_organization_admin" });
    const res = await callback({ code: CODE, state: pages.searchParams.get("state") ?? "" });
    expect(await res.text()).toContain("company pages");
    const memberConn = await t.db.db.linkedInConnection.findFirstOrThrow();
    await homePublished(ACTION.connectOrganization);

    nock(API)
      .get("/rest/organizationAcls")
      .query({ q: "roleAssignee", role: "ADMINISTRATOR", state: "APPROVED" })
      .matchHeader("authorization", `Bearer ${ACCESS_TOKEN}`)
      .reply(200, {
        elements: [
          { organization: "urn:li:organization:2414183" },
          { organization: "urn:li:organization:777" },
        ],
        paging: { start: 0, count: 10, total: 2 },
      });
    nock(API).get("/rest/organizations/2414183").reply(200, { localizedName: "Acme Corp" });
    nock(API).get("/rest/organizations/777").reply(200, { localizedName: "Acme Labs" });
    await t.interact(homeButton("U0ADMIN", ACTION.connectOrganization, { value: memberConn.id }));
    const update = await eventually(() => t.slack.callsTo("views.update").at(-1));
    const picker = update.args.view as { private_metadata: string; callback_id: string };
    expect(picker.callback_id).toBe(VIEW.connectOrganization);
    expect(JSON.stringify(picker)).toContain("Acme Corp");

    const submit = await t.interact(
      viewSubmission(
        "U0ADMIN",
        VIEW.connectOrganization,
        {
          [BLOCK.organization]: {
            [ACTION.organization]: {
              type: "static_select",
              selected_option: {
                value: "urn:li:organization:2414183",
                text: { type: "plain_text", text: "Acme Corp" },
              },
            },
          },
        },
        picker.private_metadata,
      ),
    );
    expect(submit.status).toBe(200);
    expect(submit.body).toBe("");
    await homePublished("Acme Corp");
    const org = await t.db.db.linkedInConnection.findFirstOrThrow({ where: { kind: "organization" } });
    expect(org).toMatchObject({
      authorUrn: "urn:li:organization:2414183",
      displayName: "Acme Corp",
      accessTokenEnc: memberConn.accessTokenEnc,
      accessTokenExpiresAt: memberConn.accessTokenExpiresAt,
      connectedByUserId: "U0ADMIN",
      status: "active",
    });
  });

  it("refuses a page that was not offered", async () => {
    const ws = await makeWorkspace(t.db.db);
    const memberConn = await makeConnection(t.db.db, ws, {
      scopes: "openid profile w_member_social w_organization_social",
    });
    const res = await t.interact(
      viewSubmission(
        "U0ADMIN",
        VIEW.connectOrganization,
        {
          [BLOCK.organization]: {
            [ACTION.organization]: {
              selected_option: {
                value: "urn:li:organization:666",
                text: { type: "plain_text", text: "Evil" },
              },
            },
          },
        },
        JSON.stringify({ connectionId: memberConn.id, organizationIds: ["2414183"] }),
      ),
    );
    expect(res.json).toMatchObject({ response_action: "errors" });
    expect(await t.db.db.linkedInConnection.count({ where: { kind: "organization" } })).toBe(0);
  });

  it("uses the team of the state, not of whoever opens the link", async () => {
    const { member } = await clickConnect();
    linkedInAccepts();
    await callback({ code: CODE, state: member.searchParams.get("state") ?? "" });
    await homePublished("Ada Lovelace");
    const conn = await t.db.db.linkedInConnection.findFirstOrThrow({ include: { workspace: true } });
    expect(conn.workspace.slackTeamId).toBe(TEAM_ID);
  });
});

describe("LinkedIn not configured", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LINKEDIN_CLIENT_ID: "", LINKEDIN_CLIENT_SECRET: "" } });
    t.slack.users.set("U0ADMIN", { id: "U0ADMIN", is_admin: true });
  });
  afterAll(() => t.stop());

  it("Connect LinkedIn says it is not configured and how to configure it; the callback answers 503", async () => {
    await t.interact(homeButton("U0ADMIN", ACTION.connectLinkedIn));
    const open = await eventually(() => t.slack.callsTo("views.open")[0]);
    const text = JSON.stringify(open.args.view);
    expect(text).toContain("LinkedIn is not configured yet");
    expect(text).toContain("LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET");
    expect(text).toContain("https://share.example.test/linkedin/oauth/callback");
    expect(await t.db.db.oAuthState.count()).toBe(0);
    const res = await fetch(`${t.url}/linkedin/oauth/callback?code=x&state=${"a".repeat(43)}`);
    expect(res.status).toBe(503);
  });
});
