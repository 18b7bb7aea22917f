// End to end, as in production: the built app (`npm start`, node dist/main.js) in its own process,
// cloud-mode Inngest with a signing key, Slack, LinkedIn and Inngest's event API replaced by loopback
// fakes through their base-URL variables. A signed /share schedule goes in; the event reaches the
// fake event API; the run is driven through /api/inngest over HTTP the way Inngest's executor drives
// it (signed requests carrying the step state, step after step); LinkedIn gets exactly one post and
// Slack the chat.update with its link. The process's whole output is then searched for secrets.
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeLittleText } from "../../src/linkedin/little-text.js";
import { TEST_BOT_TOKEN, TEST_ENCRYPTION_KEY, TEST_SIGNING_SECRET } from "../support/app.js";
import { type Proc, prepareEmbeddedDb, startNodeArgs, startProcess } from "../support/app-process.js";
import { createTestDb, type TestDb, usingPostgres } from "../support/db.js";
import { makeConnection, makeWorkspace } from "../support/factories.js";
import { type FakeInngest, startFakeInngest } from "../support/fake-inngest.js";
import { type FakeLinkedIn, startFakeLinkedIn } from "../support/fake-linkedin.js";
import { type FakeSlack, startFakeSlack } from "../support/fake-slack.js";
import { executeRun } from "../support/inngest-executor.js";
import { postToInngest } from "../support/inngest-signing.js";
import { postForm } from "../support/slack-signing.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ACCESS_TOKEN = "AQX-e2e-linkedin-access-token-7c1f0b";
const SECRETS = {
  SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
  SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
  INNGEST_SIGNING_KEY: "signkey-prod-8f2a6c0d1e4b7a9f3c5e2d1b0a9f8e7d",
  INNGEST_EVENT_KEY: "e2e-event-key-1b2c3d4e5f",
  TOKEN_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
  LINKEDIN_CLIENT_SECRET: "li-e2e-client-secret-99aa",
};
const TEXT = "Launch (beta) #ai @team [1] {x} <y> |z| \\ *b* _i_ ~s~ & more";

