// Home view speed: an admin's Home tab (all its queries and blocks, not the Slack call) in a workspace
// with 10,000 posts, on a fresh embedded PGlite database. Called by the bench runner; prints nothing.
import { loadEnv } from "../src/env.js";
import { buildHomeFor } from "../src/home/refresh-home.js";
import type { UserDirectory } from "../src/slack/user-directory.js";
import { createTestDb } from "../test/support/db.js";

const POSTS = 10_000;
const WARMUP = 3;
const RUNS = 15;
const TEAM_ID = "TBENCH";
const ADMIN = "UBENCH00";

const users: UserDirectory = {
  get: async (id) => ({ id, name: id, timeZone: "America/New_York", isWorkspaceAdmin: id === ADMIN }),
  forget: () => {},
};

async function seed(exec: (sql: string) => Promise<void>): Promise<void> {
  const ws = "00000000-0000-4000-8000-00000000be00";
  await exec(`
    insert into "Workspace" (id, "slackTeamId", "updatedAt") values ('${ws}', '${TEAM_ID}', now());
    insert into "LinkedInConnection" (id, "workspaceId", kind, "authorUrn", "displayName", "accessTokenEnc",
      "accessTokenExpiresAt", "connectedByUserId", scopes, "updatedAt")
    select ('00000000-0000-4000-8000-0000000c000' || g)::uuid, '${ws}', 'member', 'urn:li:person:bench' || g,
      'Member ' || g, 'v1.x.y.z', now() + (g * 20 || ' days')::interval, '${ADMIN}', 'openid profile w_member_social', now()
    from generate_series(1, 3) g;
    insert into "Post" (id, "shortId", "workspaceId", "connectionId", "authorUserId", "channelId", text,
      "publishAt", "timeZone", "whenText", status, "lastError", "linkedinUrl", "publishedAt", "updatedAt")
    select gen_random_uuid(), 'b' || g, '${ws}', ('00000000-0000-4000-8000-0000000c000' || (g % 3 + 1))::uuid,
      'UBENCH' || lpad((g % 20)::text, 2, '0'), 'C0BENCH',
      'Benchmark post number ' || g || ' with a little more text to look like a real LinkedIn post (and a #tag).',
      now() + ((g % 2000) - 600 || ' hours')::interval, 'America/New_York', 'later',
      (case when g % 20 < 14 then 'scheduled' when g % 20 < 17 then 'published' when g % 20 < 19 then 'failed' else 'cancelled' end)::"PostStatus",
      case when g % 20 in (17, 18) then 'LinkedIn refused the post' end,
      case when g % 20 in (14, 15, 16) then 'https://www.linkedin.com/feed/update/urn:li:share:' || g || '/' end,
      case when g % 20 in (14, 15, 16) then now() - interval '1 day' end,
      now()
    from generate_series(1, ${POSTS}) g;
    analyze;
  `);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export async function benchHomeRender(): Promise<{ home_render_ms_10k: number }> {
  const db = await createTestDb();
  try {
    await seed(db.exec);
    const env = loadEnv({
      NODE_ENV: "test",
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: "bench",
      INNGEST_DEV: "1",
      LINKEDIN_CLIENT_ID: "bench",
      LINKEDIN_CLIENT_SECRET: "bench",
    });
    const deps = { db: db.db, users, env, clock: () => new Date() };
    const times: number[] = [];
    let blocks = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const started = performance.now();
      const view = await buildHomeFor(deps, TEAM_ID, ADMIN);
      const elapsed = performance.now() - started;
      blocks = view.blocks.length;
      if (i >= WARMUP) times.push(elapsed);
    }
    if (blocks === 0 || blocks > 100) throw new Error(`unexpected Home view size: ${blocks} blocks`);
    return { home_render_ms_10k: Math.round(median(times) * 10) / 10 };
  } finally {
    await db.close();
  }
}
