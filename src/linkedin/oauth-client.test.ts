import nock from "nock";
import { describe, expect, it } from "vitest";
import { LinkedInApiError, LinkedInOAuthError } from "./errors.js";
import {
  buildAuthorizationUrl,
  checkToken,
  DEFAULT_SCOPES,
  exchangeCode,
  fetchUserInfo,
  listAdministeredOrganizations,
  ORGANIZATION_SCOPES,
  refreshAccessToken,
} from "./oauth-client.js";

const OAUTH = "https://oauth.linkedin.test/oauth/v2";
const OAUTH_HOST = "https://oauth.linkedin.test";
const API = "https://api.linkedin.test";
const TOKEN = "AQV-access-token-xyz";
const SECRET = "client-secret-shh";
const NOW = new Date("2026-01-10T00:00:00Z");

async function rejection<T extends Error>(
  p: Promise<unknown>,
  type: new (...args: never[]) => T,
): Promise<T> {
  const err = await p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(type);
  return err as T;
}

describe("buildAuthorizationUrl", () => {
  it("builds the authorization URL with space-separated, percent-encoded scopes", () => {
    const url = buildAuthorizationUrl({
      oauthUrl: `${OAUTH}/`,
      clientId: "cid",
      redirectUri: "https://app.example/oauth/callback?x=1",
      state: "st&ate=1",
      scopes: [...DEFAULT_SCOPES, ...ORGANIZATION_SCOPES],
    });
    expect(url).toBe(
      `${OAUTH}/authorization?response_type=code&client_id=cid` +
        "&redirect_uri=https%3A%2F%2Fapp.example%2Foauth%2Fcallback%3Fx%3D1" +
        "&state=st%26ate%3D1" +
        "&scope=openid%20profile%20w_member_social%20w_organization_social%20r_organization_admin",
    );
    const parsed = new URL(url);
    expect(parsed.searchParams.get("scope")).toBe(
      "openid profile w_member_social w_organization_social r_organization_admin",
    );
    expect(parsed.searchParams.get("state")).toBe("st&ate=1");
  });

  it("exports the scope sets", () => {
    expect(DEFAULT_SCOPES).toEqual(["openid", "profile", "w_member_social"]);
    expect(ORGANIZATION_SCOPES).toEqual(["w_organization_social", "r_organization_admin"]);
  });
});

describe("exchangeCode", () => {
  const opts = {
    oauthUrl: OAUTH,
    clientId: "cid",
    clientSecret: SECRET,
    redirectUri: "https://app.example/cb",
    code: "auth-code-123",
    now: NOW,
  };

  it("posts the form and maps the token response", async () => {
    nock(OAUTH_HOST, { reqheaders: { "content-type": "application/x-www-form-urlencoded" } })
      .post("/oauth/v2/accessToken", (body: string) => {
        expect(Object.fromEntries(new URLSearchParams(body))).toStrictEqual({
          grant_type: "authorization_code",
          code: "auth-code-123",
          client_id: "cid",
          client_secret: SECRET,
          redirect_uri: "https://app.example/cb",
        });
        return true;
      })
      .reply(200, {
        access_token: TOKEN,
        expires_in: 5_184_000,
        scope: "openid,profile,w_member_social",
        id_token: "eyJ...",
      });

    const tokens = await exchangeCode(opts);
    expect(tokens).toStrictEqual({
      accessToken: TOKEN,
      expiresAt: new Date("2026-03-11T00:00:00Z"),
      scope: "openid,profile,w_member_social",
      scopes: ["openid", "profile", "w_member_social"],
    });
  });

  it("returns refresh token fields when present", async () => {
    nock(OAUTH_HOST).post("/oauth/v2/accessToken").reply(200, {
      access_token: TOKEN,
      expires_in: 3600,
      refresh_token: "refresh-1",
      refresh_token_expires_in: 86_400,
      scope: "openid profile",
    });
    const tokens = await exchangeCode(opts);
    expect(tokens.refreshToken).toBe("refresh-1");
    expect(tokens.refreshTokenExpiresAt).toEqual(new Date("2026-01-11T00:00:00Z"));
    expect(tokens.expiresAt).toEqual(new Date("2026-01-10T01:00:00Z"));
    expect(tokens.scopes).toEqual(["openid", "profile"]);
  });

  it("maps {error, error_description} to LinkedInOAuthError without echoing secrets", async () => {
    nock(OAUTH_HOST)
      .post("/oauth/v2/accessToken")
      .reply(400, {
        error: "invalid_grant",
        error_description: `The code auth-code-123 is expired (client_secret=${SECRET})`,
      });
    const err = await rejection(exchangeCode(opts), LinkedInOAuthError);
    expect(err).toMatchObject({ code: "invalid_grant", status: 400, retriable: false });
    expect(err.message).not.toContain(SECRET);
    expect(err.message).not.toContain("auth-code-123");
    expect(err.description).toContain("[redacted]");
  });

  it("unknown error strings → code unknown; 5xx → server", async () => {
    nock(OAUTH_HOST).post("/oauth/v2/accessToken").reply(400, { error: "weird_thing" });
    expect((await rejection(exchangeCode(opts), LinkedInOAuthError)).code).toBe("unknown");
    nock(OAUTH_HOST).post("/oauth/v2/accessToken").reply(503, "<html>down</html>");
    const err = await rejection(exchangeCode(opts), LinkedInOAuthError);
    expect(err).toMatchObject({ code: "server", status: 503, retriable: true });
  });

  it("a 200 with an unexpected shape → invalid_response", async () => {
    nock(OAUTH_HOST).post("/oauth/v2/accessToken").reply(200, { token: "nope" });
    const err = await rejection(exchangeCode(opts), LinkedInOAuthError);
    expect(err.code).toBe("invalid_response");
    nock(OAUTH_HOST).post("/oauth/v2/accessToken").reply(200, "not json");
    expect((await rejection(exchangeCode(opts), LinkedInOAuthError)).code).toBe("invalid_response");
  });

  it("network error and timeout", async () => {
    nock(OAUTH_HOST).post("/oauth/v2/accessToken").replyWithError("connection refused");
    expect((await rejection(exchangeCode(opts), LinkedInOAuthError)).code).toBe("network");
    // Delayed replies use an empty body: with nock 15 on Node 20, a delayed reply WITH a body that lands
    // after the abort trips an undici assertion (uncaught) in the test process.
    nock(OAUTH_HOST).post("/oauth/v2/accessToken").delay(500).reply(200, "");
    const err = await rejection(exchangeCode({ ...opts, timeoutMs: 50 }), LinkedInOAuthError);
    expect(err).toMatchObject({ code: "timeout", retriable: true });
  });
});