describe("the production process, end to end", () => {
  let slack: FakeSlack;
  let linkedin: FakeLinkedIn;
  let inngest: FakeInngest;
  let app: Proc;
  let pgDb: TestDb | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    [slack, linkedin, inngest] = await Promise.all([
      startFakeSlack(),
      startFakeLinkedIn(),
      startFakeInngest(),
    ]);
    if (usingPostgres()) {
      pgDb = await createTestDb();
      const ws = await makeWorkspace(pgDb.db);
      await makeConnection(pgDb.db, ws, { accessToken: ACCESS_TOKEN });
    } else {
      dataDir = await prepareEmbeddedDb(ACCESS_TOKEN);
    }
    app = await startProcess(
      path.join(ROOT, "dist/main.js"),
      {
        ...SECRETS,
        NODE_ENV: "production",
        LOG_LEVEL: "debug",
        SLACK_API_URL: slack.apiUrl,
        LINKEDIN_CLIENT_ID: "li-e2e-client",
        LINKEDIN_API_URL: linkedin.url,
        INNGEST_BASE_URL: inngest.url,
        PUBLIC_URL: "https://share.example.test",
        ...(pgDb?.url ? { DATABASE_URL: pgDb.url } : { PGLITE_DATA_DIR: dataDir ?? "" }),
      },
      startNodeArgs(),
    );
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await Promise.all([slack?.close(), linkedin?.close(), inngest?.close()]);
    await pgDb?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("schedules from Slack, publishes once through the executor protocol, and updates the channel", async () => {
    const res = await postForm(
      `${app.url}/slack/events`,
      {
        team_id: "T0001",
        channel_id: "C0CHANNEL",
        user_id: "U0AUTHOR",
        command: "/share",
        text: `schedule in 5 seconds | ${TEXT.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}`,
        response_url: slack.responseUrl("e2e"),
        trigger_id: "e2e-trigger",
      },
      { secret: TEST_SIGNING_SECRET },
    );
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3_000);

    // The event reaches Inngest's event API, with a start time at the publish time.
    const deadline = Date.now() + 15_000;
    while (inngest.eventsNamed("post/scheduled").length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const [event] = inngest.eventsNamed("post/scheduled");
    expect(event).toBeDefined();
    const data = event!.data as { postId: string; version: number; publishAt: string };
    expect(event!.id).toBe(`post-${data.postId}-v1`);
    expect(event!.ts).toBe(Date.parse(data.publishAt));
    while (slack.responses.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(String(slack.responses.at(-1)?.body.text)).toContain("Scheduled");

    // Inngest's executor, as it drives the function (a fresh run each call: no state carried over).
    const runOnce = () =>
      executeRun({
        url: app.url,
        fnId: "linkedin-share-publish-post",
        event: {
          name: event!.name,
          data: event!.data,
          ...(event!.id ? { id: event!.id } : {}),
          ...(event!.ts ? { ts: event!.ts } : {}),
        },
        signingKey: SECRETS.INNGEST_SIGNING_KEY,
        maxAttempts: 6,
      });

    // Inngest starts the run at the event's time.
    await new Promise((r) => setTimeout(r, Math.max(0, (event!.ts ?? 0) - Date.now() + 250)));
    const run = await runOnce();
    expect(run.status).toBe("completed");
    expect(run.executions).toBe(3);

    expect(linkedin.requests).toHaveLength(1);
    const sent = linkedin.requests[0]!;
    expect(sent.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(sent.headers["x-restli-protocol-version"]).toBe("2.0.0");
    expect((sent.body as { commentary: string }).commentary).toBe(escapeLittleText(TEXT));

    const update = slack.callsTo("chat.update").at(-1);
    expect(JSON.stringify(update?.args.blocks)).toContain(
      "https://www.linkedin.com/feed/update/urn:li:share:",
    );
    expect(slack.callsTo("chat.postMessage").some((c) => c.args.thread_ts)).toBe(true);

    // A crash-and-replay of the same run (same event, state lost) publishes nothing twice.
    const replay = await runOnce();
    expect(replay.status).toBe("completed");
    expect(linkedin.requests).toHaveLength(1);
  }, 60_000);

  it("refuses unsigned and wrongly signed executor calls in cloud mode", async () => {
    const body = { event: { name: "post/scheduled", data: {} }, events: [], steps: {}, ctx: {}, version: 2 };
    const url = `${app.url}/api/inngest?fnId=linkedin-share-publish-post&stepId=step`;
    expect((await postToInngest(url, body)).status).toBe(401);
    expect(
      (await postToInngest(url, body, { signingKey: "signkey-prod-00000000000000000000000000000000" }))
        .status,
    ).toBe(401);
    expect((await fetch(`${app.url}/api/inngest`)).status).toBe(401);
  });

  it("never writes a token or secret to its output", async () => {
    const output = app.output.join("");
    expect(output.length).toBeGreaterThan(100);
    for (const [name, value] of Object.entries({ ...SECRETS, ACCESS_TOKEN })) {
      expect(output.includes(value), `${name} appears in the logs`).toBe(false);
    }
    expect(output).not.toContain(SECRETS.INNGEST_SIGNING_KEY.replace(/^signkey-prod-/, ""));
  });

  it("recorded the post as published in the database", async () => {
    if (pgDb) {
      const rows = await pgDb.rows<{ status: string; linkedinUrn: string }>(
        `SELECT status, "linkedinUrn" FROM "Post"`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.status).toBe("published");
      expect(rows[0]?.linkedinUrn).toMatch(/^urn:li:share:/);
      return;
    }
    await app.stop();
    const db = new PGlite({ dataDir: dataDir ?? "" });
    const { rows } = await db.query<{ status: string; linkedinUrn: string }>(
      `SELECT status, "linkedinUrn" FROM "Post"`,
    );
    await db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("published");
    expect(rows[0]?.linkedinUrn).toMatch(/^urn:li:share:/);
  });
});
