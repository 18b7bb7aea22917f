// One Prisma client per process: PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set,
// otherwise the embedded PGlite database (real PostgreSQL compiled to WebAssembly) in a local folder.
import { mkdirSync } from "node:fs";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client.js";

export type Db = PrismaClient;

export type DbHandle = {
  db: Db;
  kind: "postgres" | "pglite";
  /** Closes the client and, for PGlite, the embedded database. */
  close(): Promise<void>;
};

export function openDatabase(opts: {
  databaseUrl?: string;
  pgliteDataDir: string;
  onIdleError?: (err: Error) => void;
}): DbHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, connectionTimeoutMillis: 5_000, max: 10 });
    // An idle connection the server closed (restart, failover) is an event, not a crash: the pool
    // replaces it, and requests meanwhile get a clear "database didn't answer" message.
    pool.on("error", (err) => opts.onIdleError?.(err));
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      db,
      kind: "postgres",
      close: async () => {
        await db.$disconnect();
        await pool.end().catch(() => {});
      },
    };
  }
  mkdirSync(opts.pgliteDataDir, { recursive: true });
  const pglite = new PGlite({ dataDir: opts.pgliteDataDir });
  return fromPGlite(pglite);
}

/**
 * PGlite runs PostgreSQL inside this thread, and its answers arrive as promise continuations: a chain
 * of queries never hands the event loop back to waiting HTTP requests, so Slack's acknowledgements
 * could wait behind a burst of database work. Each top-level query first yields to the event loop.
 */
export function yieldingPGlite(pglite: PGlite): PGlite {
  const yielding = new Set<PropertyKey>(["query", "exec", "transaction"]);
  return new Proxy(pglite, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== "function") return value;
      const bound = (value as (...args: unknown[]) => unknown).bind(target);
      if (!yielding.has(prop)) return bound;
      return async (...args: unknown[]) => {
        await yieldToEventLoop();
        return bound(...args);
      };
    },
  });
}

export function fromPGlite(pglite: PGlite): DbHandle {
  const db = new PrismaClient({ adapter: new PrismaPGlite(yieldingPGlite(pglite)) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function pingDatabase(db: Db, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const ping = db.$queryRaw`SELECT 1`.then(() => true as const);
    return await Promise.race([ping, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
