// A fresh database per test file, built from the committed migration SQL:
// embedded PGlite by default, a new database on real PostgreSQL when TEST_DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type DbHandle, fromPGlite, openDatabase } from "../../src/db.js";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The committed migrations' SQL, in order. */
export function migrationSql(): string[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
}

export type TestDb = DbHandle & {
  /** Runs raw SQL (several statements allowed) against the same database. */
  exec(sql: string): Promise<void>;
  /** Raw rows, bypassing Prisma: for checking what is really stored. */
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Makes the database unreachable (for 503 and failure tests). */
  breakConnection(): Promise<void>;
  url?: string;
};

export const usingPostgres = () => Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDb(): Promise<TestDb> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const pglite = new PGlite();
    for (const sql of migrationSql()) await pglite.exec(sql);
    const handle = fromPGlite(pglite);
    return {
      ...handle,
      exec: async (sql) => {
        await pglite.exec(sql);
      },
      rows: async <T>(sql: string) => (await pglite.query<T>(sql)).rows,
      breakConnection: async () => {
        await pglite.close();
      },
    };
  }
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const raw = new pg.Pool({ connectionString: url.toString(), max: 2 });
  raw.on("error", () => {});
  for (const sql of migrationSql()) await raw.query(sql);
  const handle = openDatabase({ databaseUrl: url.toString(), pgliteDataDir: "", onIdleError: () => {} });
  let broken = false;
  return {
    ...handle,
    url: url.toString(),
    exec: async (sql) => {
      await raw.query(sql);
    },
    rows: async <T>(sql: string) => (await raw.query(sql)).rows as T[],
    breakConnection: async () => {
      broken = true;
      // From the server's maintenance database: forbid new connections, end the open ones.
      const killer = new pg.Client({ connectionString: adminUrl });
      await killer.connect();
      await killer.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await killer.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      await killer.end();
    },
    close: async () => {
      await handle.close().catch(() => {});
      await raw.end().catch(() => {});
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      if (broken) await dropper.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => {});
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await dropper.end();
    },
  };
}
