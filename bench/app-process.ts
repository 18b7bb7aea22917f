// Starts the app (or the bare Bolt baseline) as its own process, as in production, on an embedded
// database prepared from the committed migrations.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createTokenCipher } from "../src/crypto/token-cipher.js";
import { TEAM_ID, TEST_ENCRYPTION_KEY } from "../test/support/app.js";
import { migrationSql } from "../test/support/db.js";

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

/** A PGlite data folder with the schema, a workspace and an active LinkedIn connection. */
export async function prepareEmbeddedDb(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "bench-pglite-"));
  const db = new PGlite({ dataDir: dir });
  for (const sql of migrationSql()) await db.exec(sql);
  const token = createTokenCipher(TEST_ENCRYPTION_KEY).encrypt("bench-access-token");
  await db.query(
    `INSERT INTO "Workspace" (id, "slackTeamId", "updatedAt") VALUES ('00000000-0000-4000-8000-000000000001', $1, now())`,
    [TEAM_ID],
  );
  await db.query(
    `INSERT INTO "LinkedInConnection" (id, "workspaceId", "authorUrn", "displayName", "accessTokenEnc", "accessTokenExpiresAt", "connectedByUserId", "updatedAt")
     VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'urn:li:person:bench', 'Bench', $1, now() + interval '50 days', 'U0ADMIN', now())`,
    [token],
  );
  await db.close();
  return dir;
}

export type Proc = { url: string; child: ChildProcess; rssMb(): number; stop(): Promise<void> };

export async function startProcess(script: string, env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      TZ: "UTC",
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
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
