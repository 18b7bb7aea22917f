import nock from "nock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/support/db.js";
import { makeConnection, makeWorkspace, testCipher } from "../../test/support/factories.js";
import { LinkedInOAuthError } from "../linkedin/errors.js";
import { accessTokenFor, ConnectionUnusableError } from "./access-token.js";
import type { LinkedInEnv } from "./linkedin-app.js";

const NOW = new Date("2026-12-04T15:00:00Z");
const OAUTH = "https://www.linkedin.test";
const env: LinkedInEnv = {
  LINKEDIN_CLIENT_ID: "li-client-id",
  LINKEDIN_CLIENT_SECRET: "li-client-secret-0123456789",
  LINKEDIN_OAUTH_URL: `${OAUTH}/oauth/v2`,
  LINKEDIN_API_URL: "https://api.linkedin.test",
  LINKEDIN_VERSION: "202601",
  publicUrl: "https://share.example.test",
};

describe("accessTokenFor", () => {
  let db: TestDb;
  const deps = () => ({ db: db.db, cipher: testCipher, clock: () => NOW, env });
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());
  beforeEach(() => db.exec(`TRUNCATE "Workspace" CASCADE`));

  async function connection(over: Parameters<typeof makeConnection>[2]) {
    return makeConnection(db.db, await makeWorkspace(db.db), over);
  }

  it("returns the decrypted token of a valid connection without calling LinkedIn", async () => {
    const c = await connection({
      accessToken: "AQV-valid-0123456789",
      accessTokenExpiresAt: new Date(NOW.getTime() + 86_400_000),
    });
    expect((await accessTokenFor(deps(), c.id)).accessToken).toBe("AQV-valid-0123456789");
  });

  it("refuses an expired token that cannot be refreshed", async () => {
    const c = await connection({ accessTokenExpiresAt: new Date(NOW.getTime() - 1_000) });
    await expect(accessTokenFor(deps(), c.id)).rejects.toMatchObject({
      name: "ConnectionUnusableError",
      code: "expired",
    });
  });

  it("refreshes a token within an hour of expiry and stores the new one encrypted", async () => {
    const c = await connection({
      accessTokenExpiresAt: new Date(NOW.getTime() + 10 * 60_000),
      refreshTokenEnc: testCipher.encrypt("AQR-refresh-0123456789"),
    });
    const scope = nock(OAUTH)
      .post(
        "/oauth/v2/accessToken",
        (b) => new URLSearchParams(b as string).get("refresh_token") === "AQR-refresh-0123456789",
      )
      .reply(200, {
        access_token: "AQV-renewed-0123456789",
        expires_in: 5_184_000,
        scope: "openid,profile,w_member_social",
      });
    const { accessToken, connection: fresh } = await accessTokenFor(deps(), c.id);
    expect(scope.isDone()).toBe(true);
    expect(accessToken).toBe("AQV-renewed-0123456789");
    expect(fresh.accessTokenExpiresAt.getTime()).toBe(NOW.getTime() + 5_184_000_000);
    const [row] = await db.rows<{ accessTokenEnc: string; refreshTokenEnc: string }>(
      `select "accessTokenEnc", "refreshTokenEnc" from "LinkedInConnection"`,
    );
    expect(row?.accessTokenEnc).not.toContain("AQV-renewed");
    expect(testCipher.decrypt(row?.refreshTokenEnc ?? "")).toBe("AQR-refresh-0123456789"); // kept when none is returned
  });

  it("marks the connection needs_reconnect when an expired token's refresh is refused", async () => {
    const c = await connection({
      accessTokenExpiresAt: new Date(NOW.getTime() - 60_000),
      refreshTokenEnc: testCipher.encrypt("AQR-revoked-0123456789"),
    });
    nock(OAUTH)
      .post("/oauth/v2/accessToken")
      .reply(400, { error: "invalid_grant", error_description: "revoked" });
    await expect(accessTokenFor(deps(), c.id)).rejects.toBeInstanceOf(ConnectionUnusableError);
    expect((await db.db.linkedInConnection.findUniqueOrThrow({ where: { id: c.id } })).status).toBe(
      "needs_reconnect",
    );
  });

  it("keeps using a still-valid token when a refresh fails for a transient reason, and rethrows it once expired", async () => {
    const valid = await connection({
      accessToken: "AQV-still-good-0123456789",
      accessTokenExpiresAt: new Date(NOW.getTime() + 5 * 60_000),
      refreshTokenEnc: testCipher.encrypt("AQR-refresh-0123456789"),
    });
    nock(OAUTH).post("/oauth/v2/accessToken").reply(503, { error: "temporarily_unavailable" });
    expect((await accessTokenFor(deps(), valid.id)).accessToken).toBe("AQV-still-good-0123456789");

    const expired = await connection({
      accessTokenExpiresAt: new Date(NOW.getTime() - 5 * 60_000),
      refreshTokenEnc: testCipher.encrypt("AQR-refresh-0123456789"),
    });
    nock(OAUTH).post("/oauth/v2/accessToken").reply(503, { error: "temporarily_unavailable" });
    const err = await accessTokenFor(deps(), expired.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LinkedInOAuthError);
    expect((err as LinkedInOAuthError).retriable).toBe(true);
    expect((await db.db.linkedInConnection.findUniqueOrThrow({ where: { id: expired.id } })).status).toBe(
      "active",
    );
  });

  it("does not try to refresh without LinkedIn credentials (old signature)", async () => {
    const c = await connection({
      accessToken: "AQV-x-0123456789",
      accessTokenExpiresAt: new Date(NOW.getTime() + 5 * 60_000),
      refreshTokenEnc: testCipher.encrypt("AQR-refresh-0123456789"),
    });
    const res = await accessTokenFor({ db: db.db, cipher: testCipher, clock: () => NOW }, c.id);
    expect(res.accessToken).toBe("AQV-x-0123456789");
  });
});
