// publish-post over real HTTP, in cloud mode: the executor is played against /api/inngest with requests
// signed as Inngest signs them (test/support/inngest-executor.ts), so memoization, retries and onFailure
// behave as they do in production. LinkedIn is nock; Slack and Inngest's event API are loopback fakes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Post } from "../../src/generated/prisma/client.js";
import { PUBLISH_RETRIES } from "../../src/inngest/functions/publish-post.js";
import { type FakeInngest, startFakeInngest } from "../support/fake-inngest.js";
import { type ExecutorRun, executeRun } from "../support/inngest-executor.js";
import { canonicalJson, inngestSignature, postToInngest } from "../support/inngest-signing.js";
import {
  created,
  duplicateOf,
  type Harness,
  linkedInAnswers,
  PUBLISH_FN_ID,
  scheduledEvent,
  startHarness,
} from "./harness.js";

const SIGNING_KEY = "signkey-test-8d3f1c0a9b7e4f2d6c5a3b1e0f9d8c7b";

let h: Harness;
let inngestApi: FakeInngest;
beforeAll(async () => {
  inngestApi = await startFakeInngest();
  h = await startHarness({
    env: {
      INNGEST_DEV: undefined,
      INNGEST_SIGNING_KEY: SIGNING_KEY,
      INNGEST_EVENT_KEY: "test-event-key",
      INNGEST_BASE_URL: inngestApi.url,
      ADMIN_SLACK_USER_IDS: "U0ENVADMIN",
    },
  });
});
afterAll(async () => {
  await h.t.stop();
  await inngestApi.close();
});
beforeEach(() => {
  h.t.slack.reset();
  h.setNow(Date.now());
});

const publish = (post: Post) =>
  executeRun({
    url: h.t.url,
    fnId: PUBLISH_FN_ID,
    event: scheduledEvent(post),
    signingKey: SIGNING_KEY,
    maxAttempts: PUBLISH_RETRIES + 1,
  });

/** What Inngest does once a run has failed for good: run its onFailure handler. */
const runOnFailure = (post: Post, failed: ExecutorRun) =>
  executeRun({
    url: h.t.url,
    fnId: `${PUBLISH_FN_ID}-failure`,
    event: {
      name: "inngest/function.failed",
      data: {
        function_id: PUBLISH_FN_ID,
        run_id: failed.runId,
        error: failed.error as Record<string, unknown>,
        event: scheduledEvent(post),
      },
    },
    signingKey: SIGNING_KEY,
    maxAttempts: 2,
  });

describe("/api/inngest in cloud mode", () => {
  it("executes a request signed with the signing key, as Inngest signs it, and signs its answer", async () => {
    const post = await h.post(await h.connection());
    const linkedin = linkedInAnswers(created("urn:li:share:7301"));

    const run = await publish(post);

    expect(run.status).toBe("completed");
    expect(run.steps.map((s) => `${s.op}:${s.name}`)).toEqual(["StepRun:publish", "StepRun:announce"]);
    expect(run.executions).toBe(3);
    expect(linkedin).toHaveLength(1);
    expect((await h.reload(post)).status).toBe("published");

    const answer = await postToInngest(
      `${h.t.url}/api/inngest?fnId=${PUBLISH_FN_ID}&stepId=step`,
      {
        event: scheduledEvent(post),
        events: [scheduledEvent(post)],
        steps: {},
        ctx: { run_id: "01RUN", attempt: 0, stack: { stack: [], current: 0 } },
        version: 2,
      },
      { signingKey: SIGNING_KEY },
    );
    expect(answer.status).toBe(206);
    expect(answer.headers.get("x-inngest-signature")).toMatch(/^t=\d+&s=[0-9a-f]{64}$/);
  });

  it.each([
    ["unsigned", undefined],
    ["signed with another key", inngestSignature("{}", "signkey-test-00000000000000000000000000000000")],
    ["signed 6 minutes ago", "stale"],
  ])("refuses a request %s with 401 and runs nothing", async (_name, signature) => {
    const post = await h.post(await h.connection());
    const linkedin = linkedInAnswers(created("urn:li:share:7302"));
    const body = {
      event: scheduledEvent(post),
      events: [scheduledEvent(post)],
      steps: {},
      ctx: { run_id: "01RUNX", attempt: 0, stack: { stack: [], current: 0 } },
      version: 2,
    };
    const sig =
      signature === "stale"
        ? inngestSignature(canonicalJson(body), SIGNING_KEY, Math.floor(Date.now() / 1000) - 360)
        : signature;

    const res = await postToInngest(
      `${h.t.url}/api/inngest?fnId=${PUBLISH_FN_ID}&stepId=step`,
      body,
      sig ? { signature: sig } : {},
    );

    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: "Unauthorized" });
    expect(linkedin).toHaveLength(0);
    expect((await h.reload(post)).status).toBe("scheduled");
  });
});

