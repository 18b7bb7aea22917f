// Configuration: each missing or malformed value stops the process with one line naming it, exit 1.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "../src/env.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const VALID = {
  SLACK_BOT_TOKEN: "xoxb-1-2-abc",
  SLACK_SIGNING_SECRET: "secret",
  INNGEST_DEV: "1",
};

function problemFor(env: Record<string, string | undefined>): string {
  try {
    loadEnv(env as NodeJS.ProcessEnv);
  } catch (err) {
    if (err instanceof EnvError) return err.message;
    throw err;
  }
  return "";
}

describe("loadEnv", () => {
  it("accepts the minimal development environment and fills defaults", () => {
    const env = loadEnv(VALID);
    expect(env.PORT).toBe(3000);
    expect(env.SLACK_API_URL).toBe("https://slack.com/api/");
    expect(env.LINKEDIN_API_URL).toBe("https://api.linkedin.com");
    expect(env.LINKEDIN_OAUTH_URL).toBe("https://www.linkedin.com/oauth/v2");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.inngestDev).toBe(true);
    expect(env.publicUrl).toBe("http://localhost:3000");
    expect(env.ADMIN_SLACK_USER_IDS).toEqual([]);
  });

  it("parses the admin list", () => {
    expect(loadEnv({ ...VALID, ADMIN_SLACK_USER_IDS: "U01ABC, W02DEF" }).ADMIN_SLACK_USER_IDS).toEqual([
      "U01ABC",
      "W02DEF",
    ]);
  });

  it.each([
    [{ SLACK_BOT_TOKEN: undefined }, /^SLACK_BOT_TOKEN is missing: create the Slack app from manifest\.yml/],
    [
      { SLACK_SIGNING_SECRET: undefined },
      /^SLACK_SIGNING_SECRET is missing: .*manifest\.yml.*Signing Secret/,
    ],
    [
      { SLACK_BOT_TOKEN: "xoxp-user-token" },
      /^SLACK_BOT_TOKEN is invalid: expected a bot token starting with xoxb-/,
    ],
    [
      { SLACK_APP_TOKEN: "xoxb-wrong" },
      /^SLACK_APP_TOKEN is invalid: expected an app-level token starting with xapp-/,
    ],
    [{ SLACK_API_URL: "not a url" }, /^SLACK_API_URL is invalid: expected an http\(s\) URL/],
    [{ PORT: "eighty" }, /^PORT is invalid: expected a port number/],
    [{ PORT: "70000" }, /^PORT is invalid: expected a port number between 0 and 65535/],
    [
      { LINKEDIN_VERSION: "2026-01" },
      /^LINKEDIN_VERSION is invalid: expected a LinkedIn API version as YYYYMM/,
    ],
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL is invalid: expected a postgresql:\/\/ URL/],
    [
      { TOKEN_ENCRYPTION_KEY: "c2hvcnQ=" },
      /^TOKEN_ENCRYPTION_KEY is invalid: expected 32 random bytes in base64/,
    ],
    [{ NODE_ENV: "production" }, /^TOKEN_ENCRYPTION_KEY is required in production/],
    [{ INNGEST_DEV: undefined }, /^INNGEST_SIGNING_KEY is missing: Inngest cloud mode needs the signing key/],
    [{ LINKEDIN_CLIENT_ID: "abc" }, /^LINKEDIN_CLIENT_SECRET is missing: set both/],
    [
      { ADMIN_SLACK_USER_IDS: "bob" },
      /^ADMIN_SLACK_USER_IDS is invalid: expected a comma-separated list of Slack user ids/,
    ],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL is invalid: expected one of/],
    [{ MAX_SCHEDULE_AHEAD_DAYS: "400" }, /^MAX_SCHEDULE_AHEAD_DAYS is invalid: expected at most 365 days/],
  ])("names the variable and what is expected: %o", (override, message) => {
    expect(problemFor({ ...VALID, ...override })).toMatch(message);
  });
});

describe("the process with a bad environment", () => {
  const run = (env: Record<string, string | undefined>) => {
    const clean: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" };
    for (const [k, v] of Object.entries(env)) if (v !== undefined) clean[k] = v;
    return spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: clean,
      encoding: "utf8",
      timeout: 30_000,
    });
  };

  it.each([
    ["SLACK_BOT_TOKEN", { ...VALID, SLACK_BOT_TOKEN: undefined }, /manifest\.yml/],
    ["SLACK_SIGNING_SECRET", { ...VALID, SLACK_SIGNING_SECRET: undefined }, /manifest\.yml/],
    ["PORT", { ...VALID, PORT: "abc" }, /expected a port number/],
    ["TOKEN_ENCRYPTION_KEY", { ...VALID, NODE_ENV: "production" }, /openssl rand -base64 32/],
  ])("exits 1 with one line naming %s and no stack trace", (variable, env, hint) => {
    const result = run(env);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(lines[0]).toMatch(hint);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(result.stdout).toBe("");
  });
});
