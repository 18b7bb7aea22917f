// 200 concurrent signed /share schedule commands: all acknowledged within Slack's 3 seconds, and each
// creates exactly one post with exactly one post/scheduled event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { makeConnection, makeWorkspace } from "../support/factories.js";

describe("load", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: "warn" } });
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
  });
  afterAll(() => t.stop());

  it("acknowledges 200 concurrent commands within 3 s, one post each", async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.command(`schedule in ${i + 2} hours | Load test post number ${i}`, {
          user_id: `U0LOAD${i % 25}`,
          trigger_id: `load-${i}`,
          response_url: t.slack.responseUrl(`load-${i}`),
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(200));
    const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log("ack ms p0/p50/p90/max", sorted[0], sorted[100], sorted[180], sorted[199]);
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(3_000);

    const deadline = Date.now() + 60_000;
    while (t.slack.responses.length < 200 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(t.slack.responses.filter((r) => String(r.body.text).includes("Scheduled"))).toHaveLength(200);

    const posts = await t.db.db.post.findMany({ select: { id: true, text: true } });
    expect(posts).toHaveLength(200);
    expect(new Set(posts.map((p) => p.text)).size).toBe(200);
    const events = t.inngestApi.eventsNamed("post/scheduled");
    expect(events).toHaveLength(200);
    expect(new Set(events.map((e) => e.id))).toEqual(new Set(posts.map((p) => `post-${p.id}-v1`)));
    expect(t.slack.callsTo("chat.postMessage")).toHaveLength(200);
  }, 120_000);
});
