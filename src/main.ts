// Composition root: load env → db → inngest → slack app → listen.

import { buildApplication } from "./container.js";
import { openDatabase, pingDatabase } from "./db.js";
import { type Env, EnvError, loadEnv } from "./env.js";
import { createLogger } from "./logger.js";
import { checkSlackToken } from "./slack/app.js";

function readEnv(): Env {
  try {
    return loadEnv();
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

async function main() {
  const env = readEnv();
  const logger = createLogger({ level: env.LOG_LEVEL });
  const handle = openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    onIdleError: (err) => logger.warn({ err }, "an idle database connection was closed by the server"),
  });
  const app = buildApplication({ env, db: handle.db, logger });
  // Open the database before taking traffic, so the first requests do not pay for it.
  if (!(await pingDatabase(handle.db, 30_000))) {
    logger.warn({ database: handle.kind }, "the database did not answer at start-up; /healthz will say so");
  }
  const port = await app.start();
  logger.info(
    {
      port,
      database: handle.kind,
      slack: env.SLACK_APP_TOKEN ? "socket-mode" : "http",
      inngest: env.inngestDev ? "dev" : "cloud",
    },
    "app listening",
  );
  if (env.inngestDev) {
    logger.info(
      { inngestUrl: `http://localhost:${port}/api/inngest` },
      "Inngest dev mode: start the dev server with `npx inngest-cli@latest dev -u http://localhost:%d/api/inngest` if it is not running",
      port,
    );
  }
  void checkSlackToken(app.deps.slack).then((problem) => {
    if (problem)
      logger.warn({ problem }, "Slack token check failed; Slack requests will fail until it is fixed");
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await app.stop().catch(() => {});
    // Finish the work of requests already acknowledged (saving posts, confirmations) first.
    const drained = await app.deps.background.drain(20_000);
    if (!drained) logger.warn({}, "shutting down with acknowledged Slack requests still unfinished");
    await handle.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
}

main().catch((err: unknown) => {
  process.stderr.write(`Fatal: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
