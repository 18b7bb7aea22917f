// The daily token cron (through @inngest/test, a fresh engine per run): reminders 7 days and 1 day
// before expiry, once each; expired → needs_reconnect with a DM; refreshable tokens refreshed instead.
import { InngestTestEngine } from "@inngest/test";
import nock from "nock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTokenExpiryFunction } from "../../src/inngest/functions/token-expiry.js";
import { startTestApp, type TestApp } from "../support/app.js";
import { makeConnection, makePost, makeWorkspace, testCipher } from "../support/factories.js";

const DAY = 86_400_000;
const START = new Date("2026-12-01T08:00:00Z");
let now = START;

describe("token-expiry cron", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: () => now, env: { ADMIN_SLACK_USER_IDS: "U0BOSS" } });
  });
  afterAll(() => t.stop());
  beforeEach(async () => {
    now = START;
    await t.db.exec(`TRUNCATE "Workspace" CASCADE`);
    t.slack.reset();
  });

  /** One daily run at `at`, on a fresh engine (results are cached per engine). */
  async function runAt(at: Date) {
    now = at;
    const engine = new InngestTestEngine({
      function: createTokenExpiryFunction({ ...t.app.deps, clock: () => now }),
    });
    const { result, error } = await engine.execute();
    if (error) throw error;
    return result as { refreshed: number; expired: number; reminders: number; pruned: number };
  }

  const dmsTo = (user: string) =>
    t.slack
      .callsTo("chat.postMessage")
      .filter((c) => c.args.channel === user)
      .map((c) => String(c.args.text));

  it("reminds the owner and the admins 7 days and 1 day before expiry, once each", async () => {
    const ws = await makeWorkspace(t.db.db, { adminUserIds: ["U0EXTRA"] });
    const conn = await makeConnection(t.db.db, ws, {
      displayName: "Ada Lovelace",
      connectedByUserId: "U0OWNER",
      accessTokenExpiresAt: new Date(START.getTime() + 10 * DAY + 3_600_000),
    });
    await makePost(t.db.db, ws, conn, { publishAt: new Date(START.getTime() + 20 * DAY) });

    expect((await runAt(START)).reminders).toBe(0); // 10 days left
    expect(t.slack.callsTo("chat.postMessage")).toHaveLength(0);

    await runAt(new Date(START.getTime() + 3 * DAY + 2 * 3_600_000)); // 7 days left
    for (const user of ["U0OWNER", "U0BOSS", "U0EXTRA"]) {
      expect(dmsTo(user)).toEqual([expect.stringContaining("expires in 7 days")]);
    }
    expect(JSON.stringify(t.slack.callsTo("chat.postMessage")[0]?.args.blocks)).toContain(
      "1 scheduled post will fail",
    );
    expect(
      (await t.db.db.linkedInConnection.findUniqueOrThrow({ where: { id: conn.id } })).lastReminderDays,
    ).toBe(7);

    await runAt(new Date(START.getTime() + 4 * DAY + 2 * 3_600_000)); // 6 days left: nothing new
    await runAt(new Date(START.getTime() + 5 * DAY + 2 * 3_600_000));
    expect(dmsTo("U0OWNER")).toHaveLength(1);

    await runAt(new Date(START.getTime() + 9 * DAY + 2 * 3_600_000)); // 1 day left
    expect(dmsTo("U0OWNER")).toEqual([
      expect.stringContaining("7 days"),
      expect.stringContaining("expires tomorrow"),
    ]);
    await runAt(new Date(START.getTime() + 9 * DAY + 3 * 3_600_000)); // same day again: once only
    expect(dmsTo("U0OWNER")).toHaveLength(2);
    expect(
      (await t.db.db.linkedInConnection.findUniqueOrThrow({ where: { id: conn.id } })).lastReminderDays,
    ).toBe(1);
  });

  it("marks an expired connection needs_reconnect, says so once, and shows it in the owner's Home tab", async () => {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws, {
      displayName: "Ada Lovelace",
      connectedByUserId: "U0OWNER",
      lastReminderDays: 1,
      accessTokenExpiresAt: new Date(START.getTime() - 3_600_000),
    });
    await makePost(t.db.db, ws, conn, { publishAt: new Date(START.getTime() + DAY) });
    const result = await runAt(START);
    expect(result.expired).toBe(1);
    expect((await t.db.db.linkedInConnection.findUniqueOrThrow({ where: { id: conn.id } })).status).toBe(
      "needs_reconnect",
    );
    expect(dmsTo("U0OWNER")).toEqual([expect.stringContaining("expired")]);
    expect(dmsTo("U0BOSS")).toHaveLength(1);
    const home = t.slack.callsTo("views.publish").find((c) => c.args.user_id === "U0AUTHOR");
    expect(JSON.stringify(home?.args.view)).toContain("must be reconnected");
    expect(t.slack.callsTo("views.publish").map((c) => c.args.user_id)).toContain("U0OWNER");

    await runAt(new Date(START.getTime() + DAY));
    expect(dmsTo("U0OWNER")).toHaveLength(1);
  });

  it("refreshes a refreshable token instead of reminding, and stores the new tokens encrypted", async () => {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws, {
      accessTokenExpiresAt: new Date(START.getTime() + 5 * DAY),
      refreshTokenEnc: testCipher.encrypt("AQR-old-refresh-0123456789"),
      refreshTokenExpiresAt: new Date(START.getTime() + 200 * DAY),
    });
    let form: URLSearchParams | undefined;
    nock("https://www.linkedin.test")
      .post("/oauth/v2/accessToken", (body) => {
        form = new URLSearchParams(body as string);
        return true;
      })
      .reply(200, {
        access_token: "AQV-fresh-access-0123456789",
        expires_in: 5_184_000,
        refresh_token: "AQR-new-refresh-0123456789",
        refresh_token_expires_in: 17_280_000,
        scope: "openid,profile,w_member_social",
      });
    const result = await runAt(START);
    expect(result).toMatchObject({ refreshed: 1, reminders: 0, expired: 0 });
    expect(Object.fromEntries(form ?? [])).toEqual({
      grant_type: "refresh_token",
      refresh_token: "AQR-old-refresh-0123456789",
      client_id: "li-client-id",
      client_secret: "li-client-secret-0123456789",
    });
    const saved = await t.db.db.linkedInConnection.findUniqueOrThrow({ where: { id: conn.id } });
    expect(testCipher.decrypt(saved.accessTokenEnc)).toBe("AQV-fresh-access-0123456789");
    expect(testCipher.decrypt(saved.refreshTokenEnc ?? "")).toBe("AQR-new-refresh-0123456789");
    expect(saved.accessTokenExpiresAt.getTime()).toBe(START.getTime() + 60 * DAY);
    const raw = JSON.stringify(await t.db.rows(`select * from "LinkedInConnection"`));
    expect(raw).not.toContain("AQV-fresh-access");
    expect(t.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("a refresh token LinkedIn refuses is dropped, and the connection gets reminders like any other", async () => {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws, {
      connectedByUserId: "U0OWNER",
      accessTokenExpiresAt: new Date(START.getTime() + 5 * DAY),
      refreshTokenEnc: testCipher.encrypt("AQR-revoked-0123456789"),
    });
    nock("https://www.linkedin.test")
      .post("/oauth/v2/accessToken")
      .reply(400, { error: "invalid_grant", error_description: "The provided refresh token is invalid" });
    await runAt(START);
    const saved = await t.db.db.linkedInConnection.findUniqueOrThrow({ where: { id: conn.id } });
    expect(saved.refreshTokenEnc).toBeNull();
    expect(saved.status).toBe("active");
    expect(dmsTo("U0OWNER")).toEqual([expect.stringContaining("expires in 5 days")]);
  });

  it("prunes OAuth states that expired more than a day ago", async () => {
    const ws = await makeWorkspace(t.db.db);
    await t.db.db.oAuthState.createMany({
      data: [
        { id: "old", workspaceId: ws.id, slackUserId: "U1", expiresAt: new Date(START.getTime() - 2 * DAY) },
        {
          id: "recent",
          workspaceId: ws.id,
          slackUserId: "U1",
          expiresAt: new Date(START.getTime() - 3_600_000),
        },
      ],
    });
    expect((await runAt(START)).pruned).toBe(1);
    expect((await t.db.db.oAuthState.findMany()).map((s) => s.id)).toEqual(["recent"]);
  });
});
