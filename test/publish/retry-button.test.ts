// The Retry button on a failed post, clicked through the real receiver (signed block_actions): the
// author or an admin schedules it again for now with a new version; anyone else is refused by the
// server. The new version's run then publishes it, once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Post } from "../../src/generated/prisma/client.js";
import { ACTION } from "../../src/slack/ids.js";
import { eventually } from "../support/app.js";
import { duplicateOf, type Harness, linkedInAnswers, publishEngine, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { ADMIN_SLACK_USER_IDS: "U0ENVADMIN" } });
});
afterAll(() => h.t.stop());
beforeEach(() => {
  h.t.slack.reset();
  h.t.inngestApi.reset();
  h.setNow(Date.now());
});

const failedPost = async (over: Partial<Post> = {}) =>
  h.post(await h.connection(), {
    status: "failed",
    lastError: "LinkedIn had a problem on its side. Please try again in a few minutes.",
    publishAt: new Date(h.now() - 3_600_000),
    eventSentAt: new Date(h.now() - 7_200_000),
    ...over,
  });

const clickRetry = (post: Post, userId: string, teamId = "T0001") => {
  const responseUrl = h.t.slack.responseUrl();
  return {
    responseUrl,
    res: h.t.interact({
      type: "block_actions",
      team: { id: teamId, domain: "acme" },
      user: { id: userId, team_id: teamId },
      channel: { id: "C0CHANNEL", name: "marketing" },
      container: { type: "message", message_ts: post.messageTs, channel_id: "C0CHANNEL" },
      trigger_id: "trigger-retry",
      response_url: responseUrl,
      actions: [{ type: "button", action_id: ACTION.retry, block_id: "b1", value: post.id, action_ts: "1" }],
    }),
  };
};

const answerTo = async (responseUrl: string) => {
  const id = responseUrl.split("/").at(-1);
  const answer = await eventually(() => h.t.slack.responses.find((r) => r.id === id));
  return String(answer.body.text);
};

describe("Retry button", () => {
  it("by the author: schedules the post again for now with a new version, and says so", async () => {
    const post = await failedPost();
    const { res, responseUrl } = clickRetry(post, "U0AUTHOR");

    expect((await res).status).toBe(200);
    expect(await answerTo(responseUrl)).toContain(`Retrying post \`${post.shortId}\` now`);
    const saved = await h.reload(post);
    expect(saved.status).toBe("scheduled");
    expect(saved.version).toBe(2);
    expect(saved.lastError).toBeNull();
    expect(Math.abs(saved.publishAt.getTime() - h.now())).toBeLessThan(1_000);
    expect(saved.eventSentAt).not.toBeNull();
    const [event] = h.t.inngestApi.eventsNamed("post/scheduled");
    expect(event?.id).toBe(`post-${post.id}-v2`);
    expect(event?.data).toMatchObject({ postId: post.id, version: 2, connectionId: post.connectionId });
    const retried = await h.t.db.db.postEvent.findFirst({ where: { postId: post.id, kind: "retried" } });
    expect(retried?.actor).toBe("U0AUTHOR");
    const update = await eventually(() => h.t.slack.callsTo("chat.update")[0]);
    expect(update.args.ts).toBe(post.messageTs);
    expect(JSON.stringify(update.args.blocks)).toContain("LinkedIn post scheduled");
  });

  it.each([
    ["an admin named in ADMIN_SLACK_USER_IDS", "U0ENVADMIN"],
    ["a Slack workspace admin", "U0SLACKADMIN"],
  ])("by %s: works", async (_who, userId) => {
    h.t.slack.users.set("U0SLACKADMIN", { id: "U0SLACKADMIN", is_admin: true });
    const post = await failedPost();
    const { res, responseUrl } = clickRetry(post, userId);

    expect((await res).status).toBe(200);
    expect(await answerTo(responseUrl)).toContain("Retrying post");
    expect((await h.reload(post)).version).toBe(2);
  });

  it("by someone who is neither the author nor an admin: refused on the server, nothing changes", async () => {
    const post = await failedPost();
    const { res, responseUrl } = clickRetry(post, "U0STRANGER");

    expect((await res).status).toBe(200);
    expect(await answerTo(responseUrl)).toContain("Only <@U0AUTHOR> (who wrote it) or an admin can retry");
    const saved = await h.reload(post);
    expect(saved).toMatchObject({ status: "failed", version: 1 });
    expect(h.t.inngestApi.events).toHaveLength(0);
    expect(h.t.slack.callsTo("chat.update")).toHaveLength(0);
  });

  it("from another workspace: finds nothing", async () => {
    const post = await failedPost();
    const { responseUrl } = clickRetry(post, "U0AUTHOR", "T0OTHER");

    expect(await answerTo(responseUrl)).toMatch(/can't find a post/);
    expect((await h.reload(post)).status).toBe("failed");
  });

  it("on a post that is not failed: refused with the reason", async () => {
    const post = await failedPost({ status: "published", lastError: null });
    const { responseUrl } = clickRetry(post, "U0AUTHOR");

    expect(await answerTo(responseUrl)).toContain("is already published on LinkedIn");
    expect((await h.reload(post)).version).toBe(1);
  });

  it("while LinkedIn must be reconnected: refused with what to do", async () => {
    const connection = await h.connection({ status: "needs_reconnect", displayName: "Acme Page" });
    const post = await h.post(connection, { status: "failed", lastError: "LinkedIn no longer accepts…" });
    const { responseUrl } = clickRetry(post, "U0AUTHOR");

    expect(await answerTo(responseUrl)).toMatch(/reconnected for Acme Page.*Home tab/);
    expect((await h.reload(post)).status).toBe("failed");
  });

  it("after an attempt that reached LinkedIn, the retried run records the existing post instead of posting twice", async () => {
    const post = await failedPost({ publishAttemptAt: new Date(h.now() - 3_600_000) });
    const { responseUrl } = clickRetry(post, "U0AUTHOR");
    await answerTo(responseUrl);
    const linkedin = linkedInAnswers(duplicateOf("urn:li:share:7400"));

    const { result } = await publishEngine(h, await h.reload(post)).execute();

    expect(result).toMatchObject({ kind: "published", urn: "urn:li:share:7400", viaDuplicate: true });
    expect(linkedin).toHaveLength(1);
    expect((await h.reload(post)).status).toBe("published");
  });
});
