// Starts the app (or the bare Bolt baseline) as its own process, as in production, on an embedded
// database prepared from the committed migrations. Used by the end-to-end tests and the benchmark.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createTokenCipher } from "../../src/crypto/token-cipher.js";
import { TEAM_ID, TEST_ENCRYPTION_KEY } from "./app.js";
import { migrationSql } from "./db.js";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/** The schema, a workspace and an active LinkedIn connection, written with raw SQL. */
export async function seedDatabase(query: Query, accessToken = "bench-access-token"): Promise<void> {
  for (const sql of migrationSql()) await query(sql);
  const token = createTokenCipher(TEST_ENCRYPTION_KEY).encrypt(accessToken);
  await query(
    `INSERT INTO "Workspace" (id, "slackTeamId", "updatedAt") VALUES ('00000000-0000-4000-8000-000000000001', $1, now())`,
    [TEAM_ID],
  );
  await query(
    `INSERT INTO "LinkedInConnection" (id, "workspaceId", "authorUrn", "displayName", "accessTokenEnc", "accessTokenExpiresAt", "connectedByUserId", "updatedAt")
     VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'urn:li:person:bench', 'Bench', $1, now() + interval '50 days', 'U0ADMIN', now())`,
    [token],
  );
}

/** A PGlite data folder holding `seedDatabase`. */
export async function prepareEmbeddedDb(accessToken?: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "app-pglite-"));
  const db = new PGlite({ dataDir: dir });
  await seedDatabase((sql, params) => (params ? db.query(sql, params) : db.exec(sql)), accessToken);
  await db.close();
  return dir;
}

/** The node flags `npm start` uses (package.json), with `${VAR:-default}` read as its default. */
export function startNodeArgs(): string[] {
  const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const words = pkg.scripts.start.replace(/\$\{\w+:-([^}]*)\}/g, "$1").split(/\s+/);
  return words.slice(1).filter((w) => w.startsWith("--"));
}

export type Proc = {
  url: string;
  child: ChildProcess;
  output: string[];
  rssMb(): number;
  stop(): Promise<void>;
};

/**
 * Starts `script` as its own process: a .ts file through tsx, a built .js file with plain node (as
 * `npm start` does). Everything it prints is kept in `output`.
 */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<Proc> {
  const port = await freePort();
  const args = [...nodeArgs, ...(script.endsWith(".ts") ? ["--import", "tsx", script] : [script])];
  const child = spawn(process.execPath, args, {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      TZ: "UTC",
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${script} exited with ${child.exitCode}: ${output.join("")}`);
    try {
      const res = await fetch(`${url}/slack/events`, { method: "POST", body: "" });
      if (res.status > 0) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${script} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return Math.round((kb / 1024) * 10) / 10;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
