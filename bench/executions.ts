// Inngest executions per published post, counted from a real run: the real app (database, Slack and
// Inngest's event API faked on loopback, LinkedIn faked on loopback) serves /api/inngest, and the
// executor is played over HTTP exactly as Inngest calls it (test/support/inngest-executor.ts).
// One execution for the run plus one per step it reports (sleeps included). Called by the bench runner.
import { INNGEST_APP_ID } from "../src/inngest/client.js";
import { scheduledEventId } from "../src/inngest/events.js";
import { PUBLISH_POST_ID, PUBLISH_RETRIES } from "../src/inngest/functions/publish-post.js";
import { startTestApp } from "../test/support/app.js";
import { makeConnection, makePost, makeWorkspace } from "../test/support/factories.js";
import { startFakeLinkedIn } from "../test/support/fake-linkedin.js";
import { executeRun } from "../test/support/inngest-executor.js";

export async function benchExecutionsPerPost(): Promise<{ executions_per_post: number }> {
  const linkedin = await startFakeLinkedIn();
  const t = await startTestApp({ env: { LINKEDIN_API_URL: linkedin.url, LOG_LEVEL: "silent" } });
  try {
    const db = t.db.db;
    const workspace = await makeWorkspace(db);
    const connection = await makeConnection(db, workspace);
    // The event's `ts` starts the run at publishAt, so the run begins when the post is due.
    const post = await makePost(db, workspace, connection, { publishAt: new Date(Date.now() - 1_000) });
    const run = await executeRun({
      url: t.url,
      fnId: `${INNGEST_APP_ID}-${PUBLISH_POST_ID}`,
      maxAttempts: PUBLISH_RETRIES + 1,
      event: {
        name: "post/scheduled",
        id: scheduledEventId(post.id, post.version),
        data: {
          postId: post.id,
          version: post.version,
          publishAt: post.publishAt.toISOString(),
          connectionId: connection.id,
        },
      },
    });
    const saved = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    if (run.status !== "completed" || saved.status !== "published" || linkedin.requests.length !== 1) {
      throw new Error(
        `bench: the publish run did not publish exactly once (run ${run.status}, post ${saved.status}, ${linkedin.requests.length} LinkedIn calls)`,
      );
    }
    return { executions_per_post: run.executions };
  } finally {
    await t.stop();
    await linkedin.close();
  }
}
