import nock from "nock";
import { describe, expect, it } from "vitest";
import { LinkedInApiError, userMessage } from "./errors.js";
import { parseRetryAfter } from "./http.js";
import { LITTLE_RESERVED_CHARS } from "./little-text.js";
import { buildTextPostBody, createLinkedInPost, postUrlFor } from "./posts-client.js";

const API = "https://api.linkedin.test";
const TOKEN = "AQX-secret-access-token-123";
const AUTHOR = "urn:li:person:abc123";
const NOW = new Date("2026-03-01T12:00:00Z");

const baseOpts = {
  apiUrl: API,
  version: "202601",
  accessToken: TOKEN,
  authorUrn: AUTHOR,
  text: "Hello LinkedIn",
  now: () => NOW,
};

function expectedBody(commentary: string) {
  return {
    author: AUTHOR,
    commentary,
    visibility: "PUBLIC",
    distribution: { feedDistribution: "MAIN_FEED", targetEntities: [], thirdPartyDistributionChannels: [] },
    lifecycleState: "PUBLISHED",
    isReshareDisabledByAuthor: false,
  };
}

async function failure(p: Promise<unknown>): Promise<LinkedInApiError> {
  const err = await p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LinkedInApiError);
  const apiErr = err as LinkedInApiError;
  expect(apiErr.message).not.toContain(TOKEN);
  expect(userMessage(apiErr)).not.toContain(TOKEN);
  return apiErr;
}

function replyPost(status: number, body: unknown, headers: Record<string, string> = {}) {
  return nock(API)
    .post("/rest/posts")
    .reply(status, typeof body === "string" ? body : JSON.stringify(body), headers);
}