describe("refreshAccessToken", () => {
  it("posts grant_type=refresh_token", async () => {
    nock(OAUTH_HOST)
      .post("/oauth/v2/accessToken", (body: string) => {
        expect(Object.fromEntries(new URLSearchParams(body))).toStrictEqual({
          grant_type: "refresh_token",
          refresh_token: "refresh-1",
          client_id: "cid",
          client_secret: SECRET,
        });
        return true;
      })
      .reply(200, { access_token: "new-token", expires_in: 60, refresh_token: "refresh-1" });
    const tokens = await refreshAccessToken({
      oauthUrl: OAUTH,
      clientId: "cid",
      clientSecret: SECRET,
      refreshToken: "refresh-1",
      now: NOW,
    });
    expect(tokens).toMatchObject({
      accessToken: "new-token",
      expiresAt: new Date("2026-01-10T00:01:00Z"),
      refreshToken: "refresh-1",
      scope: "",
      scopes: [],
    });
    expect(tokens.refreshTokenExpiresAt).toBeUndefined();
  });

  it("redacts the refresh token from errors", async () => {
    nock(OAUTH_HOST)
      .post("/oauth/v2/accessToken")
      .reply(400, { error: "invalid_request", error_description: "bad refresh_token refresh-1" });
    const err = await rejection(
      refreshAccessToken({
        oauthUrl: OAUTH,
        clientId: "cid",
        clientSecret: SECRET,
        refreshToken: "refresh-1",
        now: NOW,
      }),
      LinkedInOAuthError,
    );
    expect(err.code).toBe("invalid_request");
    expect(err.message).not.toContain("refresh-1");
  });
});

describe("fetchUserInfo", () => {
  it("returns sub, name and the author URN", async () => {
    nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .get("/v2/userinfo")
      .reply(200, { sub: "782bbtaQ", name: "Ada Lovelace", given_name: "Ada", locale: { country: "GB" } });
    await expect(fetchUserInfo({ apiUrl: API, accessToken: TOKEN })).resolves.toStrictEqual({
      sub: "782bbtaQ",
      name: "Ada Lovelace",
      authorUrn: "urn:li:person:782bbtaQ",
    });
  });

  it("builds the name from given/family name, or omits it", async () => {
    nock(API).get("/v2/userinfo").reply(200, { sub: "s1", given_name: "Ada", family_name: "L" });
    expect((await fetchUserInfo({ apiUrl: API, accessToken: TOKEN })).name).toBe("Ada L");
    nock(API).get("/v2/userinfo").reply(200, { sub: "s2" });
    expect(await fetchUserInfo({ apiUrl: API, accessToken: TOKEN })).toStrictEqual({
      sub: "s2",
      authorUrn: "urn:li:person:s2",
    });
  });

  it("401 → unauthorized; bad shape → server", async () => {
    nock(API).get("/v2/userinfo").reply(401, { serviceErrorCode: 65600, message: "Invalid access token" });
    const err = await rejection(fetchUserInfo({ apiUrl: API, accessToken: TOKEN }), LinkedInApiError);
    expect(err.code).toBe("unauthorized");
    nock(API).get("/v2/userinfo").reply(200, { name: "no sub" });
    expect((await rejection(fetchUserInfo({ apiUrl: API, accessToken: TOKEN }), LinkedInApiError)).code).toBe(
      "server",
    );
  });
});

