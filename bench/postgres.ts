// A throwaway PostgreSQL server for the benchmark, from the machine's Debian packages when they are
// installed (CI installs them): production runs on PostgreSQL, so that is what the figures describe.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, seedDatabase } from "../test/support/app-process.js";

export type BenchPostgres = { url: string; stop(): void };

function pgBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, "bin");
    if (existsSync(path.join(bin, "initdb"))) return bin;
  }
  return undefined;
}

export async function startBenchPostgres(): Promise<BenchPostgres | undefined> {
  const bin = pgBin();
  if (!bin) return undefined;
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "bench-pg-"));
  const run = (cmd: string, args: string[]) => {
    if (asRoot) {
      chownSync(
        dir,
        Number(execFileSync("id", ["-u", "postgres"]).toString()),
        Number(execFileSync("id", ["-g", "postgres"]).toString()),
      );
      const quoted = [cmd, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
      return spawnSync("su", ["postgres", "-s", "/bin/bash", "-c", quoted], { stdio: "ignore" });
    }
    return spawnSync(cmd, args, { stdio: "ignore" });
  };
  const port = await freePort();
  if (run(path.join(bin, "initdb"), ["-D", dir, "-A", "trust", "-U", "postgres", "--no-sync"]).status !== 0)
    return undefined;
  const started = run(path.join(bin, "pg_ctl"), [
    "-D",
    dir,
    "-w",
    "-o",
    `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`,
    "-l",
    path.join(dir, "log"),
    "start",
  ]);
  if (started.status !== 0) return undefined;
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await seedDatabase((sql, params) => client.query(sql, params));
  await client.end();
  return {
    url,
    stop: () => {
      run(path.join(bin, "pg_ctl"), ["-D", dir, "-m", "immediate", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
