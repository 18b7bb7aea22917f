// 200 concurrent signed /share schedule commands against the app in its own process: all
// acknowledged within Slack's 3 seconds, and each creates exactly one post with exactly one
// post/scheduled event.
import { rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_BOT_TOKEN, TEST_ENCRYPTION_KEY, TEST_SIGNING_SECRET } from "../support/app.js";
import { type Proc, prepareEmbeddedDb, startProcess } from "../support/app-process.js";
import { createTestDb, type TestDb, usingPostgres } from "../support/db.js";
import { makeConnection, makeWorkspace } from "../support/factories.js";
import { type FakeInngest, startFakeInngest } from "../support/fake-inngest.js";
import { type FakeSlack, startFakeSlack } from "../support/fake-slack.js";
import { postForm } from "../support/slack-signing.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("load", () => {
  let slack: FakeSlack;
  let inngest: FakeInngest;
  let app: Proc;
  let pgDb: TestDb | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    [slack, inngest] = await Promise.all([startFakeSlack(), startFakeInngest()]);
    if (usingPostgres()) {
      pgDb = await createTestDb();
      await makeConnection(pgDb.db, await makeWorkspace(pgDb.db));
    } else {
      dataDir = await prepareEmbeddedDb();
    }
    app = await startProcess(path.join(ROOT, "src/main.ts"), {
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      TOKEN_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      INNGEST_DEV: inngest.url,
      LOG_LEVEL: "warn",
      ...(pgDb?.url ? { DATABASE_URL: pgDb.url } : { PGLITE_DATA_DIR: dataDir ?? "" }),
    });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await Promise.all([slack?.close(), inngest?.close()]);
    await pgDb?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("acknowledges 200 concurrent commands within 3 s, one post each", async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        postForm(
          `${app.url}/slack/events`,
          {
            team_id: "T0001",
            channel_id: "C0CHANNEL",
            user_id: `U0LOAD${i % 25}`,
            command: "/share",
            text: `schedule in ${i + 2} hours | Load test post number ${i}`,
            response_url: slack.responseUrl(`load-${i}`),
            trigger_id: `load-${i}`,
          },
          { secret: TEST_SIGNING_SECRET },
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(200));
    const slowest = Math.max(...results.map((r) => r.ms));
    console.log(`slowest acknowledgement of 200: ${Math.round(slowest)} ms`);
    expect(slowest).toBeLessThan(3_000);

    const deadline = Date.now() + 60_000;
    while (slack.responses.length < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(slack.responses.filter((r) => String(r.body.text).includes("Scheduled"))).toHaveLength(200);
    const events = inngest.eventsNamed("post/scheduled");
    expect(events).toHaveLength(200);
    expect(new Set(events.map((e) => e.id)).size).toBe(200);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(200);

    let rows: { text: string; id: string }[];
    if (pgDb) {
      rows = await pgDb.rows(`SELECT id, text FROM "Post"`);
    } else {
      await app.stop();
      const db = new PGlite({ dataDir: dataDir ?? "" });
      rows = (await db.query<{ id: string; text: string }>(`SELECT id, text FROM "Post"`)).rows;
      await db.close();
    }
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((p) => p.text)).size).toBe(200);
    expect(new Set(events.map((e) => e.id))).toEqual(new Set(rows.map((p) => `post-${p.id}-v1`)));
  }, 120_000);
});
