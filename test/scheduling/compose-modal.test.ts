// The compose modal through the real receiver: opening it, the live preview, submitting (errors under
// the field at fault, one post per submission), and editing a post from its Edit button.
import { describe, expect, it } from "vitest";
import { ACTION, BLOCK, VIEW } from "../../src/slack/ids.js";
import { eventually, type TestApp } from "../support/app.js";
import { makeConnection, makePost, makeWorkspace } from "../support/factories.js";
import { useTestApp } from "../support/use-test-app.js";

const NOW = new Date("2026-12-04T15:00:00Z"); // 10:00 in New York

function submission(opts: {
  viewId?: string;
  user?: string;
  text?: string | null;
  when?: string | null;
  metadata?: unknown;
  connectionId?: string;
  channel?: string;
}) {
  const values: Record<string, unknown> = {
    [BLOCK.text]: { [ACTION.text]: { type: "plain_text_input", value: opts.text ?? null } },
    [BLOCK.when]: { [ACTION.when]: { type: "plain_text_input", value: opts.when ?? null } },
  };
  if (opts.connectionId) {
    values[BLOCK.connection] = {
      [ACTION.connection]: { type: "static_select", selected_option: { value: opts.connectionId } },
    };
  }
  if (opts.channel) {
    values[BLOCK.channel] = {
      [ACTION.channel]: { type: "conversations_select", selected_conversation: opts.channel },
    };
  }
  return {
    type: "view_submission",
    user: { id: opts.user ?? "U0AUTHOR", team_id: "T0001" },
    trigger_id: "trig",
    view: {
      id: opts.viewId ?? "V0VIEW1",
      type: "modal",
      callback_id: VIEW.compose,
      hash: "h1",
      private_metadata:
        typeof opts.metadata === "string"
          ? opts.metadata
          : JSON.stringify(opts.metadata ?? { mode: "create", channelId: "C0CHANNEL" }),
      state: { values },
    },
  };
}

