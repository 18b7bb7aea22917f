// Acknowledgement latency of /share schedule over HTTP: the app runs as its own process (embedded
// database, Slack and Inngest's event API faked on loopback) and receives signed commands; a bare
// Bolt app answering a trivial command is measured the same way in the same run.
import { rm } from "node:fs/promises";
import { TEST_BOT_TOKEN, TEST_ENCRYPTION_KEY, TEST_SIGNING_SECRET } from "../test/support/app.js";
import { prepareEmbeddedDb, startProcess } from "../test/support/app-process.js";
import { startFakeInngest } from "../test/support/fake-inngest.js";
import { startFakeSlack } from "../test/support/fake-slack.js";
import { postForm } from "../test/support/slack-signing.js";
import { startBenchPostgres } from "./postgres.js";

export type LatencyFigures = {
  ack_p50_ms_c1: number;
  ack_p99_ms_c1: number;
  ack_p50_ms_c50: number;
  ack_p99_ms_c50: number;
  ack_p50_ms_c50_bare_bolt: number;
  ack_p99_ms_c50_bare_bolt: number;
  rss_mb_idle: number;
  rss_mb_after_load: number;
  posts_created: number;
  /** 1 when measured on PostgreSQL, 0 on the embedded PGlite database. */
  database_postgres: number;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);
const round = (n: number) => Math.round(n * 10) / 10;

async function load(
  send: (i: number) => Promise<{ status: number; ms: number }>,
  total: number,
  concurrency: number,
): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const res = await send(i);
      if (res.status !== 200) throw new Error(`request ${i} answered ${res.status}`);
      times.push(res.ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times.sort((a, b) => a - b);
}

export async function benchAckLatency(
  opts: { c1Requests?: number; c50Requests?: number } = {},
): Promise<LatencyFigures> {
  const c1 = opts.c1Requests ?? 100;
  const c50 = opts.c50Requests ?? 500;
  const [slack, inngest, postgres] = await Promise.all([
    startFakeSlack(),
    startFakeInngest(),
    startBenchPostgres(),
  ]);
  // PostgreSQL as in production when the machine has it; otherwise the embedded database.
  const dataDir = postgres ? undefined : await prepareEmbeddedDb();
  const common = { SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl };
  const app = await startProcess("src/main.ts", {
    ...common,
    NODE_ENV: "production",
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    TOKEN_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    INNGEST_DEV: inngest.url,
    ...(postgres ? { DATABASE_URL: postgres.url } : { PGLITE_DATA_DIR: dataDir ?? "" }),
    LOG_LEVEL: "warn",
  });
  const bare = await startProcess("bench/bare-bolt.ts", common);
  try {
    const sign = { secret: TEST_SIGNING_SECRET };
    const fields = (i: number, text: string) => ({
      team_id: "T0001",
      channel_id: "C0CHANNEL",
      user_id: `U0BENCH${i % 20}`,
      command: "/share",
      text,
      response_url: slack.responseUrl(`bench-${i}`),
      trigger_id: `bench-trigger-${i}-${Math.random()}`,
    });
    const appUrl = `${app.url}/slack/events`;
    const bareUrl = `${bare.url}/slack/events`;
    // Warm up both servers (JIT, connection pools, the users.info cache).
    await load((i) => postForm(appUrl, fields(i, "schedule in 2 hours | Warm-up"), sign), 40, 10);
    await load((i) => postForm(bareUrl, fields(i, "schedule in 2 hours | Warm-up"), sign), 40, 10);
    await waitFor(() => slack.responses.length >= 40);
    const rssIdle = app.rssMb();

    const appC1 = await load(
      (i) => postForm(appUrl, fields(i, `schedule tomorrow 9am | Post number ${i}`), sign),
      c1,
      1,
    );
    await waitFor(() => slack.responses.length >= 40 + c1);
    const bareC50 = await load(
      (i) => postForm(bareUrl, fields(i, "schedule tomorrow 9am | x"), sign),
      c50,
      50,
    );
    const appC50 = await load(
      (i) => postForm(appUrl, fields(c1 + i, `schedule tomorrow 9am | Load post ${i}`), sign),
      c50,
      50,
    );
    // Let the work that follows each acknowledgement finish: every command gets its answer.
    await waitFor(() => slack.responses.length >= 40 + c1 + c50, 120_000);
    const scheduled = slack.responses.filter((r) => String(r.body.text).includes("Scheduled")).length;
    return {
      ack_p50_ms_c1: round(percentile(appC1, 50)),
      ack_p99_ms_c1: round(percentile(appC1, 99)),
      ack_p50_ms_c50: round(percentile(appC50, 50)),
      ack_p99_ms_c50: round(percentile(appC50, 99)),
      ack_p50_ms_c50_bare_bolt: round(percentile(bareC50, 50)),
      ack_p99_ms_c50_bare_bolt: round(percentile(bareC50, 99)),
      rss_mb_idle: rssIdle,
      rss_mb_after_load: app.rssMb(),
      posts_created: scheduled,
      database_postgres: postgres ? 1 : 0,
    };
  } finally {
    await Promise.all([app.stop(), bare.stop()]);
    await Promise.all([slack.close(), inngest.close()]);
    postgres?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

async function waitFor(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}
