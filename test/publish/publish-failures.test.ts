// publish-post failure classes with @inngest/test: what is retried, what stops at once (and is written
// to the post right away), and the duplicate path. LinkedIn answers come from nock; the real code throws.
import nock from "nock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  created,
  duplicateOf,
  type Harness,
  LINKEDIN_API,
  linkedInAnswers,
  linkedInUnreachable,
  publishEngine,
  startHarness,
} from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.t.stop());
beforeEach(() => {
  h.t.slack.reset();
  h.setNow(Date.now());
});

const failedAudit = async (postId: string) =>
  h.t.db.db.postEvent.findFirst({ where: { postId, kind: "failed" }, orderBy: { at: "desc" } });

describe("permanent failures stop at once and fail the post with a reason users can act on", () => {
  it("401: the connection needs reconnecting, the post fails with reconnect guidance, admins are to be told", async () => {
    const connection = await h.connection();
    const post = await h.post(connection);
    const linkedin = linkedInAnswers({
      status: 401,
      body: { serviceErrorCode: 65600, message: "Invalid access token", status: 401 },
    });

    const { error } = await publishEngine(h, post).execute();

    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect((error as Error).message).toMatch(/Reconnect LinkedIn/);
    expect(linkedin).toHaveLength(1);
    const saved = await h.reload(post);
    expect(saved.status).toBe("failed");
    expect(saved.lastError).toMatch(/expired or was revoked.*Reconnect LinkedIn/);
    const conn = await h.t.db.db.linkedInConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(conn.status).toBe("needs_reconnect");
    expect((await failedAudit(post.id))?.detail).toMatchObject({
      code: "unauthorized",
      alertConnectionId: connection.id,
    });
  });

  it("401 revoked: a later post on the same connection fails without calling LinkedIn or alerting again", async () => {
    const connection = await h.connection();
    const first = await h.post(connection);
    const second = await h.post(connection);
    const linkedin = linkedInAnswers({
      status: 401,
      body: { status: 401, serviceErrorCode: 65601, code: "REVOKED_ACCESS_TOKEN", message: "revoked" },
    });
    await publishEngine(h, first).execute();

    const { error } = await publishEngine(h, second).execute();

    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect((error as Error).message).toMatch(/reconnect/i);
    expect(linkedin).toHaveLength(1);
    expect((await h.reload(second)).status).toBe("failed");
    expect((await failedAudit(second.id))?.detail).not.toHaveProperty("alertConnectionId");
  });

  it("403: names the missing permission", async () => {
    const post = await h.post(await h.connection());
    linkedInAnswers({
      status: 403,
      body: {
        status: 403,
        serviceErrorCode: 100,
        code: "ACCESS_DENIED",
        message: "Not enough permissions to access: partnerApiPostsExternal.CREATE.20260101",
      },
    });

    const { error } = await publishEngine(h, post).execute();

    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect((error as Error).message).toContain('"partnerApiPostsExternal.CREATE.20260101"');
    expect((await h.reload(post)).lastError).toContain("partnerApiPostsExternal.CREATE.20260101");
  });

  it("426: names LINKEDIN_VERSION and the retired version", async () => {
    const post = await h.post(await h.connection());
    linkedInAnswers({
      status: 426,
      body: { status: 426, message: "Requested version 202601 is not active" },
    });

    const { error } = await publishEngine(h, post).execute();

    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect((error as Error).message).toMatch(/202601.*LINKEDIN_VERSION/);
    expect((await h.reload(post)).status).toBe("failed");
  });

  it("422 duplicate with no earlier attempt: fails naming the existing post", async () => {
    const post = await h.post(await h.connection());
    linkedInAnswers(duplicateOf("urn:li:share:6999"));

    const { error } = await publishEngine(h, post).execute();

    expect((error as Error).message).toBe(
      "LinkedIn rejected this as a duplicate of https://www.linkedin.com/feed/update/urn:li:share:6999/",
    );
    const saved = await h.reload(post);
    expect(saved.status).toBe("failed");
    expect(saved.linkedinUrn).toBeNull();
  });

  it("an unusable connection fails with its message and never calls LinkedIn", async () => {
    const connection = await h.connection({ status: "disconnected" });
    const post = await h.post(connection);
    const linkedin = linkedInAnswers(created("urn:li:share:7100"));

    const { error } = await publishEngine(h, post).execute();

    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect((error as Error).message).toMatch(/disconnected/);
    expect(linkedin).toHaveLength(0);
    expect((await h.reload(post)).status).toBe("failed");
  });
});

