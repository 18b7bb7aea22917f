// Acknowledgement latency of /share schedule over HTTP: the app runs as its own process (embedded
// database, Slack and Inngest's event API faked on loopback) and receives signed commands; a bare
// Bolt app answering a trivial command is measured the same way in the same run.
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { TEST_BOT_TOKEN, TEST_ENCRYPTION_KEY, TEST_SIGNING_SECRET } from "../test/support/app.js";
import { prepareEmbeddedDb, startNodeArgs, startProcess } from "../test/support/app-process.js";
import { startFakeInngest } from "../test/support/fake-inngest.js";
import { startFakeSlack } from "../test/support/fake-slack.js";
import type { LoadJob } from "./load-worker.js";
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

/** Runs one load job in a worker thread and returns its sorted latencies. */
function load(job: LoadJob): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: job });
    worker.once("message", (msg: { times?: number[]; error?: string }) => {
      void worker.terminate();
      if (msg.times) resolve(msg.times);
      else reject(new Error(msg.error ?? "load worker failed"));
    });
    worker.once("error", reject);
  });
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
  // The built app, as `npm start` runs it in production.
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    stdio: "inherit",
  });
  const app = await startProcess(
    "dist/main.js",
    {
      ...common,
      NODE_ENV: "production",
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      TOKEN_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      INNGEST_DEV: inngest.url,
      ...(postgres ? { DATABASE_URL: postgres.url } : { PGLITE_DATA_DIR: dataDir ?? "" }),
      LOG_LEVEL: "warn",
    },
    startNodeArgs(),
  );
  const bare = await startProcess("bench/bare-bolt.ts", common);
  try {
    const appUrl = `${app.url}/slack/events`;
    const bareUrl = `${bare.url}/slack/events`;
    const job = (
      url: string,
      total: number,
      concurrency: number,
      firstIndex: number,
      text: string,
    ): LoadJob => ({
      url,
      secret: TEST_SIGNING_SECRET,
      responseUrlBase: `${slack.url}/response/`,
      total,
      concurrency,
      firstIndex,
      text,
    });
    // Warm up both servers (JIT, connection pools, the users.info cache).
    await load(job(appUrl, 40, 10, 0, "schedule in 2 hours | Warm-up {i}"));
    await load(job(bareUrl, 40, 10, 0, "schedule in 2 hours | Warm-up {i}"));
    await waitFor(() => slack.responses.length >= 40);
    const rssIdle = app.rssMb();

    const appC1 = await load(job(appUrl, c1, 1, 40, "schedule tomorrow 9am | Post number {i}"));
    await waitFor(() => slack.responses.length >= 40 + c1);
    const bareC50 = await load(job(bareUrl, c50, 50, 0, "schedule tomorrow 9am | x"));
    const appC50 = await load(job(appUrl, c50, 50, 40 + c1, "schedule tomorrow 9am | Load post {i}"));
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
