// Hostile input, generated with fast-check: 10,000 cases across slash-command text, modal
// submissions (values and private_metadata) and button values, through the real receiver.
// Every request is answered with 200 inside 3 s and the user gets a message; nothing is left
// half-written: no post without a valid future time or text, never two posts for one submission.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION, BLOCK, VIEW } from "../../src/slack/ids.js";
import { startTestApp, type TestApp } from "../support/app.js";
import { makeConnection, makeWorkspace } from "../support/factories.js";

const NOW = new Date("2026-12-04T15:00:00Z");
const SLACK_LIMIT_MS = 3_000;

const whenPhrases = fc.oneof(
  fc.constantFrom(
    "tomorrow 9am",
    "in 2 hours",
    "in 90 minutes",
    "monday at noon",
    "Dec 24 10:30am",
    "9am EST",
    "yesterday 9am",
    "in 400 days",
    "2:30am",
    "now",
    "today at 8am",
    "2026-12-10 14:00",
    "Feb 30 9am",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
const postText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.constantFrom(
    "(hello) #tag @you [x]{y}<z>|*_~\\",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<@U123|bob> <#C1|general> <https://x.io|x>",
    "   ",
  ),
  fc.integer({ min: 2990, max: 3010 }).map((n) => "x".repeat(n)),
);
const commandText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc
    .tuple(whenPhrases, fc.constantFrom("|", " | ", "||", ""), postText)
    .map(([w, s, t]) => `schedule ${w}${s}${t}`),
  fc
    .tuple(
      fc.constantFrom("cancel", "list", "help", "CANCEL", "schedule", "edit", ""),
      fc.string({ maxLength: 30 }),
    )
    .map(([c, r]) => `${c} ${r}`),
);
const jsonish = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.json({ maxDepth: 2 }),
  fc
    .record(
      {
        mode: fc.constantFrom("create", "edit", "admin", ""),
        channelId: fc.oneof(fc.constant("C0CHANNEL"), fc.string({ maxLength: 12 })),
        postId: fc.oneof(fc.uuid(), fc.string({ maxLength: 10 })),
        version: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.string({ maxLength: 3 })),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const userId = fc.constantFrom("U0AUTHOR", "U0OTHER", "U0ADMIN1", "U0EVIL");

async function pool<T>(items: T[], concurrency: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i] as T, i);
      }
    }),
  );
}

