// The pre-flight cron (through @inngest/test, a fresh engine per run): posts due in 45–75 minutes get
// their token checked once; a dead token or a missing connection is DMed to the author and the owner.
import { InngestTestEngine } from "@inngest/test";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { createPreflightFunction } from "../../src/inngest/functions/preflight.js";
import type { TestApp } from "../support/app.js";
import { makeConnection, makePost, makeWorkspace } from "../support/factories.js";
import { useTestApp } from "../support/use-test-app.js";

const MIN = 60_000;
const NOW = new Date("2026-12-04T15:00:00Z");
const API = "https://api.linkedin.test";

describe("pre-flight cron", () => {
  let t: TestApp;
  useTestApp({ clock: () => NOW }, (app) => {
    t = app;
  });

  async function run(at = NOW) {
    const engine = new InngestTestEngine({
      function: createPreflightFunction({ ...t.app.deps, clock: () => at }),
    });
    const { result, error } = await engine.execute();
    if (error) throw error;
    return result as { connections: number; failedPosts: number };
  }
  const preflights = () =>
    t.db.db.postEvent.findMany({ where: { kind: "preflight" }, orderBy: { at: "asc" } });
  const dmsTo = (user: string) => t.slack.callsTo("chat.postMessage").filter((c) => c.args.channel === user);

  it("confirms a working token once, and leaves posts outside the window alone", async () => {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws, { accessToken: "AQV-good-0123456789" });
    const due = await makePost(t.db.db, ws, conn, { publishAt: new Date(NOW.getTime() + 60 * MIN) });
    await makePost(t.db.db, ws, conn, { publishAt: new Date(NOW.getTime() + 3 * 60 * MIN) });
    const check = nock(API)
      .get("/v2/userinfo")
      .matchHeader("authorization", "Bearer AQV-good-0123456789")
      .reply(200, { sub: "abc" });
    expect(await run()).toEqual({ connections: 1, failedPosts: 0 });
    expect(check.isDone()).toBe(true);
    const events = await preflights();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ postId: due.id, actor: "system", detail: { ok: true, version: 1 } });
    expect(t.slack.callsTo("chat.postMessage")).toHaveLength(0);

    // 15 minutes later the post is still in the window: no second check (no LinkedIn call is mocked).
    expect(await run(new Date(NOW.getTime() + 15 * MIN))).toEqual({ connections: 0, failedPosts: 0 });
    expect(await preflights()).toHaveLength(1);
  });

  it("DMs the author and the connection's owner when LinkedIn no longer accepts the token", async () => {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws, {
      displayName: "Ada Lovelace",
      connectedByUserId: "U0OWNER",
    });
    const post = await makePost(t.db.db, ws, conn, {
      shortId: "due001",
      publishAt: new Date(NOW.getTime() + 50 * MIN),
    });
    nock(API)
      .get("/v2/userinfo")
      .reply(401, { serviceErrorCode: 65600, message: "Invalid access token", status: 401 });
    expect(await run()).toEqual({ connections: 1, failedPosts: 1 });
    const [toAuthor] = dmsTo("U0AUTHOR");
    expect(String(toAuthor?.args.text)).toContain("will fail");
    expect(JSON.stringify(toAuthor?.args.blocks)).toContain("due001");
    expect(JSON.stringify(toAuthor?.args.blocks)).toContain("Ada Lovelace");
    expect(dmsTo("U0OWNER")).toHaveLength(1);
    expect((await t.db.db.linkedInConnection.findUniqueOrThrow({ where: { id: conn.id } })).status).toBe(
      "needs_reconnect",
    );
    expect((await preflights())[0]).toMatchObject({ postId: post.id, detail: { ok: false } });
  });

  it("DMs the author of a post without a usable connection, without calling LinkedIn", async () => {
    const ws = await makeWorkspace(t.db.db);
    const gone = await makeConnection(t.db.db, ws, {
      status: "needs_reconnect",
      connectedByUserId: "U0OWNER",
    });
    await makePost(t.db.db, ws, null, { publishAt: new Date(NOW.getTime() + 70 * MIN) });
    await makePost(t.db.db, ws, gone, {
      authorUserId: "U0SECOND",
      publishAt: new Date(NOW.getTime() + 46 * MIN),
    });
    expect(await run()).toEqual({ connections: 2, failedPosts: 2 });
    expect(JSON.stringify(dmsTo("U0AUTHOR")[0]?.args.blocks)).toContain("no LinkedIn account");
    expect(JSON.stringify(dmsTo("U0SECOND")[0]?.args.blocks)).toContain("reconnected");
    expect(dmsTo("U0OWNER")).toHaveLength(1);
  });

  it("records nothing when LinkedIn's answer is inconclusive, so the next run checks again", async () => {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws);
    await makePost(t.db.db, ws, conn, { publishAt: new Date(NOW.getTime() + 60 * MIN) });
    nock(API).get("/v2/userinfo").reply(503, "unavailable");
    expect(await run()).toEqual({ connections: 1, failedPosts: 0 });
    expect(await preflights()).toHaveLength(0);
    expect(t.slack.callsTo("chat.postMessage")).toHaveLength(0);
    nock(API).get("/v2/userinfo").reply(200, { sub: "abc" });
    await run(new Date(NOW.getTime() + 15 * MIN));
    expect(await preflights()).toHaveLength(1);
  });
});
