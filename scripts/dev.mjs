#!/usr/bin/env node
// `npm run dev`: applies migrations to the embedded database, starts the app with live reload and
// the Inngest dev server alongside. Where the dev server cannot start (no internet to fetch it),
// the app still runs and says how to start it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (existsSync(".env")) process.loadEnvFile(".env");
process.env.INNGEST_DEV ??= "1";
process.env.NODE_ENV ??= "development";
const port = process.env.PORT ?? "3000";
const children = [];
const log = (msg) => process.stdout.write(`[dev] ${msg}\n`);

if (!process.env.DATABASE_URL) {
  log("applying migrations to the embedded PGlite database (.data/pglite)…");
  const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (migrate.status !== 0) {
    log("prisma migrate deploy failed; see the error above");
    process.exit(migrate.status ?? 1);
  }
}

if (process.env.SKIP_INNGEST_DEV_SERVER !== "1") {
  const url = `http://localhost:${port}/api/inngest`;
  const devServer = spawn("npx", ["--yes", "inngest-cli@latest", "dev", "-u", url], {
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let errors = "";
  devServer.stderr.on("data", (chunk) => {
    errors += chunk;
  });
  devServer.on("exit", (code) => {
    if (code !== 0 && code !== null) {
      const reason = errors.trim().split("\n").pop() || `exit code ${code}`;
      log(`the Inngest dev server could not start (${reason}).`);
      log(`the app still runs; start the dev server yourself: npx inngest-cli@latest dev -u ${url}`);
      log("or with Docker: docker compose up inngest");
    }
  });
  devServer.on("error", () =>
    log(`could not run npx inngest-cli; start it yourself: npx inngest-cli@latest dev -u ${url}`),
  );
  children.push(devServer);
  log(`Inngest dev server starting at http://localhost:8288 (syncing ${url})`);
}

const app = spawn("node_modules/.bin/tsx", ["watch", "--clear-screen=false", "src/main.ts"], {
  stdio: "inherit",
  detached: true,
});
children.push(app);
const stop = () => {
  // Each child leads its own process group: end the whole group (npx, tsx watch and the app).
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
app.on("exit", (code) => {
  stop();
  process.exit(code ?? 0);
});