describe("the compose modal", () => {
  let t: TestApp;
  useTestApp({ clock: () => NOW }, (app) => {
    t = app;
  });

  it("opens on /share with the user's zone in the hint and the current channel preselected", async () => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws, { displayName: "Ada" });
    await makeConnection(t.db.db, ws, { displayName: "Acme Corp", kind: "organization" });
    const res = await t.command("", { trigger_id: "trigger-open-1" });
    expect(res.status).toBe(200);
    const open = await eventually(() => t.slack.callsTo("views.open")[0]);
    expect(open.args.trigger_id).toBe("trigger-open-1");
    const view = open.args.view as { callback_id: string; blocks: { block_id?: string }[] };
    expect(view.callback_id).toBe(VIEW.compose);
    const json = JSON.stringify(view);
    expect(json).toContain("America/New_York");
    expect(json).toContain('"max_length":3000');
    expect(json).toContain('"initial_conversation":"C0CHANNEL"');
    expect(json).toContain("Acme Corp (page)");
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      BLOCK.text,
      BLOCK.when,
      BLOCK.whenPreview,
      BLOCK.connection,
      BLOCK.channel,
    ]);
  });

  it("does not open without a LinkedIn connection, and says what to do", async () => {
    await t.command("");
    const reply = await eventually(() => t.slack.responses.at(-1)?.body);
    expect(String(reply.text)).toContain("No LinkedIn account is connected yet");
    expect(t.slack.callsTo("views.open")).toHaveLength(0);
  });

  it("previews the parsed time under the When field as the user types", async () => {
    const blocks = [
      { type: "input", block_id: BLOCK.text },
      { type: "input", block_id: BLOCK.when },
      { type: "context", block_id: BLOCK.whenPreview, elements: [] },
    ];
    const action = (value: string) =>
      t.interact({
        type: "block_actions",
        user: { id: "U0AUTHOR", team_id: "T0001" },
        trigger_id: "trig",
        container: { type: "view", view_id: "V0PREVIEW" },
        actions: [
          { type: "plain_text_input", action_id: ACTION.when, block_id: BLOCK.when, value, action_ts: "1" },
        ],
        view: {
          id: "V0PREVIEW",
          hash: "hash-1",
          type: "modal",
          callback_id: VIEW.compose,
          private_metadata: JSON.stringify({ mode: "create", channelId: "C0CHANNEL" }),
          title: { type: "plain_text", text: "Schedule LinkedIn post" },
          blocks,
          state: { values: {} },
        },
      });
    await action("tomorrow 9am");
    const update = await eventually(() => t.slack.callsTo("views.update")[0]);
    expect(update.args.view_id).toBe("V0PREVIEW");
    expect(update.args.hash).toBe("hash-1");
    expect(JSON.stringify(update.args.view)).toContain(
      "Will post Sat, Dec 5, 2026 at 9:00 AM EST (America/New_York)",
    );
    await action("yesterday at 3pm");
    const second = await eventually(() => t.slack.callsTo("views.update")[1]);
    expect(JSON.stringify(second.args.view)).toMatch(/:warning: .*already passed/);
  });

  it("schedules on submit, confirms privately, and a second submission of the same view creates nothing", async () => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
    const body = submission({ text: "Launch day!\nSecond line", when: "monday at noon", channel: "C0OTHER" });
    const first = await t.interact(body);
    expect(first.status).toBe(200);
    expect(first.body).toBe("");
    await eventually(() => t.slack.callsTo("chat.postEphemeral")[0]);
    // Slack signs each delivery when it sends it: a second submission carries a later timestamp.
    await new Promise((r) => setTimeout(r, 1_100));
    const again = await t.interact(body);
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const posts = await t.db.db.post.findMany();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.text).toBe("Launch day!\nSecond line");
    expect(posts[0]?.channelId).toBe("C0OTHER");
    // Monday Dec 7 12:00 EST = 17:00 UTC
    expect(posts[0]?.publishAt.toISOString()).toBe("2026-12-07T17:00:00.000Z");
    expect(t.inngestApi.eventsNamed("post/scheduled")).toHaveLength(1);
    expect(t.slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(t.slack.callsTo("chat.postEphemeral")).toHaveLength(1);
    const ephemeral = t.slack.callsTo("chat.postEphemeral")[0]!;
    expect(ephemeral.args.user).toBe("U0AUTHOR");
    expect(String(ephemeral.args.text)).toContain("Mon, Dec 7, 2026 at 12:00 PM EST");
  });

  it("shows each error under the field at fault and saves nothing", async () => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
    const res = await t.interact(submission({ text: "   ", when: "at some point" }));
    expect(res.status).toBe(200);
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(body.errors[BLOCK.text]).toContain("The post text is empty");
    expect(body.errors[BLOCK.when]).toMatch(/Try e\.g\./);
    expect(await t.db.db.post.count()).toBe(0);
    expect(t.inngestApi.events).toHaveLength(0);
  });

  it("opens from the Home tab's New post button, preset to the workspace's default channel", async () => {
    const ws = await makeWorkspace(t.db.db, { defaultChannelId: "C0DEFAULT" });
    await makeConnection(t.db.db, ws);
    const res = await t.interact({
      type: "block_actions",
      user: { id: "U0AUTHOR", team_id: "T0001" },
      trigger_id: "trigger-home-new",
      container: { type: "view", view_id: "VHOME" },
      view: { id: "VHOME", type: "home" },
      actions: [{ type: "button", action_id: ACTION.openCompose, block_id: "b", action_ts: "1" }],
    });
    expect(res.status).toBe(200);
    const open = await eventually(() => t.slack.callsTo("views.open")[0]);
    expect(open.args.trigger_id).toBe("trigger-home-new");
    expect(JSON.stringify(open.args.view)).toContain('"initial_conversation":"C0DEFAULT"');
  });

  it("asks for a channel when the modal was opened without one", async () => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
    const res = await t.interact(
      submission({ text: "Hi", when: "tomorrow 9am", metadata: { mode: "create" } }),
    );
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(body.errors[BLOCK.channel]).toContain("Pick the channel");
    expect(await t.db.db.post.count()).toBe(0);
  });

  it("refuses a damaged private_metadata without saving", async () => {
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
    for (const metadata of ["not json", JSON.stringify({ mode: "steal", channelId: "C1" }), "{}"]) {
      const res = await t.interact(submission({ text: "Hi", when: "tomorrow 9am", metadata }));
      const body = res.json as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe("errors");
      expect(body.errors[BLOCK.text]).toContain("out of date or damaged");
    }
    expect(await t.db.db.post.count()).toBe(0);
  });
});