describe("createLinkedInPost: request", () => {
  it("sends the exact headers and body and returns urn + url", async () => {
    let seenBody: unknown;
    const scope = nock(API, {
      reqheaders: {
        authorization: `Bearer ${TOKEN}`,
        "linkedin-version": "202601",
        "x-restli-protocol-version": "2.0.0",
        "content-type": "application/json",
      },
    })
      .post("/rest/posts", (body: unknown) => {
        seenBody = body;
        expect(body).toStrictEqual(expectedBody("Hello LinkedIn"));
        return true;
      })
      .reply(201, "", { "x-restli-id": "urn:li:share:7012345678901234567" });

    const res = await createLinkedInPost(baseOpts);
    expect(res).toEqual({
      urn: "urn:li:share:7012345678901234567",
      url: "https://www.linkedin.com/feed/update/urn:li:share:7012345678901234567/",
    });
    expect(seenBody).toBeDefined();
    expect(scope.isDone()).toBe(true);
  });

  it("strips a trailing slash from apiUrl", async () => {
    replyPost(201, "", { "x-restli-id": "urn:li:share:1" });
    await expect(createLinkedInPost({ ...baseOpts, apiUrl: `${API}/` })).resolves.toMatchObject({
      urn: "urn:li:share:1",
    });
  });

  it("sends every reserved character escaped and the text whole", async () => {
    const text = `Launch day! ${LITTLE_RESERVED_CHARS.join(" ")} end 🚀\nsecond line`;
    let commentary: string | undefined;
    nock(API)
      .post("/rest/posts", (body: { commentary: string }) => {
        commentary = body.commentary;
        return true;
      })
      .reply(201, "", { "x-restli-id": "urn:li:ugcPost:42" });
    await createLinkedInPost({ ...baseOpts, text });
    expect(commentary).toBe(
      "Launch day! \\\\ \\| \\{ \\} \\@ \\[ \\] \\( \\) \\< \\> \\# \\* \\_ \\~ end 🚀\nsecond line",
    );
    expect(commentary?.replace(/\\(.)/gs, "$1")).toBe(text);
  });

  it("buildTextPostBody matches the documented shape", () => {
    expect(buildTextPostBody(AUTHOR, "a#b")).toStrictEqual(expectedBody("a\\#b"));
  });

  it("accepts an author organization URN", async () => {
    nock(API)
      .post("/rest/posts", (b: { author: string }) => b.author === "urn:li:organization:99")
      .reply(201, "", { "x-restli-id": "urn:li:share:5" });
    await createLinkedInPost({ ...baseOpts, authorUrn: "urn:li:organization:99" });
  });

  it("rejects empty and over-long text locally without calling LinkedIn", async () => {
    const empty = await failure(createLinkedInPost({ ...baseOpts, text: "  \n " }));
    expect(empty.code).toBe("bad_request");
    const long = await failure(createLinkedInPost({ ...baseOpts, text: "x".repeat(3001) }));
    expect(long.code).toBe("bad_request");
    expect(long.retriable).toBe(false);
    expect(userMessage(long)).toContain("3001");
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("allows exactly 3000 characters even when escaping doubles the length", async () => {
    nock(API)
      .post("/rest/posts", (b: { commentary: string }) => b.commentary.length === 6000)
      .reply(201, "", { "x-restli-id": "urn:li:share:9" });
    await expect(createLinkedInPost({ ...baseOpts, text: "#".repeat(3000) })).resolves.toBeDefined();
  });
});

describe("createLinkedInPost: response mapping", () => {
  it("201 without x-restli-id → server error with a clear message", async () => {
    replyPost(201, "");
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err.code).toBe("server");
    expect(err.message).toMatch(/x-restli-id/);
  });

  it("decodes a percent-encoded x-restli-id", async () => {
    replyPost(201, "", { "x-restli-id": "urn%3Ali%3Ashare%3A77" });
    await expect(createLinkedInPost(baseOpts)).resolves.toMatchObject({ urn: "urn:li:share:77" });
  });

  it("401 invalid token → unauthorized", async () => {
    replyPost(401, { serviceErrorCode: 65600, message: "Invalid access token", status: 401 });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err).toMatchObject({
      code: "unauthorized",
      status: 401,
      serviceErrorCode: 65600,
      retriable: false,
    });
    expect(userMessage(err)).toMatch(/Reconnect LinkedIn from the app's Home tab/);
  });

  it("401 REVOKED_ACCESS_TOKEN → unauthorized", async () => {
    replyPost(401, {
      status: 401,
      serviceErrorCode: 65601,
      code: "REVOKED_ACCESS_TOKEN",
      message: "The token used in the request has been revoked by the user",
    });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err).toMatchObject({
      code: "unauthorized",
      serviceErrorCode: 65601,
      linkedInCode: "REVOKED_ACCESS_TOKEN",
    });
  });

  it("401 expired token (non-JSON body) → unauthorized", async () => {
    replyPost(401, "The token used in the request is expired");
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err.code).toBe("unauthorized");
  });

  it("403 → forbidden with the missing permission", async () => {
    replyPost(403, {
      status: 403,
      serviceErrorCode: 100,
      code: "ACCESS_DENIED",
      message: "Not enough permissions to access: partnerApiPostsExternal.CREATE.20260101",
    });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err).toMatchObject({
      code: "forbidden",
      status: 403,
      missingPermission: "partnerApiPostsExternal.CREATE.20260101",
      retriable: false,
    });
    expect(userMessage(err)).toContain("partnerApiPostsExternal.CREATE.20260101");
  });

  it("403 without a parsable message → forbidden, no missingPermission", async () => {
    replyPost(403, "<html>denied</html>");
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err.code).toBe("forbidden");
    expect(err.missingPermission).toBeUndefined();
  });

  it("422 DUPLICATE_POST → duplicate with the URN of the existing post", async () => {
    replyPost(422, {
      errorDetailType: "com.linkedin.common.error.BadRequest",
      message: "ERROR :: /commentary :: Content is a duplicate of urn:li:share:7123456789012345678",
      errorDetails: { inputErrors: [{ description: "Duplicate post is detected", code: "DUPLICATE_POST" }] },
      status: 422,
    });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err).toMatchObject({
      code: "duplicate",
      status: 422,
      duplicateOfUrn: "urn:li:share:7123456789012345678",
      retriable: false,
    });
    expect(userMessage(err)).toBe(
      "LinkedIn rejected this as a duplicate of https://www.linkedin.com/feed/update/urn:li:share:7123456789012345678/",
    );
  });

  it("422 with only 'duplicate' in the message → duplicate", async () => {
    replyPost(422, { message: "Content is a duplicate of urn:li:ugcPost:55", status: 422 });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err).toMatchObject({ code: "duplicate", duplicateOfUrn: "urn:li:ugcPost:55" });
  });

  it("422 DUPLICATE_POST without a URN → duplicate, generic message", async () => {
    replyPost(422, { message: "Bad", errorDetails: { inputErrors: [{ code: "DUPLICATE_POST" }] } });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err.code).toBe("duplicate");
    expect(err.duplicateOfUrn).toBeUndefined();
    expect(userMessage(err)).toMatch(/duplicate/);
  });

  it.each([400, 404, 422])("%i (not duplicate) → bad_request with LinkedIn's message", async (status) => {
    replyPost(status, { message: "Field /author is invalid", status });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err).toMatchObject({ code: "bad_request", status, retriable: false });
    expect(err.message).toContain("Field /author is invalid");
    expect(userMessage(err)).toBe("LinkedIn rejected the request: Field /author is invalid");
  });

  it("redacts the access token if LinkedIn echoes it", async () => {
    replyPost(400, { message: `bad token ${TOKEN}` });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err.linkedInMessage).toBe("bad token [redacted]");
  });

  it("tolerates wrongly typed error fields", async () => {
    replyPost(400, { message: "Oops", serviceErrorCode: "x", errorDetails: "nope" });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err).toMatchObject({ code: "bad_request", linkedInMessage: "Oops" });
    expect(err.serviceErrorCode).toBeUndefined();
  });

  it("426 → version_retired naming the version", async () => {
    replyPost(426, {
      status: 426,
      code: "NONEXISTENT_VERSION",
      message: "Requested version 202601 is not active",
    });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err).toMatchObject({ code: "version_retired", status: 426, version: "202601", retriable: false });
    expect(userMessage(err)).toBe(
      "LinkedIn retired API version 202601; an admin must update LINKEDIN_VERSION.",
    );
  });

  it("429 with Retry-After seconds → rate_limited", async () => {
    replyPost(429, { status: 429, message: "Too Many Requests" }, { "Retry-After": "120" });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err).toMatchObject({ code: "rate_limited", status: 429, retryAfterMs: 120_000, retriable: true });
    expect(userMessage(err)).toMatch(/2 minutes/);
  });

  it("429 with Retry-After HTTP date → ms from the injected clock", async () => {
    replyPost(429, "", { "Retry-After": "Sun, 01 Mar 2026 12:05:00 GMT" });
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err.retryAfterMs).toBe(300_000);
  });

  it("429 without Retry-After → rate_limited, no retryAfterMs", async () => {
    replyPost(429, "");
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err.code).toBe("rate_limited");
    expect(err.retryAfterMs).toBeUndefined();
  });

  it.each([500, 502, 503, 504])("%i → server (retriable)", async (status) => {
    replyPost(status, "<html>Service Unavailable</html>");
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err).toMatchObject({ code: "server", status, retriable: true });
  });

  // nock 15 + fetch: replyWithError needs an Error or a string; a plain object makes the request hang.
  it("network failure → network (retriable)", async () => {
    nock(API)
      .post("/rest/posts")
      .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    const err = await failure(createLinkedInPost(baseOpts));
    expect(err).toMatchObject({ code: "network", retriable: true });
    expect(err.status).toBeUndefined();
  });

  it("a reply slower than timeoutMs → timeout (retriable)", async () => {
    nock(API).post("/rest/posts").delay(500).reply(201, "", { "x-restli-id": "urn:li:share:1" });
    const started = Date.now();
    const err = await failure(createLinkedInPost({ ...baseOpts, timeoutMs: 50 }));
    expect(err).toMatchObject({ code: "timeout", retriable: true });
    expect(Date.now() - started).toBeLessThan(450);
  });

  it("uses an injected fetch", async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(null, { status: 201, headers: { "x-restli-id": "urn:li:share:3" } });
    };
    await expect(createLinkedInPost({ ...baseOpts, fetch: fakeFetch })).resolves.toEqual({
      urn: "urn:li:share:3",
      url: postUrlFor("urn:li:share:3"),
    });
    expect(calls).toEqual([`${API}/rest/posts`]);
  });
});

describe("parseRetryAfter", () => {
  it.each([
    [null, undefined],
    ["", undefined],
    ["0", 0],
    ["30", 30_000],
    [" 7 ", 7000],
    ["-5", undefined],
    ["1.5", undefined],
    ["garbage", undefined],
    ["Sun, 01 Mar 2026 12:00:10 GMT", 10_000],
    ["Sun, 01 Mar 2026 11:00:00 GMT", 0],
  ])("%s → %s", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