describe("transient failures are retried, and leave the post publishing (with its attempt recorded)", () => {
  it("429 with Retry-After: RetryAfterError", async () => {
    const post = await h.post(await h.connection());
    linkedInAnswers({ status: 429, headers: { "retry-after": "120" }, body: { status: 429 } });

    const { error } = await publishEngine(h, post).execute();

    expect(error).toMatchObject({ name: "RetryAfterError" });
    expect((error as Error).message).toMatch(/rate-limiting.*about 2 minutes/);
    const saved = await h.reload(post);
    expect(saved.status).toBe("publishing");
    expect(saved.publishAttemptAt).not.toBeNull();
  });

  it.each([
    ["429 without Retry-After", { status: 429, body: { status: 429 } }, /rate-limiting/],
    ["503", { status: 503, body: { status: 503, message: "Service Unavailable" } }, /problem on its side/],
  ])("%s: retried with backoff", async (_name, reply, message) => {
    const post = await h.post(await h.connection());
    linkedInAnswers(reply);

    const { error } = await publishEngine(h, post).execute();

    expect(error).toMatchObject({ name: "PublishRetryableError" });
    expect((error as Error).message).toMatch(message);
    expect((await h.reload(post)).status).toBe("publishing");
  });

  it("network error: retried with backoff", async () => {
    const post = await h.post(await h.connection());
    const tried = linkedInUnreachable();

    const { error } = await publishEngine(h, post).execute();

    expect(tried.count).toBe(1);
    expect(error).toMatchObject({ name: "PublishRetryableError" });
    expect((error as Error).message).toMatch(/network error/);
  });

  it("timeout: retried with backoff", async () => {
    const post = await h.post(await h.connection());
    nock(LINKEDIN_API)
      .post("/rest/posts")
      .delay(2_000)
      .reply(201, "", { "x-restli-id": "urn:li:share:7200" });

    const { error } = await publishEngine(h, post, undefined, { linkedInTimeoutMs: 200 }).execute();

    expect(error).toMatchObject({ name: "PublishRetryableError" });
    expect((error as Error).message).toMatch(/didn't answer in time/);
    expect((await h.reload(post)).status).toBe("publishing");
  });
});

describe("the duplicate path: an attempt whose outcome was not recorded is never posted twice", () => {
  it("records LinkedIn's duplicate answer as the publication when an earlier attempt may have gone through", async () => {
    const post = await h.post(await h.connection());
    // The earlier attempt of this version reached LinkedIn, then recording its result failed.
    await h.t.db.db.post.update({
      where: { id: post.id },
      data: { status: "publishing", publishAttemptAt: new Date(h.now() - 60_000) },
    });
    const linkedin = linkedInAnswers(duplicateOf("urn:li:share:6998"));

    const { result, error } = await publishEngine(h, post).execute();

    expect(error).toBeUndefined();
    expect(result).toMatchObject({ kind: "published", urn: "urn:li:share:6998", viaDuplicate: true });
    expect(linkedin).toHaveLength(1);
    const saved = await h.reload(post);
    expect(saved.status).toBe("published");
    expect(saved.linkedinUrl).toBe("https://www.linkedin.com/feed/update/urn:li:share:6998/");
    expect(String(h.t.slack.callsTo("chat.postMessage")[0]?.args.text)).toContain(
      "https://www.linkedin.com/feed/update/urn:li:share:6998/",
    );
  });
});
