// /share list and cancel, and the Cancel button: only the author or an admin, checked on the server.
import { describe, expect, it } from "vitest";
import { ACTION } from "../../src/slack/ids.js";
import { eventually, type TestApp } from "../support/app.js";
import { makeConnection, makePost, makeWorkspace } from "../support/factories.js";
import { useTestApp } from "../support/use-test-app.js";

const NOW = new Date("2026-12-04T15:00:00Z");

describe("managing posts", () => {
  let t: TestApp;
  useTestApp({ clock: () => NOW }, (app) => {
    t = app;
  });
  const reply = async (n = 1) => {
    await eventually(() => t.slack.responses.length >= n);
    return t.slack.responses[n - 1]!.body;
  };

  async function seed() {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws);
    const mine = await makePost(t.db.db, ws, conn, {
      shortId: "mine01",
      text: "My post",
      publishAt: new Date("2026-12-06T10:00:00Z"),
    });
    const theirs = await makePost(t.db.db, ws, conn, {
      shortId: "their1",
      authorUserId: "U0OTHER",
      text: "Their post",
      publishAt: new Date("2026-12-05T10:00:00Z"),
    });
    await makePost(t.db.db, ws, conn, { shortId: "done01", status: "published", text: "Old news" });
    return { ws, conn, mine, theirs };
  }

  it("/share list shows a member their own upcoming posts with Edit and Cancel", async () => {
    await seed();
    await t.command("list");
    const body = await reply();
    const json = JSON.stringify(body.blocks);
    expect(json).toContain("mine01");
    expect(json).toContain("My post");
    expect(json).not.toContain("their1");
    expect(json).not.toContain("done01");
    expect(json).toContain(ACTION.edit);
    expect(json).toContain(ACTION.cancel);
    expect(body.response_type).toBe("ephemeral");
  });

  it("/share list shows an admin the whole team's queue, soonest first", async () => {
    await seed();
    t.slack.users.set("U0ADMIN1", { id: "U0ADMIN1", is_admin: true });
    await t.command("list", { user_id: "U0ADMIN1" });
    const json = JSON.stringify((await reply()).blocks);
    expect(json.indexOf("their1")).toBeGreaterThan(-1);
    expect(json.indexOf("their1")).toBeLessThan(json.indexOf("mine01"));
    expect(json).toContain("<@U0OTHER>");
  });

  it("/share list with nothing scheduled says how to schedule", async () => {
    await t.command("list");
    expect(String((await reply()).text)).toContain("You have no upcoming posts");
  });

  it("/share cancel by the author cancels, sends post/cancelled and updates the living message", async () => {
    const { mine } = await seed();
    await t.command("cancel mine01");
    expect(String((await reply()).text)).toContain("Cancelled post `mine01`");
    const saved = await t.db.db.post.findUniqueOrThrow({ where: { id: mine.id }, include: { events: true } });
    expect(saved.status).toBe("cancelled");
    expect(saved.events.map((e) => [e.kind, e.actor])).toContainEqual(["cancelled", "U0AUTHOR"]);
    expect(t.inngestApi.eventsNamed("post/cancelled").map((e) => e.data)).toEqual([{ postId: mine.id }]);
    const update = await eventually(() => t.slack.callsTo("chat.update")[0]);
    expect(JSON.stringify(update.args.blocks)).toContain("Cancelled");
    expect(JSON.stringify(update.args.blocks)).not.toContain(ACTION.edit);
  });

  it("/share cancel of someone else's post is refused and changes nothing", async () => {
    const { theirs } = await seed();
    await t.command("cancel their1");
    expect(String((await reply()).text)).toContain("Only <@U0OTHER> (who wrote it) or an admin can cancel");
    expect((await t.db.db.post.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("scheduled");
    expect(t.inngestApi.events).toHaveLength(0);
    expect(t.slack.callsTo("chat.update")).toHaveLength(0);
  });

  it("/share cancel of an unknown id, of nothing, and of a published post explain themselves", async () => {
    await seed();
    await t.command("cancel zzzzzz");
    expect(String((await reply(1)).text)).toContain("I can't find a post with id `zzzzzz`");
    const empty = await t.command("cancel");
    expect((empty.json as { text: string }).text).toContain("Which post? Give its id");
    await t.command("cancel done01", { user_id: "U0AUTHOR" });
    expect(String((await reply(2)).text)).toContain("already published");
  });

  it("the Cancel button works for an admin on someone else's post; a crafted click by a member does not", async () => {
    const { theirs } = await seed();
    const click = (user: string) =>
      t.interact({
        type: "block_actions",
        user: { id: user, team_id: "T0001" },
        trigger_id: "trig",
        response_url: t.slack.responseUrl(`cancel-${user}`),
        channel: { id: "C0CHANNEL" },
        container: { type: "message", channel_id: "C0CHANNEL", message_ts: "1.1" },
        actions: [
          { type: "button", action_id: ACTION.cancel, block_id: "b", value: theirs.id, action_ts: "1" },
        ],
      });
    await click("U0MEMBER");
    expect(String((await reply(1)).text)).toContain("Only <@U0OTHER>");
    expect((await t.db.db.post.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("scheduled");

    t.slack.users.set("U0BOSS", { id: "U0BOSS", is_admin: true });
    await click("U0BOSS");
    expect(String((await reply(2)).text)).toContain("Cancelled post `their1`");
    expect((await t.db.db.post.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("cancelled");
  });
});
