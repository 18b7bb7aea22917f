// The database: committed migrations match schema.prisma, and every model writes and reads back
// (on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, migrationSql, type TestDb, usingPostgres } from "./support/db.js";

const ROOT = path.resolve(import.meta.dirname, "..");

/** A comparable description of a database's schema, read from the catalog. */
async function describeSchema(db: PGlite): Promise<string> {
  const q = async (sql: string) => JSON.stringify((await db.query(sql)).rows);
  return [
    await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
             FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`),
    await q(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
    await q(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
             WHERE connamespace = 'public'::regnamespace ORDER BY 1`),
    await q(
      `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, e.enumsortorder`,
    ),
  ].join("\n");
}

describe("migrations", () => {
  it("the committed migrations produce exactly the schema in schema.prisma (no drift)", async () => {
    const fromSchema = execFileSync(
      path.join(ROOT, "node_modules/.bin/prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    const expected = new PGlite();
    await expected.exec(fromSchema);
    const actual = new PGlite();
    for (const sql of migrationSql()) await actual.exec(sql);
    expect(await describeSchema(actual)).toEqual(await describeSchema(expected));
    await Promise.all([expected.close(), actual.close()]);
  });
});

describe(`models on ${usingPostgres() ? "PostgreSQL" : "PGlite"}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("writes and reads every model, with relations and UTC instants", async () => {
    const { db } = t;
    const ws = await db.workspace.create({
      data: { slackTeamId: "T1", defaultChannelId: "C1", adminUserIds: ["U9"] },
    });
    const conn = await db.linkedInConnection.create({
      data: {
        workspaceId: ws.id,
        authorUrn: "urn:li:person:abc",
        displayName: "Ada Lovelace",
        accessTokenEnc: "v1.iv.tag.ct",
        accessTokenExpiresAt: new Date("2027-02-01T00:00:00Z"),
        connectedByUserId: "U1",
      },
    });
    const publishAt = new Date("2026-12-24T15:30:00.123Z");
    const post = await db.post.create({
      data: {
        shortId: "abc123",
        workspaceId: ws.id,
        connectionId: conn.id,
        authorUserId: "U1",
        channelId: "C1",
        text: "Hello (world) #launch",
        publishAt,
        timeZone: "America/New_York",
        whenText: "Dec 24 10:30am",
      },
    });
    await db.postEvent.create({
      data: { postId: post.id, actor: "U1", kind: "scheduled", detail: { version: 1 } },
    });
    await db.oAuthState.create({
      data: {
        id: "h".repeat(64),
        workspaceId: ws.id,
        slackUserId: "U1",
        expiresAt: new Date("2026-12-04T21:00:00Z"),
      },
    });

    const read = await db.post.findUniqueOrThrow({
      where: { id: post.id },
      include: { connection: true, events: true, workspace: true },
    });
    expect(read.status).toBe("scheduled");
    expect(read.version).toBe(1);
    expect(read.publishAt.toISOString()).toBe("2026-12-24T15:30:00.123Z");
    expect(read.connection?.displayName).toBe("Ada Lovelace");
    expect(read.connection?.status).toBe("active");
    expect(read.events.map((e) => [e.kind, e.detail])).toEqual([["scheduled", { version: 1 }]]);
    expect(read.workspace.adminUserIds).toEqual(["U9"]);
    expect(await db.oAuthState.count()).toBe(1);
  });

  it("enforces the uniqueness the app relies on", async () => {
    const { db } = t;
    const ws = await db.workspace.create({ data: { slackTeamId: "T2" } });
    const base = {
      workspaceId: ws.id,
      authorUserId: "U1",
      channelId: "C1",
      text: "x",
      publishAt: new Date(),
      timeZone: "UTC",
      whenText: "now",
    };
    await db.post.create({ data: { ...base, shortId: "dup1", submissionKey: "view-1" } });
    await expect(
      db.post.create({ data: { ...base, shortId: "dup2", submissionKey: "view-1" } }),
    ).rejects.toThrow();
    await expect(db.workspace.create({ data: { slackTeamId: "T2" } })).rejects.toThrow();
  });
});
