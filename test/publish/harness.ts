// Shared set-up for the publish tests: the real app with a movable clock, LinkedIn on nock at
// https://api.linkedin.test (LINKEDIN_API_URL in the test app), test data, and a fresh
// @inngest/test engine per run (apis.md §4: engines leak memoized state; every sleep is mocked).
import { InngestTestEngine } from "@inngest/test";
import nock from "nock";
import type { LinkedInConnection, Post, Workspace } from "../../src/generated/prisma/client.js";
import { INNGEST_APP_ID } from "../../src/inngest/client.js";
import { scheduledEventId } from "../../src/inngest/events.js";
import {
  createPublishPost,
  MAX_EARLY_WAKES,
  PUBLISH_POST_ID,
  type PublishPostOptions,
  sleepStepId,
} from "../../src/inngest/functions/publish-post.js";
import { startTestApp, type TestApp, type TestAppOptions } from "../support/app.js";
import { makeConnection, makePost, makeWorkspace } from "../support/factories.js";

export const LINKEDIN_API = "https://api.linkedin.test";
export const PUBLISH_FN_ID = `${INNGEST_APP_ID}-${PUBLISH_POST_ID}`;

export type Harness = {
  t: TestApp;
  /** Milliseconds since the epoch the app believes it is. */
  now(): number;
  setNow(ms: number): void;
  workspace(): Promise<Workspace>;
  connection(over?: Parameters<typeof makeConnection>[2]): Promise<LinkedInConnection>;
  /** A post due one second ago (the run starts at publishAt). */
  post(connection: LinkedInConnection | null, over?: Partial<Post>): Promise<Post>;
  reload(post: Post): Promise<Post>;
};

export async function startHarness(opts: TestAppOptions = {}): Promise<Harness> {
  let now = Date.now();
  const t = await startTestApp({ ...opts, clock: () => new Date(now) });
  const workspace = () => makeWorkspace(t.db.db);
  return {
    t,
    now: () => now,
    setNow: (ms) => {
      now = ms;
    },
    workspace,
    connection: async (over) => makeConnection(t.db.db, await workspace(), over),
    post: async (connection, over = {}) =>
      makePost(t.db.db, await workspace(), connection, { publishAt: new Date(now - 1_000), ...over }),
    reload: (post) => t.db.db.post.findUniqueOrThrow({ where: { id: post.id } }),
  };
}

/** The post/scheduled event the app sends for a post's current version. */
export function scheduledEvent(post: Post) {
  return {
    name: "post/scheduled" as const,
    id: scheduledEventId(post.id, post.version),
    data: {
      postId: post.id,
      version: post.version,
      publishAt: post.publishAt.toISOString(),
      ...(post.connectionId ? { connectionId: post.connectionId } : {}),
    },
  };
}

/** Every sleep the function may take, mocked (an unmocked sleep never resolves in @inngest/test). */
export function sleepMocks(onWake: (wake: number) => void = () => {}) {
  return Array.from({ length: MAX_EARLY_WAKES }, (_, wake) => ({
    id: sleepStepId(wake),
    handler: () => {
      onWake(wake);
    },
  }));
}

/** A fresh engine for one run of publish-post on this post's event. */
export function publishEngine(
  h: Harness,
  post: Post,
  onWake?: (wake: number) => void,
  opts?: PublishPostOptions,
) {
  return new InngestTestEngine({
    function: createPublishPost(h.t.app.deps, opts),
    events: [scheduledEvent(post)],
    steps: sleepMocks(onWake),
  });
}

export type LinkedInCall = { headers: Record<string, unknown>; body: unknown };
export type LinkedInReply = { status: number; body?: unknown; headers?: Record<string, string> };

export const created = (urn: string): LinkedInReply => ({ status: 201, headers: { "x-restli-id": urn } });
export const duplicateOf = (urn: string): LinkedInReply => ({
  status: 422,
  body: {
    errorDetailType: "com.linkedin.common.error.BadRequest",
    message: `ERROR :: /commentary :: Content is a duplicate of ${urn}`,
    errorDetails: { inputErrors: [{ description: "Duplicate post is detected", code: "DUPLICATE_POST" }] },
    status: 422,
  },
});

/**
 * LinkedIn's Posts API on nock: answers the replies in order (the last one repeats) and records every
 * request, so tests can assert exactly how many posts were attempted.
 */
export function linkedInAnswers(...replies: LinkedInReply[]): LinkedInCall[] {
  const calls: LinkedInCall[] = [];
  nock(LINKEDIN_API)
    .persist()
    .post("/rest/posts")
    .reply(async (req: Request) => {
      calls.push({ headers: Object.fromEntries(req.headers), body: JSON.parse(await req.text()) });
      const reply = replies[Math.min(calls.length - 1, replies.length - 1)] ?? created("urn:li:share:1");
      return [reply.status, reply.body === undefined ? "" : JSON.stringify(reply.body), reply.headers ?? {}];
    });
  return calls;
}

/** LinkedIn unreachable: every request fails at the network level. Returns how many were tried. */
export function linkedInUnreachable(): { count: number } {
  const seen = { count: 0 };
  nock(LINKEDIN_API)
    .persist()
    .post("/rest/posts")
    .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))
    .on("request", () => {
      seen.count++;
    });
  return seen;
}
