// sweep-posts with @inngest/test: it re-sends post/scheduled (same id) for posts Inngest never
// accepted and for overdue posts still scheduled, and for nothing else; refusals are counted and
// picked up by the next sweep. Events go to the loopback fake of Inngest's event API.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Post } from "../../src/generated/prisma/client.js";
import { createSweepPosts } from "../../src/inngest/functions/sweep-posts.js";
import type { SweepReport } from "../../src/posts/resend-due-events.js";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.t.stop());
beforeEach(async () => {
  h.t.inngestApi.reset();
  h.setNow(Date.now());
  await h.t.db.db.post.deleteMany();
});

const MIN = 60_000;

/** Backdates updatedAt (Prisma sets it on every write, so raw SQL). */
const lastTouched = (post: Post, msAgo: number) =>
  h.t.db.exec(
    `UPDATE "Post" SET "updatedAt" = '${new Date(h.now() - msAgo).toISOString()}' WHERE id = '${post.id}'`,
  );

const sweep = async () => {
  const { result, error } = await new InngestTestEngine({
    function: createSweepPosts(h.t.app.deps),
  }).execute();
  expect(error).toBeUndefined();
  return result as SweepReport;
};

describe("sweep-posts", () => {
  it("re-sends exactly the posts Inngest never accepted and the overdue ones still scheduled", async () => {
    const connection = await h.connection();
    const sent = new Date(h.now() - 30 * MIN);
    const inAnHour = new Date(h.now() + 60 * MIN);
    const unsent = await h.post(connection, { publishAt: inAnHour, eventSentAt: null });
    await lastTouched(unsent, 2 * MIN);
    const justCreated = await h.post(connection, { publishAt: inAnHour, eventSentAt: null });
    const overdue = await h.post(connection, { publishAt: new Date(h.now() - 10 * MIN), eventSentAt: sent });
    const slightlyLate = await h.post(connection, {
      publishAt: new Date(h.now() - 2 * MIN),
      eventSentAt: sent,
    });
    const future = await h.post(connection, { publishAt: inAnHour, eventSentAt: sent });
    const others = await Promise.all(
      (["publishing", "published", "failed", "cancelled"] as const).map((status) =>
        h.post(connection, { status, publishAt: new Date(h.now() - 60 * MIN), eventSentAt: null }),
      ),
    );
    for (const p of others) await lastTouched(p, 60 * MIN);

    const report = await sweep();

    expect(report).toMatchObject({ unsent: 1, overdue: 1, sent: 2, refused: 0, more: false });
    const events = h.t.inngestApi.eventsNamed("post/scheduled");
    expect(events.map((e) => e.id).sort()).toEqual([`post-${unsent.id}-v1`, `post-${overdue.id}-v1`].sort());
    const forUnsent = events.find((e) => e.id === `post-${unsent.id}-v1`);
    expect(forUnsent?.data).toEqual({
      postId: unsent.id,
      version: 1,
      publishAt: inAnHour.toISOString(),
      connectionId: connection.id,
    });
    // A future post's run starts at its publish time (the event's ts); an overdue one starts now.
    expect(forUnsent?.ts).toBe(inAnHour.getTime());
    expect(events.find((e) => e.id === `post-${overdue.id}-v1`)?.ts).not.toBe(overdue.publishAt.getTime());
    expect((await h.reload(unsent)).eventSentAt).not.toBeNull();
    for (const untouched of [justCreated, slightlyLate, future, ...others]) {
      expect(events.some((e) => e.id?.startsWith(`post-${untouched.id}`))).toBe(false);
    }
  });

  it("counts and logs what Inngest refuses, and sends it on the next sweep", async () => {
    const post = await h.post(await h.connection(), {
      publishAt: new Date(h.now() + 60 * MIN),
      eventSentAt: null,
    });
    await lastTouched(post, 5 * MIN);
    h.t.inngestApi.down(503);

    const refused = await sweep();

    expect(refused).toMatchObject({ unsent: 1, sent: 0, refused: 1 });
    expect((await h.reload(post)).eventSentAt).toBeNull();
    expect(h.t.logs.join("")).toMatch(/sweep: Inngest refused some post\/scheduled events/);

    h.t.inngestApi.up();
    const next = await sweep();

    expect(next).toMatchObject({ unsent: 1, sent: 1, refused: 0 });
    expect(h.t.inngestApi.eventsNamed("post/scheduled").map((e) => e.id)).toEqual([`post-${post.id}-v1`]);
  });

  it("fails a post stuck in publishing for hours with a reason and Retry, and leaves a recent one alone", async () => {
    const connection = await h.connection();
    const stuck = await h.post(connection, {
      status: "publishing",
      publishAt: new Date(h.now() - 7 * 60 * MIN),
    });
    await lastTouched(stuck, 7 * 60 * MIN);
    const inFlight = await h.post(connection, {
      status: "publishing",
      publishAt: new Date(h.now() - 20 * MIN),
    });
    await lastTouched(inFlight, 20 * MIN);
    h.t.slack.reset();

    const report = (await sweep()) as SweepReport & { staleFailed: string[] };

    expect(report.staleFailed).toEqual([stuck.id]);
    const failed = await h.reload(stuck);
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toContain("unclear whether it reached LinkedIn");
    expect((await h.reload(inFlight)).status).toBe("publishing");
    const update = h.t.slack.callsTo("chat.update").find((c) => c.args.ts === stuck.messageTs);
    expect(JSON.stringify(update?.args.blocks)).toContain("post_retry");
    expect(h.t.inngestApi.events).toHaveLength(0);
  });

  it("sends nothing when nothing is due", async () => {
    await h.post(await h.connection(), { publishAt: new Date(h.now() + 60 * MIN), eventSentAt: new Date() });

    const report = await sweep();

    expect(report).toMatchObject({ unsent: 0, overdue: 0, sent: 0, refused: 0 });
    expect(h.t.inngestApi.events).toHaveLength(0);
  });
});