describe("checkToken", () => {
  it("200 → true, 401 → false, other → unknown", async () => {
    nock(API).get("/v2/userinfo").reply(200, { sub: "x" });
    expect(await checkToken({ apiUrl: API, accessToken: TOKEN })).toBe(true);
    nock(API).get("/v2/userinfo").reply(401, {});
    expect(await checkToken({ apiUrl: API, accessToken: TOKEN })).toBe(false);
    nock(API).get("/v2/userinfo").reply(503, "");
    expect(await checkToken({ apiUrl: API, accessToken: TOKEN })).toBe("unknown");
    nock(API).get("/v2/userinfo").reply(403, {});
    expect(await checkToken({ apiUrl: API, accessToken: TOKEN })).toBe("unknown");
  });

  it("network error or timeout → unknown", async () => {
    nock(API).get("/v2/userinfo").replyWithError("ECONNREFUSED");
    expect(await checkToken({ apiUrl: API, accessToken: TOKEN })).toBe("unknown");
    nock(API).get("/v2/userinfo").delay(500).reply(200, ""); // empty body: see the note in exchangeCode tests
    expect(await checkToken({ apiUrl: API, accessToken: TOKEN, timeoutMs: 50 })).toBe("unknown");
  });
});

describe("listAdministeredOrganizations", () => {
  const opts = { apiUrl: API, version: "202601", accessToken: TOKEN };
  const versioned = {
    authorization: `Bearer ${TOKEN}`,
    "linkedin-version": "202601",
    "x-restli-protocol-version": "2.0.0",
  };
  const aclPath = "/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED";

  it("lists organization URNs with their names", async () => {
    nock(API, { reqheaders: versioned })
      .get(aclPath)
      .reply(200, {
        elements: [
          {
            organization: "urn:li:organization:111",
            role: "ADMINISTRATOR",
            state: "APPROVED",
            roleAssignee: "urn:li:person:x",
          },
          { organization: "urn:li:organization:222", role: "ADMINISTRATOR", state: "APPROVED" },
        ],
        paging: { start: 0, count: 10, total: 2 },
      })
      .get("/rest/organizations/111")
      .reply(200, { id: 111, localizedName: "Acme Corp" })
      .get("/rest/organizations/222")
      .reply(200, { id: 222, localizedName: "Beta GmbH" });

    await expect(listAdministeredOrganizations(opts)).resolves.toStrictEqual([
      { urn: "urn:li:organization:111", name: "Acme Corp" },
      { urn: "urn:li:organization:222", name: "Beta GmbH" },
    ]);
  });

  it("tolerates failed name lookups and legacy field names, and skips non-organization targets", async () => {
    nock(API)
      .get(aclPath)
      .reply(200, {
        elements: [
          { organizationTarget: "urn:li:organization:1" },
          { organizationalTarget: "urn:li:organization:2" },
          { organization: "urn:li:organizationBrand:3" },
          { organization: 42 },
          "garbage",
          { organization: "urn:li:organization:1" },
        ],
      })
      .get("/rest/organizations/1")
      .reply(403, { message: "Not enough permissions" })
      .get("/rest/organizations/2")
      .replyWithError("boom");

    await expect(listAdministeredOrganizations(opts)).resolves.toStrictEqual([
      { urn: "urn:li:organization:1" },
      { urn: "urn:li:organization:2" },
    ]);
  });

  it("follows pagination when total exceeds the page", async () => {
    nock(API)
      .get(aclPath)
      .reply(200, {
        elements: [{ organization: "urn:li:organization:1" }],
        paging: { start: 0, count: 1, total: 2 },
      })
      .get(`${aclPath}&start=1`)
      .reply(200, {
        elements: [{ organization: "urn:li:organization:2" }],
        paging: { start: 1, count: 1, total: 2 },
      })
      .get("/rest/organizations/1")
      .reply(200, { localizedName: "One" })
      .get("/rest/organizations/2")
      .reply(200, { localizedName: "Two" });
    const orgs = await listAdministeredOrganizations(opts);
    expect(orgs.map((o) => o.name)).toEqual(["One", "Two"]);
  });

  it("returns [] when there are no elements", async () => {
    nock(API)
      .get(aclPath)
      .reply(200, { elements: [], paging: { start: 0, count: 10, total: 0 } });
    await expect(listAdministeredOrganizations(opts)).resolves.toEqual([]);
  });

  it("maps ACL errors to LinkedInApiError", async () => {
    nock(API).get(aclPath).reply(403, {
      status: 403,
      code: "ACCESS_DENIED",
      message: "Not enough permissions to access: organizationAcls.FINDER-roleAssignee.20260101",
    });
    const err = await rejection(listAdministeredOrganizations(opts), LinkedInApiError);
    expect(err).toMatchObject({
      code: "forbidden",
      missingPermission: "organizationAcls.FINDER-roleAssignee.20260101",
    });
    nock(API).get(aclPath).reply(426, { message: "Requested version 202601 is not active" });
    expect((await rejection(listAdministeredOrganizations(opts), LinkedInApiError)).code).toBe(
      "version_retired",
    );
    nock(API).get(aclPath).replyWithError("reset");
    expect((await rejection(listAdministeredOrganizations(opts), LinkedInApiError)).code).toBe("network");
  });
});
