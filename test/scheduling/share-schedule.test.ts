// /share schedule through the real receiver with signed requests: the rows saved, the event sent,
// the living message and the user's confirmation; and bad input answered with nothing changed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually, startTestApp, type TestApp } from "../support/app.js";
import { makeConnection, makeWorkspace } from "../support/factories.js";
import { useTestApp } from "../support/use-test-app.js";

// Friday 2026-12-04 15:00 UTC = 10:00 in New York (EST, UTC-5). The fake Slack gives users
// America/New_York unless a test sets another zone (with its own user id: the app caches users.info).
const NOW = new Date("2026-12-04T15:00:00Z");

describe("/share schedule", () => {
  let t: TestApp;
  useTestApp({ clock: () => NOW }, (app) => {
    t = app;
  });

  const posts = () => t.db.db.post.findMany({ include: { events: true } });
  const lastResponse = () => eventually(() => t.slack.responses.at(-1)?.body);

  it("schedules in the author's zone: saves the post, sends the event, posts the living message, confirms", async () => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws, { displayName: "Acme Marketing" });
    t.slack.users.set("U0LA", { id: "U0LA", tz: "America/Los_Angeles" });

    const res = await t.command(
      "schedule tomorrow 9am | Our Q4 report is out &amp; it's great (really) #q4",
      {
        user_id: "U0LA",
      },
    );
    expect(res.status).toBe(200);
    const reply = await lastResponse();

    const [post] = await posts();
    expect(post).toBeDefined();
    // 9:00 in Los Angeles on Dec 5 (PST, UTC-8) is 17:00 UTC.
    expect(post?.publishAt.toISOString()).toBe("2026-12-05T17:00:00.000Z");
    expect(post?.text).toBe("Our Q4 report is out & it's great (really) #q4");
    expect(post?.status).toBe("scheduled");
    expect(post?.timeZone).toBe("America/Los_Angeles");
    expect(post?.events.map((e) => e.kind)).toEqual(["scheduled"]);

    const sent = t.inngestApi.eventsNamed("post/scheduled");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.id).toBe(`post-${post?.id}-v1`);
    expect(sent[0]?.data).toMatchObject({
      postId: post?.id,
      version: 1,
      publishAt: "2026-12-05T17:00:00.000Z",
    });
    const saved = await t.db.db.post.findUniqueOrThrow({ where: { id: post!.id } });
    expect(saved.eventSentAt).not.toBeNull();

    const [message] = t.slack.callsTo("chat.postMessage");
    expect(message?.args.channel).toBe("C0CHANNEL");
    const blocks = JSON.stringify(message?.args.blocks);
    expect(blocks).toContain(`<!date^${Date.parse("2026-12-05T17:00:00Z") / 1000}^`);
    expect(blocks).toContain("<@U0LA>");
    expect(blocks).toContain("post_edit");
    expect(blocks).toContain("post_cancel");
    expect(blocks).toContain("Acme Marketing");
    expect(saved.messageTs).toMatch(/^\d+\.\d+$/);

    expect(reply.response_type).toBe("ephemeral");
    expect(String(reply.text)).toContain("Sat, Dec 5, 2026 at 9:00 AM PST (America/Los_Angeles)");
    expect(String(reply.text)).toContain(post?.shortId);
  });

  it("reads a zone written in the text over the user's own", async () => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
    t.slack.users.set("U0LONDON", { id: "U0LONDON", tz: "Europe/London" });
    await t.command("schedule tomorrow 9am EST | Hello", { user_id: "U0LONDON" });
    await lastResponse();
    const [post] = await posts();
    expect(post?.publishAt.toISOString()).toBe("2026-12-05T14:00:00.000Z");
  });

  it("uses UTC for a user without a time zone, and says so", async () => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
    t.slack.users.set("U0NOZONE", { id: "U0NOZONE", tz: null });
    await t.command("schedule tomorrow 9am | Hello", { user_id: "U0NOZONE" });
    const reply = await lastResponse();
    const [post] = await posts();
    expect(post?.publishAt.toISOString()).toBe("2026-12-05T09:00:00.000Z");
    expect(String(reply.text)).toContain("no time zone, so I read the time in UTC");
  });

  it.each([
    ["no | at all", "schedule tomorrow 9am Our report", /Put a `\|` between the time and the post text/],
    ["nothing after schedule", "schedule", /Say when and what to post/],
    ["an empty text", "schedule tomorrow 9am |   ", /post text after the `\|` is empty/],
    ["an empty time", "schedule | Hello", /Say when to post before the `\|`/],
  ])("answers %s in the acknowledgement and saves nothing", async (_name, text, message) => {
    const res = await t.command(text);
    expect(res.status).toBe(200);
    expect((res.json as { text: string }).text).toMatch(message);
    expect((res.json as { text: string }).text).toContain("/share schedule tomorrow 9am | ");
    expect(await posts()).toHaveLength(0);
    expect(t.inngestApi.events).toHaveLength(0);
  });

  it.each([
    ["an unreadable time", "schedule whenever you like | Hi", /couldn't|could not|don't|understand|find/i],
    ["a past time", "schedule today at 8am | Hi", /already passed/i],
    ["a time beyond the horizon", "schedule in 400 days | Hi", /365/],
  ])("refuses %s with the reason and an example, saving nothing", async (_name, text, reason) => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
    await t.command(text);
    const reply = await lastResponse();
    expect(String(reply.text)).toMatch(reason);
    expect(String(reply.text)).toMatch(/Try e\.g\. “.+”/);
    expect(String(reply.text)).toContain("Nothing was scheduled");
    expect(await posts()).toHaveLength(0);
    expect(t.inngestApi.events).toHaveLength(0);
    expect(t.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("refuses text over 3,000 characters as LinkedIn counts them", async () => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
    await t.command(`schedule tomorrow 9am | ${"a".repeat(2999)}😀`);
    const reply = await lastResponse();
    expect(String(reply.text)).toContain("3,001 characters; LinkedIn allows at most 3,000");
    expect(await posts()).toHaveLength(0);
  });

  it("accepts exactly 3,000 characters", async () => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
    await t.command(`schedule tomorrow 9am | ${"a".repeat(3000)}`);
    await lastResponse();
    const [post] = await posts();
    expect(post?.text).toHaveLength(3000);
  });

  it("tells a member without a connection to ask an admin, and an admin to connect from Home", async () => {
    await t.command("schedule tomorrow 9am | Hi");
    expect(String((await lastResponse()).text)).toContain(
      "Ask a workspace admin to connect one from this app's *Home* tab",
    );
    t.slack.users.set("U0BOSS", { id: "U0BOSS", is_admin: true });
    await t.command("schedule tomorrow 9am | Hi", { user_id: "U0BOSS" });
    await eventually(() => t.slack.responses.length === 2);
    expect(String(t.slack.responses[1]?.body.text)).toContain("choose *Connect LinkedIn*");
    expect(await posts()).toHaveLength(0);
  });

  it("keeps the post and tells the truth when Inngest's event API is down", async () => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
    t.inngestApi.down(503);
    await t.command("schedule tomorrow 9am | Hello");
    const reply = await eventually(() => t.slack.responses.at(-1)?.body, 15_000);
    const [post] = await posts();
    expect(post?.status).toBe("scheduled");
    expect(post?.eventSentAt).toBeNull();
    expect(String(reply.text)).toContain("the scheduler didn't confirm it yet");
  });
});

