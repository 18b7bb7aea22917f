import { describe, expect, it } from "vitest";
import {
  connectionExpiredMessage,
  expiryReminderMessage,
  preflightFailedMessage,
} from "./connection-notices.js";

const EXPIRES = new Date("2026-12-15T10:00:00Z");

describe("connection notices", () => {
  it("reminds with the date, what to do, and the posts at risk", () => {
    const m = expiryReminderMessage({
      displayName: "Ada <Lovelace>",
      kind: "member",
      expiresAt: EXPIRES,
      days: 7,
      scheduledAfterExpiry: 2,
    });
    const text = JSON.stringify(m.blocks);
    expect(m.text).toContain("expires in 7 days");
    expect(text).toContain(`<!date^${EXPIRES.getTime() / 1000}^`);
    expect(text).toContain("Ada &lt;Lovelace&gt;");
    expect(text).toContain("Connect LinkedIn");
    expect(text).toContain("2 scheduled posts will fail");
    expect(
      expiryReminderMessage({
        displayName: "Acme",
        kind: "organization",
        expiresAt: EXPIRES,
        days: 1,
        scheduledAfterExpiry: 0,
      }).text,
    ).toContain("tomorrow");
  });

  it("announces expiry and pre-flight failures", () => {
    expect(
      connectionExpiredMessage({ displayName: "Acme", kind: "organization", scheduledPosts: 1 }).blocks[0],
    ).toMatchObject({
      text: { text: expect.stringContaining("1 scheduled post will fail") },
    });
    const posts = Array.from({ length: 12 }, (_, i) => ({ shortId: `p${i}`, publishAt: EXPIRES }));
    const m = preflightFailedMessage({ reason: "LinkedIn no longer accepts it", posts });
    expect(JSON.stringify(m.blocks)).toContain("…and 2 more");
    expect(m.text).toContain("LinkedIn no longer accepts it");
  });
});
