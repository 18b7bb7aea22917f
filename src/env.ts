// The environment of DESIGN.md §3, parsed once with zod at start-up.
// A missing or malformed value becomes one line that names the variable and says what is expected.
import { z } from "zod";

const MANIFEST_HINT =
  "create the Slack app from manifest.yml (https://api.slack.com/apps → Create New App → From a manifest) and copy it from there";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const url = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && /^https?:/.test(v), { message: `expected an http(s) URL for ${what}` });

const boolish = z
  .string()
  .trim()
  .transform((v) => v === "1" || v.toLowerCase() === "true");

const slackUserIds = z
  .string()
  .trim()
  .refine((v) => v === "" || /^[UW][A-Z0-9]{2,}(\s*,\s*[UW][A-Z0-9]{2,})*$/.test(v), {
    message: "expected a comma-separated list of Slack user ids such as U0123ABCD,U0456EFGH",
  })
  .transform((v) =>
    v === ""
      ? []
      : v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
  );

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce
      .number({ message: "expected a port number such as 3000" })
      .int("expected a whole port number such as 3000")
      .min(0, "expected a port number between 0 and 65535")
      .max(65535, "expected a port number between 0 and 65535")
      .default(3000),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        message: "expected one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),

    SLACK_BOT_TOKEN: z
      .string({
        message: `is missing: ${MANIFEST_HINT} (OAuth & Permissions → Bot User OAuth Token, xoxb-…)`,
      })
      .trim()
      .min(1, `is empty: ${MANIFEST_HINT} (OAuth & Permissions → Bot User OAuth Token, xoxb-…)`)
      .refine((v) => v.startsWith("xoxb-"), {
        message: "expected a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)",
      }),
    SLACK_SIGNING_SECRET: z
      .string({ message: `is missing: ${MANIFEST_HINT} (Basic Information → Signing Secret)` })
      .trim()
      .min(1, `is empty: ${MANIFEST_HINT} (Basic Information → Signing Secret)`),
    SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith("xapp-"), {
      message:
        "expected an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write), or leave it unset for HTTP mode",
    }),
    SLACK_API_URL: url("SLACK_API_URL")
      .default("https://slack.com/api/")
      .transform((v) => (v.endsWith("/") ? v : `${v}/`)),

    LINKEDIN_CLIENT_ID: optionalString,
    LINKEDIN_CLIENT_SECRET: optionalString,
    LINKEDIN_API_URL: url("LINKEDIN_API_URL")
      .default("https://api.linkedin.com")
      .transform((v) => v.replace(/\/+$/, "")),
    LINKEDIN_OAUTH_URL: url("LINKEDIN_OAUTH_URL")
      .default("https://www.linkedin.com/oauth/v2")
      .transform((v) => v.replace(/\/+$/, "")),
    LINKEDIN_VERSION: z
      .string()
      .trim()
      .regex(/^20\d{2}(0[1-9]|1[0-2])$/, "expected a LinkedIn API version as YYYYMM, such as 202601")
      .default("202601"),

    PUBLIC_URL: optionalString.pipe(url("PUBLIC_URL").optional()),
    DATABASE_URL: optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "expected a postgresql:// URL, or leave it unset to use the embedded PGlite database",
    }),
    PGLITE_DATA_DIR: z.string().trim().default(".data/pglite"),
    TOKEN_ENCRYPTION_KEY: optionalString.refine(
      (v) => v === undefined || Buffer.from(v, "base64").length === 32,
      {
        message: "expected 32 random bytes in base64 (generate one with: openssl rand -base64 32)",
      },
    ),
    ADMIN_SLACK_USER_IDS: slackUserIds.default([]),
    MAX_SCHEDULE_AHEAD_DAYS: z.coerce
      .number({ message: "expected a number of days such as 365" })
      .int("expected a whole number of days such as 365")
      .min(1, "expected at least 1 day")
      .max(365, "expected at most 365 days (Inngest sleeps last at most a year)")
      .default(365),

    INNGEST_DEV: optionalString,
    INNGEST_BASE_URL: optionalString.pipe(url("INNGEST_BASE_URL").optional()),
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_SIGNING_KEY_FALLBACK: optionalString,
    INNGEST_SERVE_ORIGIN: optionalString,
    ENABLE_INNGEST_DEV_FALLBACK: boolish.optional(),
  })
  .superRefine((env, ctx) => {
    const inngestDev =
      env.INNGEST_DEV !== undefined && env.INNGEST_DEV !== "0" && env.INNGEST_DEV !== "false";
    if (!inngestDev && !env.INNGEST_SIGNING_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["INNGEST_SIGNING_KEY"],
        message:
          "is missing: Inngest cloud mode needs the signing key from the Inngest dashboard (or set INNGEST_DEV=1 for local development)",
      });
    }
    if (env.NODE_ENV === "production" && !env.TOKEN_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["TOKEN_ENCRYPTION_KEY"],
        message:
          "is required in production: 32 random bytes in base64 (generate one with: openssl rand -base64 32)",
      });
    }
    if ((env.LINKEDIN_CLIENT_ID === undefined) !== (env.LINKEDIN_CLIENT_SECRET === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [env.LINKEDIN_CLIENT_ID ? "LINKEDIN_CLIENT_SECRET" : "LINKEDIN_CLIENT_ID"],
        message:
          "is missing: set both LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET (LinkedIn developer portal → your app → Auth), or neither",
      });
    }
  });

export type Env = z.output<typeof envSchema> & {
  /** Inngest runs against a dev server (no signing key needed). */
  inngestDev: boolean;
  /** Base URL this app is reachable at, for OAuth redirects. */
  publicUrl: string;
};

export class EnvError extends Error {
  readonly code = "invalid_env";
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = "EnvError";
  }
}

/** Parses the environment; throws EnvError naming the first bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    const raw = issue?.message ?? "is invalid";
    const problem = /^(is |expected)/.test(raw) ? raw : `is invalid: ${raw}`;
    throw new EnvError(variable, problem.startsWith("expected") ? `is invalid: ${problem}` : problem);
  }
  const env = result.data;
  const inngestDev = env.INNGEST_DEV !== undefined && env.INNGEST_DEV !== "0" && env.INNGEST_DEV !== "false";
  return {
    ...env,
    inngestDev,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
  };
}