describe("hostile input", () => {
  let t: TestApp;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    t = await startTestApp({ clock: () => NOW, env: { LOG_LEVEL: "fatal" } });
    const ws = await makeWorkspace(t.db.db);
    await makeConnection(t.db.db, ws);
    t.slack.users.set("U0ADMIN1", { id: "U0ADMIN1", is_admin: true });
  });
  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await t.stop();
  }, 600_000);

  it("answers 10,000 generated requests in time, with a message, and keeps the database consistent", async () => {
    const slow: string[] = [];
    const failures: string[] = [];
    let awaitedAnswers = 0;
    const check = (what: string, res: { status: number; ms: number }) => {
      if (res.status !== 200) failures.push(`${what} → HTTP ${res.status}`);
      if (res.ms > SLACK_LIMIT_MS) slow.push(`${what} took ${Math.round(res.ms)} ms`);
    };

    // 1. Slash commands (4,000).
    const commands = fc.sample(fc.tuple(commandText, userId), { numRuns: 4_000, seed: 42 });
    await pool(commands, 16, async ([text, user], i) => {
      const res = await t.command(text, {
        user_id: user,
        response_url: t.slack.responseUrl(`cmd-${i}`),
        trigger_id: `cmd-${i}`,
      });
      check(`/share ${JSON.stringify(text)}`, res);
      const acked = (res.json as { text?: string } | undefined)?.text;
      if (!acked && text.trim() !== "") awaitedAnswers++;
    });

    // 2. Modal submissions with hostile values and private_metadata (3,000).
    const submissions = fc.sample(
      fc.record({
        text: maybe(postText),
        when: maybe(whenPhrases),
        metadata: jsonish,
        connection: maybe(fc.oneof(fc.uuid(), fc.string({ maxLength: 8 }))),
        user: userId,
      }),
      { numRuns: 3_000, seed: 7 },
    );
    await pool(submissions, 16, async (s, i) => {
      const values: Record<string, unknown> = {
        [BLOCK.text]: { [ACTION.text]: { type: "plain_text_input", value: s.text } },
        [BLOCK.when]: { [ACTION.when]: { type: "plain_text_input", value: s.when } },
      };
      if (s.connection !== null) {
        values[BLOCK.connection] = {
          [ACTION.connection]: { type: "static_select", selected_option: { value: s.connection } },
        };
      }
      const res = await t.interact({
        type: "view_submission",
        user: { id: s.user, team_id: "T0001" },
        trigger_id: `hostile-${i}`,
        view: {
          id: `VHOSTILE${i % 1500}`,
          type: "modal",
          callback_id: VIEW.compose,
          hash: "h",
          private_metadata: s.metadata,
          state: { values },
        },
      });
      check(`view_submission ${JSON.stringify(s)}`, res);
    });

    // 3. Buttons with hostile values (2,000) and 4. live-preview keystrokes (1,000).
    const buttons = fc.sample(
      fc.record({
        action: fc.constantFrom(ACTION.edit, ACTION.cancel, ACTION.retry),
        value: fc.oneof(fc.string({ maxLength: 50 }), fc.uuid()),
        user: userId,
      }),
      { numRuns: 2_000, seed: 9 },
    );
    await pool(buttons, 16, async (b, i) => {
      const res = await t.interact({
        type: "block_actions",
        user: { id: b.user, team_id: "T0001" },
        trigger_id: `btn-${i}`,
        response_url: t.slack.responseUrl(`btn-${i}`),
        channel: { id: "C0CHANNEL" },
        container: { type: "message", channel_id: "C0CHANNEL", message_ts: "1.1" },
        actions: [{ type: "button", action_id: b.action, block_id: "b", value: b.value, action_ts: "1" }],
      });
      check(`button ${JSON.stringify(b)}`, res);
    });
    const keystrokes = fc.sample(whenPhrases, { numRuns: 1_000, seed: 11 });
    await pool(keystrokes, 16, async (value, i) => {
      const res = await t.interact({
        type: "block_actions",
        user: { id: "U0AUTHOR", team_id: "T0001" },
        trigger_id: `key-${i}`,
        container: { type: "view", view_id: "VKEYS" },
        actions: [
          { type: "plain_text_input", action_id: ACTION.when, block_id: BLOCK.when, value, action_ts: "1" },
        ],
        view: {
          id: "VKEYS",
          hash: "h",
          type: "modal",
          callback_id: VIEW.compose,
          title: { type: "plain_text", text: "x" },
          blocks: [{ type: "context", block_id: BLOCK.whenPreview, elements: [] }],
          state: { values: {} },
        },
      });
      check(`keystroke ${JSON.stringify(value)}`, res);
    });

    expect(failures.slice(0, 5)).toEqual([]);
    expect(slow.slice(0, 5)).toEqual([]);

    // Every command that was not answered in its acknowledgement is answered through its response URL.
    const deadline = Date.now() + 60_000;
    const commandAnswers = () => t.slack.responses.filter((r) => r.id.startsWith("cmd-")).length;
    while (commandAnswers() < awaitedAnswers && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(commandAnswers()).toBeGreaterThanOrEqual(awaitedAnswers);
    for (const r of t.slack.responses)
      expect(String(r.body.text ?? "").length + JSON.stringify(r.body.blocks ?? "").length).toBeGreaterThan(
        2,
      );
    // Every button click got a note back (or, for Edit, a modal).
    const buttonAnswers = () =>
      new Set(t.slack.responses.filter((r) => r.id.startsWith("btn-")).map((r) => r.id)).size +
      t.slack.callsTo("views.open").length;
    while (buttonAnswers() < buttons.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(buttonAnswers()).toBeGreaterThanOrEqual(buttons.length);

    // Database invariants, once every acknowledged request has done its work.
    expect(await t.app.deps.background.drain(300_000)).toBe(true);
    const posts = await t.db.db.post.findMany();
    for (const p of posts) {
      expect(p.publishAt.getTime()).toBeGreaterThan(NOW.getTime());
      expect(p.publishAt.getTime()).toBeLessThanOrEqual(NOW.getTime() + 365 * 86_400_000);
      expect(p.text.trim().length).toBeGreaterThan(0);
      expect(p.text.length).toBeLessThanOrEqual(3000);
    }
    const perSubmission = await t.db.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Post" WHERE "submissionKey" IS NOT NULL GROUP BY "submissionKey" HAVING count(*) > 1`,
    );
    expect(perSubmission).toEqual([]);
    const viewPosts = posts.filter((p) => p.submissionKey?.startsWith("view:")).length;
    expect(viewPosts).toBeLessThanOrEqual(1500);
    expect(unhandled).toEqual([]);
  }, 900_000);
});