describe("publish-post retries", () => {
  it("retries a LinkedIn 5xx and publishes exactly once", async () => {
    const post = await h.post(await h.connection());
    const linkedin = linkedInAnswers({ status: 503, body: { status: 503 } }, created("urn:li:share:7303"));

    const run = await publish(post);

    expect(run.status).toBe("completed");
    expect(run.steps.map((s) => s.op)).toEqual(["StepError", "StepRun", "StepRun"]);
    expect(linkedin).toHaveLength(2);
    const saved = await h.reload(post);
    expect(saved.status).toBe("published");
    expect(saved.linkedinUrn).toBe("urn:li:share:7303");
  });

  it("waits as long as LinkedIn's Retry-After says before retrying a 429", async () => {
    const post = await h.post(await h.connection());
    linkedInAnswers(
      { status: 429, headers: { "retry-after": "120" }, body: {} },
      created("urn:li:share:7304"),
    );

    const run = await publish(post);

    expect(run.calls[0]?.ops[0]?.op).toBe("StepError");
    expect(run.calls[0]?.retryAfter).toBe("120");
    expect(run.status).toBe("completed");
  });

  it("after a LinkedIn success whose recording failed, the retry makes no second post", async () => {
    const post = await h.post(await h.connection());
    const tag = post.id.replace(/-/g, "");
    // The database rejects the first write that marks this post published (an outage at the worst time).
    await h.t.db.exec(`
      CREATE SEQUENCE seq_${tag};
      CREATE FUNCTION fail_${tag}() RETURNS trigger AS $$
      BEGIN
        IF NEW.id = '${post.id}' AND NEW.status = 'published' AND nextval('seq_${tag}') = 1 THEN
          RAISE EXCEPTION 'simulated outage while recording the publication';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER fail_${tag} BEFORE UPDATE ON "Post" FOR EACH ROW EXECUTE FUNCTION fail_${tag}();
    `);
    // LinkedIn created the post on the first call; it answers the retry with DUPLICATE_POST.
    const linkedin = linkedInAnswers(created("urn:li:share:7305"), duplicateOf("urn:li:share:7305"));
    try {
      const run = await publish(post);

      expect(run.status).toBe("completed");
      expect(run.steps.map((s) => s.op)).toEqual(["StepError", "StepRun", "StepRun"]);
      expect(linkedin).toHaveLength(2);
      const saved = await h.reload(post);
      expect(saved.status).toBe("published");
      expect(saved.linkedinUrn).toBe("urn:li:share:7305");
      const replies = h.t.slack.callsTo("chat.postMessage");
      expect(replies).toHaveLength(1);
      expect(String(replies[0]?.args.text)).toContain("urn:li:share:7305");
    } finally {
      await h.t.db.exec(`DROP TRIGGER fail_${tag} ON "Post"; DROP FUNCTION fail_${tag}();`);
    }
  });

  it.each([
    ["an error", { error: "internal_error", times: 1 }],
    ["a rate limit (429, Retry-After)", { error: "ratelimited", status: 429, retryAfter: 1, times: 1 }],
  ])(
    "Slack answering %s in the announce step retries only Slack: LinkedIn is called once",
    async (_name, failure) => {
      const post = await h.post(await h.connection());
      const linkedin = linkedInAnswers(created("urn:li:share:7306"));
      h.t.slack.fail("chat.update", failure);

      const run = await publish(post);

      expect(run.status).toBe("completed");
      expect(run.steps.map((s) => `${s.op}:${s.name}`)).toEqual([
        "StepRun:publish",
        "StepError:announce",
        "StepRun:announce",
      ]);
      expect(linkedin).toHaveLength(1);
      expect(h.t.slack.callsTo("chat.update")).toHaveLength(2);
      expect(String(h.t.slack.callsTo("chat.update")[1]?.args.text)).toContain("urn:li:share:7306");
    },
  );
});