describe("editing a post", () => {
  let t: TestApp;
  useTestApp({ clock: () => NOW }, (app) => {
    t = app;
  });

  const editButton = (postId: string, user = "U0AUTHOR") =>
    t.interact({
      type: "block_actions",
      user: { id: user, team_id: "T0001" },
      trigger_id: "trigger-edit",
      response_url: t.slack.responseUrl("edit"),
      channel: { id: "C0CHANNEL" },
      container: { type: "message", message_ts: "1700000000.000100", channel_id: "C0CHANNEL" },
      actions: [{ type: "button", action_id: ACTION.edit, block_id: "b", value: postId, action_ts: "1" }],
    });

  it("opens the modal prefilled, and saving bumps the version, sends a new event and updates the message", async () => {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws);
    const post = await makePost(t.db.db, ws, conn, {
      text: "Old text",
      whenText: "tomorrow 9am",
      publishAt: new Date("2026-12-05T14:00:00Z"),
    });
    await editButton(post.id);
    const open = await eventually(() => t.slack.callsTo("views.open")[0]);
    const view = open.args.view as { private_metadata: string };
    expect(JSON.stringify(view)).toContain('"initial_value":"Old text"');
    expect(JSON.stringify(view)).toContain('"initial_value":"tomorrow 9am"');
    expect(JSON.parse(view.private_metadata)).toEqual({
      mode: "edit",
      channelId: "C0CHANNEL",
      postId: post.id,
      version: 1,
    });

    const res = await t.interact(
      submission({ text: "New text", when: "tomorrow 11am", metadata: JSON.parse(view.private_metadata) }),
    );
    expect(res.body).toBe("");
    const update = await eventually(() => t.slack.callsTo("chat.update")[0]);
    expect(update.args.ts).toBe("1700000000.000100");
    const saved = await t.db.db.post.findUniqueOrThrow({ where: { id: post.id }, include: { events: true } });
    expect(saved.version).toBe(2);
    expect(saved.text).toBe("New text");
    expect(saved.publishAt.toISOString()).toBe("2026-12-05T16:00:00.000Z");
    expect(saved.events.map((e) => e.kind)).toContain("edited");
    const sent = t.inngestApi.eventsNamed("post/scheduled");
    expect(sent.map((e) => e.id)).toEqual([`post-${post.id}-v2`]);
    expect(sent[0]?.data).toMatchObject({ version: 2, publishAt: "2026-12-05T16:00:00.000Z" });
  });

  it("refuses someone who is neither the author nor an admin, on the button and on a crafted submission", async () => {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws);
    const post = await makePost(t.db.db, ws, conn, { text: "Mine" });
    await editButton(post.id, "U0INTRUDER");
    const note = await eventually(() => t.slack.responses.at(-1)?.body);
    expect(String(note.text)).toContain("Only <@U0AUTHOR> (who wrote it) or an admin can edit");
    expect(t.slack.callsTo("views.open")).toHaveLength(0);

    const res = await t.interact(
      submission({
        user: "U0INTRUDER",
        text: "Hijacked",
        when: "tomorrow 9am",
        metadata: { mode: "edit", channelId: "C0CHANNEL", postId: post.id, version: 1 },
      }),
    );
    expect((res.json as { errors: Record<string, string> }).errors[BLOCK.text]).toContain("Only <@U0AUTHOR>");
    const saved = await t.db.db.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(saved.text).toBe("Mine");
    expect(saved.version).toBe(1);
    expect(t.inngestApi.events).toHaveLength(0);
  });

  it("lets a workspace admin edit someone else's post", async () => {
    const ws = await makeWorkspace(t.db.db);
    const conn = await makeConnection(t.db.db, ws);
    const post = await makePost(t.db.db, ws, conn);
    t.slack.users.set("U0OWNER", { id: "U0OWNER", is_owner: true });
    await editButton(post.id, "U0OWNER");
    await eventually(() => t.slack.callsTo("views.open")[0]);
  });
});