describe("/share schedule with the database down", () => {
  it("answers with a clear message and writes nothing", async () => {
    const t = await startTestApp({ clock: () => NOW });
    try {
      const ws = await makeWorkspace(t.db.db);
      await makeConnection(t.db.db, ws);
      await t.db.breakConnection();
      const res = await t.command("schedule tomorrow 9am | Hello");
      expect(res.status).toBe(200);
      const reply = await eventually(() => t.slack.responses.at(-1)?.body, 15_000);
      expect(String(reply.text)).toContain("database didn't answer");
      expect(String(reply.text)).toContain("Nothing was scheduled");
      expect(t.inngestApi.events).toHaveLength(0);
      expect(t.slack.callsTo("chat.postMessage")).toHaveLength(0);
    } finally {
      await t.stop();
    }
  });
});

describe("/share help and unknown subcommands", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: () => NOW });
  });
  afterAll(() => t.stop());
  afterEach(() => t.slack.reset());

  it("shows usage with examples", async () => {
    const res = await t.command("help");
    const body = res.json as { text: string; blocks: unknown[] };
    expect(body.text).toContain("Usage: /share schedule <when> | <text>");
    expect(JSON.stringify(body.blocks)).toContain("/share schedule tomorrow 9am | Our Q4 report is out");
  });

  it("names an unknown subcommand and shows usage", async () => {
    const res = await t.command("publish now");
    const body = res.json as { text: string };
    expect(body.text).toContain("I don't know “publish”");
    expect(body.text).toContain("Usage:");
  });
});
