import { describe, expect, it } from "vitest";
import { ACTION } from "../ids.js";
import { type PostStatusView, postStatusMessage } from "./post-status.js";

const base: PostStatusView = {
  id: "8d2f5a8e-5b0f-4a51-9a57-3f0c1d2e3f40",
  shortId: "k7m2qx",
  authorUserId: "U0AUTHOR",
  text: "Launch <today> & more",
  publishAt: new Date("2026-12-05T14:00:00Z"),
  status: "scheduled",
  connectionName: "Ada",
};
const json = (v: PostStatusView) => JSON.stringify(postStatusMessage(v).blocks);
const actions = (v: PostStatusView) =>
  postStatusMessage(v)
    .blocks.filter((b) => b.type === "actions")
    .flatMap((b) => ("elements" in b ? b.elements.map((e) => ("action_id" in e ? e.action_id : "")) : []));

describe("postStatusMessage", () => {
  it("scheduled: the time as a Slack date token, the author, the escaped preview, Edit and Cancel", () => {
    const out = json(base);
    expect(out).toContain(`<!date^${Date.parse("2026-12-05T14:00:00Z") / 1000}^`);
    expect(out).toContain("<@U0AUTHOR>");
    expect(out).toContain("Launch &lt;today&gt; &amp; more");
    expect(actions(base)).toEqual([ACTION.edit, ACTION.cancel]);
  });

  it("published: the link, no Edit or Cancel", () => {
    const v = {
      ...base,
      status: "published" as const,
      linkedinUrl: "https://www.linkedin.com/feed/update/urn:li:share:1/",
    };
    expect(json(v)).toContain("https://www.linkedin.com/feed/update/urn:li:share:1/");
    expect(actions(v)).not.toContain(ACTION.edit);
    expect(postStatusMessage(v).text).toContain("urn:li:share:1");
  });

  it("failed: the reason and Retry", () => {
    const v = { ...base, status: "failed" as const, lastError: "LinkedIn retired API version 202401." };
    expect(json(v)).toContain("LinkedIn retired API version 202401.");
    expect(actions(v)).toEqual([ACTION.retry, ACTION.cancel]);
  });

  it("cancelled: who cancelled it and no buttons", () => {
    const v = { ...base, status: "cancelled" as const, cancelledBy: "U0BOSS" };
    expect(json(v)).toContain("Cancelled* by <@U0BOSS>");
    expect(actions(v)).toEqual([]);
  });

  it("warns on a scheduled post whose connection expires before its time, needs reconnecting, or is gone", () => {
    expect(json({ ...base, connectionExpiresAt: new Date("2026-12-05T00:00:00Z") })).toContain("expires");
    expect(json({ ...base, connectionExpiresAt: new Date("2026-12-06T00:00:00Z") })).not.toContain(
      ":warning:",
    );
    expect(json({ ...base, connectionProblem: "needs_reconnect" })).toContain("LinkedIn must be reconnected");
    expect(json({ ...base, connectionProblem: "disconnected" })).toContain(
      "LinkedIn account was disconnected",
    );
    expect(json({ ...base, status: "published", connectionProblem: "disconnected" })).not.toContain(
      ":warning:",
    );
  });

  it("keeps a long post's preview within Slack's section limit", () => {
    const v = { ...base, text: "word ".repeat(1000) };
    for (const b of postStatusMessage(v).blocks) {
      if (b.type === "section" && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    }
  });
});
