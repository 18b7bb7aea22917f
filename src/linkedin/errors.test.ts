import { describe, expect, it } from "vitest";
import {
  LinkedInApiError,
  type LinkedInErrorCode,
  LinkedInOAuthError,
  type LinkedInOAuthErrorCode,
  userMessage,
} from "./errors.js";

const API_CODES: LinkedInErrorCode[] = [
  "unauthorized",
  "forbidden",
  "duplicate",
  "version_retired",
  "rate_limited",
  "server",
  "network",
  "timeout",
  "bad_request",
];

describe("LinkedInApiError", () => {
  it.each(API_CODES)("%s has the right retriable flag and a user message", (code) => {
    const err = new LinkedInApiError({ code, message: "dev message" });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("LinkedInApiError");
    expect(err.retriable).toBe(["rate_limited", "server", "network", "timeout"].includes(code));
    const msg = userMessage(err);
    expect(msg.length).toBeGreaterThan(10);
    expect(msg).not.toContain("dev message");
  });

  it("keeps optional fields off the object when absent", () => {
    const err = new LinkedInApiError({ code: "server", message: "x" });
    expect("status" in err).toBe(false);
    expect("retryAfterMs" in err).toBe(false);
  });

  it("keeps the cause", () => {
    const cause = new Error("inner");
    expect(new LinkedInApiError({ code: "network", message: "x", cause }).cause).toBe(cause);
  });
});

describe("userMessage", () => {
  it("unauthorized → reconnect from Home tab", () => {
    expect(userMessage(new LinkedInApiError({ code: "unauthorized", message: "x", status: 401 }))).toMatch(
      /Reconnect LinkedIn from the app's Home tab/,
    );
  });

  it("forbidden names the missing permission", () => {
    const err = new LinkedInApiError({
      code: "forbidden",
      message: "x",
      missingPermission: "posts.CREATE.202601",
    });
    expect(userMessage(err)).toContain('"posts.CREATE.202601"');
    expect(userMessage(new LinkedInApiError({ code: "forbidden", message: "x" }))).toMatch(/permission/);
  });

  it("version_retired names the version", () => {
    expect(
      userMessage(new LinkedInApiError({ code: "version_retired", message: "x", version: "202401" })),
    ).toBe("LinkedIn retired API version 202401; an admin must update LINKEDIN_VERSION.");
  });

  it("duplicate links the existing post", () => {
    expect(
      userMessage(
        new LinkedInApiError({ code: "duplicate", message: "x", duplicateOfUrn: "urn:li:share:1" }),
      ),
    ).toBe("LinkedIn rejected this as a duplicate of https://www.linkedin.com/feed/update/urn:li:share:1/");
  });

  it("rate_limited mentions the wait when known", () => {
    const seconds = new LinkedInApiError({ code: "rate_limited", message: "x", retryAfterMs: 30_000 });
    expect(userMessage(seconds)).toMatch(/30 seconds/);
    const hours = new LinkedInApiError({ code: "rate_limited", message: "x", retryAfterMs: 5 * 3_600_000 });
    expect(userMessage(hours)).toMatch(/5 hours/);
  });

  it("bad_request includes LinkedIn's message", () => {
    const err = new LinkedInApiError({
      code: "bad_request",
      message: "x",
      linkedInMessage: "Invalid author",
    });
    expect(userMessage(err)).toBe("LinkedIn rejected the request: Invalid author");
  });

  it.each<LinkedInOAuthErrorCode>([
    "invalid_request",
    "invalid_grant",
    "invalid_client",
    "unauthorized_client",
    "unsupported_grant_type",
    "invalid_scope",
    "access_denied",
    "server",
    "network",
    "timeout",
    "invalid_response",
    "unknown",
  ])("OAuth %s has a user message", (code) => {
    const err = new LinkedInOAuthError({ code, message: "secret-ish dev message" });
    expect(err.retriable).toBe(["server", "network", "timeout"].includes(code));
    expect(userMessage(err)).not.toContain("secret-ish");
  });

  it("does not echo unknown errors", () => {
    expect(userMessage(new Error("token=abc"))).not.toContain("abc");
    expect(userMessage("weird")).toMatch(/Something went wrong/);
  });
});