describe("publish-post onFailure", () => {
  it("when retries are used up, marks the post failed and shows the reason with a Retry button", async () => {
    const post = await h.post(await h.connection());
    const linkedin = linkedInAnswers({ status: 502, body: { status: 502 } });

    const failed = await publish(post);
    expect(failed.status).toBe("failed");
    expect(linkedin).toHaveLength(PUBLISH_RETRIES + 1);
    expect((await h.reload(post)).status).toBe("publishing");

    const handled = await runOnFailure(post, failed);

    expect(handled.status).toBe("completed");
    const saved = await h.reload(post);
    expect(saved.status).toBe("failed");
    expect(saved.lastError).toBe("LinkedIn had a problem on its side. Please try again in a few minutes.");
    const update = h.t.slack.callsTo("chat.update").at(-1);
    expect(update?.args).toMatchObject({ channel: "C0CHANNEL", ts: post.messageTs });
    const blocks = JSON.stringify(update?.args.blocks);
    expect(blocks).toContain("LinkedIn had a problem on its side");
    expect(blocks).toContain('"action_id":"post_retry"');
    const reply = h.t.slack.callsTo("chat.postMessage").at(-1);
    expect(reply?.args).toMatchObject({ channel: "C0CHANNEL", thread_ts: post.messageTs });
    expect(String(reply?.args.text)).toContain("<@U0AUTHOR>");
  });

  it("after a 401, tells the connection's owner and every admin to reconnect", async () => {
    const workspace = await h.workspace();
    await h.t.db.db.workspace.update({ where: { id: workspace.id }, data: { adminUserIds: ["U0WSADMIN"] } });
    const connection = await h.connection({ connectedByUserId: "U0OWNER", displayName: "Acme Page" });
    const post = await h.post(connection);
    linkedInAnswers({
      status: 401,
      body: { status: 401, serviceErrorCode: 65600, message: "Invalid access token" },
    });

    const failed = await publish(post);
    expect(failed.status).toBe("failed");
    expect(failed.error?.name).toBe("NonRetriableError");
    await runOnFailure(post, failed);

    const dms = h.t.slack.callsTo("chat.postMessage").filter((c) => !c.args.thread_ts);
    expect(dms.map((c) => c.args.channel).sort()).toEqual(["U0ENVADMIN", "U0OWNER", "U0WSADMIN"]);
    for (const dm of dms) {
      expect(String(dm.args.text)).toMatch(/Acme Page.*Reconnect LinkedIn from this app's Home tab/);
      expect(String(dm.args.text)).toContain(post.shortId);
    }
    const update = h.t.slack.callsTo("chat.update").at(-1);
    expect(JSON.stringify(update?.args.blocks)).toContain("Reconnect LinkedIn");
  });

  it("leaves a newer version alone when an old run fails", async () => {
    const post = await h.post(await h.connection());
    linkedInAnswers({ status: 500, body: { status: 500 } });
    const failed = await publish(post);
    await h.t.db.db.post.update({
      where: { id: post.id },
      data: { version: 2, status: "scheduled", publishAt: new Date(h.now() + 3_600_000) },
    });

    await runOnFailure(post, failed);

    expect((await h.reload(post)).status).toBe("scheduled");
    expect(h.t.slack.callsTo("chat.update")).toHaveLength(0);
  });
});
