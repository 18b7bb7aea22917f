// The one HTTP server: Slack request signing, /healthz and /api/inngest, through the real receiver.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startTestApp, TEST_SIGNING_SECRET, type TestApp } from "./support/app.js";
import { postForm } from "./support/slack-signing.js";

const helpFields = (responseUrl: string) => ({
  team_id: "T0001",
  channel_id: "C0CHANNEL",
  user_id: "U0AUTHOR",
  command: "/share",
  text: "help",
  response_url: responseUrl,
  trigger_id: "t1",
});

describe("/slack/events request signing", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("answers a correctly signed command through its listener", async () => {
    const res = await t.command("help");
    expect(res.status).toBe(200);
    expect(res.body).toContain("/share schedule");
  });

  it.each([
    ["unsigned", { secret: TEST_SIGNING_SECRET, signature: null }],
    ["signed with the wrong secret", { secret: "not-the-secret" }],
    [
      "signed 6 minutes ago (stale)",
      { secret: TEST_SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) - 360 },
    ],
    ["carrying a garbage signature", { secret: TEST_SIGNING_SECRET, signature: "v0=deadbeef" }],
  ])("refuses a request %s with 401 and reaches no listener", async (_name, sign) => {
    const res = await postForm(`${t.url}/slack/events`, helpFields(t.slack.responseUrl()), sign);
    expect(res.status).toBe(401);
    expect(res.body).not.toContain("/share schedule");
  });

  it("refuses a replay of a request it already answered, within the five-minute window", async () => {
    const fields = { ...helpFields(t.slack.responseUrl()), text: "list" };
    const sign = { secret: TEST_SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) };
    const first = await postForm(`${t.url}/slack/events`, fields, sign);
    expect(first.status).toBe(200);
    await eventually(() => t.slack.responses.length === 1);
    const replay = await postForm(`${t.url}/slack/events`, fields, sign);
    expect(replay.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(t.slack.responses).toHaveLength(1);
  });

  it("refuses a body altered after signing", async () => {
    const ts = Math.floor(Date.now() / 1000);
    const body = new URLSearchParams(helpFields(t.slack.responseUrl())).toString();
    const sig = `v0=${createHmac("sha256", TEST_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
    const res = await fetch(`${t.url}/slack/events`, {
      method: "POST",
      body: body.replace("help", "list"),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": sig,
      },
    });
    expect(res.status).toBe(401);
  });
});

describe("/healthz", () => {
  it("is 200 while the database answers and 503 once it does not", async () => {
    const t = await startTestApp();
    try {
      const up = await fetch(`${t.url}/healthz`);
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({ status: "ok", database: "up" });
      await t.db.breakConnection();
      const down = await fetch(`${t.url}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: "unavailable", database: "down" });
    } finally {
      await t.stop();
    }
  });
});

describe("/api/inngest", () => {
  it("answers introspection in dev mode", async () => {
    const t = await startTestApp();
    try {
      const res = await fetch(`${t.url}/api/inngest`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { mode: string; function_count: number };
      expect(body.mode).toBe("dev");
      // An onFailure handler is served as a function of its own.
      const expected = t.app.functions.reduce(
        (n, f) => n + ((f as { opts?: { onFailure?: unknown } }).opts?.onFailure ? 2 : 1),
        0,
      );
      expect(body.function_count).toBe(expected);
      expect(body.function_count).toBeGreaterThan(0);
    } finally {
      await t.stop();
    }
  });

  it("refuses unsigned calls with 401 in cloud mode", async () => {
    const t = await startTestApp({
      env: {
        INNGEST_DEV: undefined,
        INNGEST_SIGNING_KEY: "signkey-test-0123456789abcdef",
        INNGEST_EVENT_KEY: "ek",
      },
    });
    try {
      const get = await fetch(`${t.url}/api/inngest`);
      expect(get.status).toBe(401);
      const post = await fetch(`${t.url}/api/inngest?fnId=linkedin-share-publish-post&stepId=step`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ event: { name: "post/scheduled", data: {} }, steps: {}, ctx: {} }),
      });
      expect(post.status).toBe(401);
    } finally {
      await t.stop();
    }
  });
});
