// publish-post with @inngest/test: the happy path, text escaping, the guard (stale version, cancelled
// post) and the time check (an early wake publishes nothing). LinkedIn is nock; Slack is the fake.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_ACCESS_TOKEN } from "../support/factories.js";
import { created, type Harness, linkedInAnswers, publishEngine, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.t.stop());
beforeEach(() => {
  h.t.slack.reset();
  h.setNow(Date.now());
});

describe("publish-post, on time", () => {
  it("creates the post on LinkedIn once, with the exact request, records it and tells the channel", async () => {
    const connection = await h.connection();
    const post = await h.post(connection, { text: "Our Q4 report is out" });
    const linkedin = linkedInAnswers(created("urn:li:share:7001"));

    const { result, error, ctx } = await publishEngine(h, post).execute();

    expect(error).toBeUndefined();
    expect(result).toEqual({
      kind: "published",
      urn: "urn:li:share:7001",
      url: "https://www.linkedin.com/feed/update/urn:li:share:7001/",
      viaDuplicate: false,
    });
    expect(linkedin).toHaveLength(1);
    expect(linkedin[0]?.headers).toMatchObject({
      authorization: `Bearer ${TEST_ACCESS_TOKEN}`,
      "linkedin-version": "202601",
      "x-restli-protocol-version": "2.0.0",
      "content-type": "application/json",
    });
    expect(linkedin[0]?.body).toEqual({
      author: connection.authorUrn,
      commentary: "Our Q4 report is out",
      visibility: "PUBLIC",
      distribution: { feedDistribution: "MAIN_FEED", targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: "PUBLISHED",
      isReshareDisabledByAuthor: false,
    });

    const saved = await h.reload(post);
    expect(saved.status).toBe("published");
    expect(saved.linkedinUrn).toBe("urn:li:share:7001");
    expect(saved.linkedinUrl).toBe("https://www.linkedin.com/feed/update/urn:li:share:7001/");
    expect(saved.publishedAt).not.toBeNull();
    expect(saved.publishAttemptAt).not.toBeNull();
    const audit = await h.t.db.db.postEvent.findMany({ where: { postId: post.id }, orderBy: { at: "asc" } });
    expect(audit.map((e) => e.kind)).toEqual(["publishing", "published"]);

    const [update] = h.t.slack.callsTo("chat.update");
    expect(h.t.slack.callsTo("chat.update")).toHaveLength(1);
    expect(update?.args).toMatchObject({ channel: "C0CHANNEL", ts: post.messageTs });
    expect(String(update?.args.text)).toContain("https://www.linkedin.com/feed/update/urn:li:share:7001/");
    expect(JSON.stringify(update?.args.blocks)).toContain("Published on LinkedIn");
    const replies = h.t.slack.callsTo("chat.postMessage");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.args).toMatchObject({ channel: "C0CHANNEL", thread_ts: post.messageTs });
    expect(String(replies[0]?.args.text)).toContain("<@U0AUTHOR>");
    expect(String(replies[0]?.args.text)).toContain(
      "https://www.linkedin.com/feed/update/urn:li:share:7001/",
    );

    // A run that starts on time does not sleep: the run plus two steps.
    expect(ctx.step.sleepUntil).not.toHaveBeenCalled();
    expect(ctx.step.run).toHaveBeenCalledWith("publish", expect.any(Function));
    expect(ctx.step.run).toHaveBeenCalledWith("announce", expect.any(Function));
  });

  it("sends text with every reserved character escaped, and whole", async () => {
    const text = "Q4 (final) #launch @team _a_ *b* ~c~ [d] {e} <f> | g \\ h — end";
    const post = await h.post(await h.connection(), { text });
    const linkedin = linkedInAnswers(created("urn:li:share:7002"));

    const { error } = await publishEngine(h, post).execute();

    expect(error).toBeUndefined();
    const commentary = (linkedin[0]?.body as { commentary?: string } | undefined)?.commentary ?? "";
    expect(commentary).toBe(
      "Q4 \\(final\\) \\#launch \\@team \\_a\\_ \\*b\\* \\~c\\~ \\[d\\] \\{e\\} \\<f\\> \\| g \\\\ h — end",
    );
    // Unescaping gives back exactly what the author wrote, up to its last character.
    expect(commentary.replace(/\\(.)/g, "$1")).toBe(text);
  });
});

describe("publish-post guard: only a post still scheduled at the event's version is published", () => {
  it("does nothing for a stale version (the post was edited or rescheduled)", async () => {
    const post = await h.post(await h.connection());
    const linkedin = linkedInAnswers(created("urn:li:share:7003"));
    await h.t.db.db.post.update({ where: { id: post.id }, data: { version: 2 } });

    const { result, error } = await publishEngine(h, post).execute();

    expect(error).toBeUndefined();
    expect(result).toEqual({ kind: "skipped", reason: "stale_version" });
    expect(linkedin).toHaveLength(0);
    expect((await h.reload(post)).status).toBe("scheduled");
    expect(h.t.slack.calls).toHaveLength(0);
  });

  it("does nothing for a cancelled post", async () => {
    const post = await h.post(await h.connection(), { status: "cancelled" });
    const linkedin = linkedInAnswers(created("urn:li:share:7004"));

    const { result } = await publishEngine(h, post).execute();

    expect(result).toEqual({ kind: "skipped", reason: "cancelled" });
    expect(linkedin).toHaveLength(0);
    expect((await h.reload(post)).status).toBe("cancelled");
    expect(h.t.slack.calls).toHaveLength(0);
  });

  it("does not publish a post a second time when another run already did", async () => {
    const post = await h.post(await h.connection());
    const linkedin = linkedInAnswers(created("urn:li:share:7005"));
    await publishEngine(h, post).execute();

    const { result } = await publishEngine(h, post).execute();

    expect(result).toEqual({ kind: "skipped", reason: "published" });
    expect(linkedin).toHaveLength(1);
  });
});

describe("publish-post time check", () => {
  it("goes back to sleep after an early wake and publishes only once the time has come", async () => {
    const publishAt = Date.now() + 10 * 60_000;
    const post = await h.post(await h.connection(), { publishAt: new Date(publishAt) });
    const linkedin = linkedInAnswers(created("urn:li:share:7006"));
    h.setNow(publishAt - 10 * 60_000);
    const wakes: number[] = [];

    const engine = publishEngine(h, post, (wake) => {
      wakes.push(wake);
      // The first wake comes 30 s early; the second at the publish time.
      h.setNow(wake === 0 ? publishAt - 30_000 : publishAt);
    });
    const { result } = await engine.execute();

    expect(wakes).toEqual([0, 1]);
    expect(result).toMatchObject({ kind: "published", urn: "urn:li:share:7006" });
    expect(linkedin).toHaveLength(1);
    // The attempt started (and LinkedIn was called) no earlier than the publish time.
    expect((await h.reload(post)).publishAttemptAt?.getTime()).toBeGreaterThanOrEqual(publishAt);
  });

  it("publishes nothing when every wake is early, and says why", async () => {
    const publishAt = Date.now() + 60 * 60_000;
    const post = await h.post(await h.connection(), { publishAt: new Date(publishAt) });
    const linkedin = linkedInAnswers(created("urn:li:share:7007"));

    const { error, ctx } = await publishEngine(h, post).execute();

    expect(linkedin).toHaveLength(0);
    expect(ctx.step.run).not.toHaveBeenCalledWith("publish", expect.any(Function));
    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect((error as Error).message).toMatch(/before its publish time/);
    expect((await h.reload(post)).status).toBe("scheduled");
  });
});
