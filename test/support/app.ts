// Starts the real application (real Bolt receiver, real Inngest SDK, real database) on a loopback
// port, with Slack and Inngest's event API replaced by loopback fakes.
import { Writable } from "node:stream";
import { type Application, buildApplication, type Clock } from "../../src/container.js";
import { type Env, loadEnv } from "../../src/env.js";
import { createLogger } from "../../src/logger.js";
import { createTestDb, type TestDb } from "./db.js";
import { type FakeInngest, startFakeInngest } from "./fake-inngest.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { postEvent, postForm, postInteraction } from "./slack-signing.js";

export const TEST_SIGNING_SECRET = "test-signing-secret-0123456789";
export const TEST_BOT_TOKEN = "xoxb-test-bot-token-0123456789";
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
export const TEAM_ID = "T0001";

export type TestApp = {
  url: string;
  app: Application;
  env: Env;
  db: TestDb;
  slack: FakeSlack;
  inngestApi: FakeInngest;
  logs: string[];
  /** Sends a signed slash command: `/share <text>` by default. */
  command(text: string, fields?: Record<string, string>): ReturnType<typeof postForm>;
  /** Sends a signed interactivity payload. */
  interact(payload: Record<string, unknown>): ReturnType<typeof postInteraction>;
  /** Sends a signed Events API event. */
  event(event: Record<string, unknown>): ReturnType<typeof postEvent>;
  stop(): Promise<void>;
};

export type TestAppOptions = {
  env?: Record<string, string | undefined>;
  /** Answers of the fake Slack Web API that must be in place before the app starts. */
  slackHandlers?: Record<string, (args: Record<string, unknown>) => Record<string, unknown>>;
  clock?: Clock;
  db?: TestDb;
};

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const [db, slack, inngestApi] = await Promise.all([
    opts.db ? Promise.resolve(opts.db) : createTestDb(),
    startFakeSlack(),
    startFakeInngest(),
  ]);
  for (const [method, handler] of Object.entries(opts.slackHandlers ?? {})) slack.on(method, handler);
  const env = loadEnv({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "info",
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    LINKEDIN_CLIENT_ID: "li-client-id",
    LINKEDIN_CLIENT_SECRET: "li-client-secret-0123456789",
    LINKEDIN_API_URL: "https://api.linkedin.test",
    LINKEDIN_OAUTH_URL: "https://www.linkedin.test/oauth/v2",
    PUBLIC_URL: "https://share.example.test",
    TOKEN_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    INNGEST_DEV: inngestApi.url,
    ...opts.env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const logger = createLogger({ level: env.LOG_LEVEL, destination: sink });
  const app = buildApplication({ env, db: db.db, logger, ...(opts.clock ? { clock: opts.clock } : {}) });
  const port = await app.start();
  const url = `http://127.0.0.1:${port}`;
  const events = `${url}/slack/events`;
  const sign = { secret: TEST_SIGNING_SECRET };
  return {
    url,
    app,
    env,
    db,
    slack,
    inngestApi,
    logs,
    command: (text, fields = {}) =>
      postForm(
        events,
        {
          token: "legacy-verification-token",
          team_id: TEAM_ID,
          team_domain: "acme",
          channel_id: "C0CHANNEL",
          channel_name: "marketing",
          user_id: "U0AUTHOR",
          user_name: "author",
          command: "/share",
          text,
          api_app_id: "A0APP",
          is_enterprise_install: "false",
          response_url: slack.responseUrl(),
          trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
          ...fields,
        },
        sign,
      ),
    interact: (payload) =>
      postInteraction(
        events,
        { team: { id: TEAM_ID, domain: "acme" }, api_app_id: "A0APP", token: "legacy", ...payload },
        sign,
      ),
    event: (event) =>
      postEvent(
        events,
        {
          token: "legacy",
          team_id: TEAM_ID,
          api_app_id: "A0APP",
          type: "event_callback",
          event_id: `Ev${Math.random().toString(36).slice(2)}`,
          event_time: Math.floor(Date.now() / 1000),
          event,
        },
        sign,
      ),
    stop: async () => {
      await app.stop().catch(() => {});
      // As main.ts does on SIGTERM: finish the acknowledged work before closing the database.
      await app.deps.background.drain(120_000);
      await Promise.all([slack.close(), inngestApi.close()]);
      if (!opts.db) await db.close();
    },
  };
}

/** Waits until `check` returns a truthy value (polling), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw last instanceof Error ? last : new Error("condition not met in time");
}
