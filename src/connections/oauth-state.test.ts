import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/support/db.js";
import { makeWorkspace } from "../../test/support/factories.js";
import { consumeOAuthState, createOAuthState, hashState } from "./oauth-state.js";

describe("OAuth state", () => {
  let db: TestDb;
  let now = new Date("2026-12-04T15:00:00Z");
  const deps = () => ({ db: db.db, clock: () => now });
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it("is accepted once, by exactly one of two concurrent callbacks", async () => {
    const ws = await makeWorkspace(db.db);
    const state = await createOAuthState(deps(), { workspaceId: ws.id, slackUserId: "U1" });
    expect(await db.db.oAuthState.findUnique({ where: { id: hashState(state) } })).not.toBeNull();
    const results = await Promise.all([consumeOAuthState(deps(), state), consumeOAuthState(deps(), state)]);
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, workspaceId: ws.id, slackUserId: "U1" }]);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "reused" }]);
  });

  it("expires after 10 minutes and is unknown when never issued", async () => {
    const ws = await makeWorkspace(db.db);
    const state = await createOAuthState(deps(), { workspaceId: ws.id, slackUserId: "U1" });
    now = new Date(now.getTime() + 10 * 60_000);
    expect(await consumeOAuthState(deps(), state)).toEqual({ ok: false, reason: "expired" });
    expect(await consumeOAuthState(deps(), "A".repeat(43))).toEqual({ ok: false, reason: "unknown" });
    expect(await consumeOAuthState(deps(), "short")).toEqual({ ok: false, reason: "unknown" });
  });
});
