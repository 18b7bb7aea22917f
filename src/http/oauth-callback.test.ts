import { describe, expect, it } from "vitest";
import type { ConnectFailure } from "../connections/complete-connect.js";
import { escapeHtml, htmlPage } from "./html-page.js";
import { callbackPage } from "./oauth-callback.js";

describe("OAuth callback pages", () => {
  it("escapes everything it shows", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const html = htmlPage({ ok: true, title: "<b>", paragraphs: ["<script>alert(1)</script>"] });
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;");
  });

  it("says connected with 200", () => {
    const page = callbackPage({
      kind: "connected",
      teamId: "T1",
      slackUserId: "U1",
      displayName: "Ada <Lovelace>",
      connectionId: "c",
      pagesAvailable: true,
      canPost: true,
    });
    expect(page.status).toBe(200);
    expect(page.html).toContain("Ada &lt;Lovelace&gt; is connected. You can return to Slack.");
    expect(page.html).toContain("company pages");
  });

  it.each([
    ["not_configured", 503, "not configured"],
    ["missing_state", 400, "incomplete"],
    ["unknown_state", 400, "not valid"],
    ["expired_state", 400, "expired"],
    ["reused_state", 400, "already used"],
    ["denied", 403, "cancelled or declined"],
    ["missing_code", 400, "no authorization"],
    ["not_admin", 403, "Only admins"],
    ["linkedin", 502, "could not be connected"],
  ] as [ConnectFailure, number, string][])("%s → %i", (reason, status, words) => {
    const page = callbackPage({
      kind: "failed",
      reason,
      message: reason === "linkedin" ? "LinkedIn <refused>" : undefined,
    });
    expect(page.status).toBe(status);
    expect(page.html).toContain(words);
    if (reason === "linkedin") expect(page.html).toContain("LinkedIn &lt;refused&gt;");
  });
});
