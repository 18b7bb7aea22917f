// Builds the whole application from a parsed environment: database, Inngest, Slack, routes.
// Tests call this with their own database and clock; main.ts calls it for the real process.
import { WebClient } from "@slack/web-api";
import type { InngestFunction } from "inngest";
import { type Background, createBackground } from "./background.js";
import { resolveEncryptionKey } from "./crypto/encryption-key.js";
import { createTokenCipher, type TokenCipher } from "./crypto/token-cipher.js";
import type { Db } from "./db.js";
import type { Env } from "./env.js";
import { healthHandler } from "./http/health.js";
import { INNGEST_PATH, inngestHandler } from "./http/inngest-route.js";
import { linkedInCallbackRoute, OAUTH_CALLBACK_PATH } from "./http/linkedin-callback-route.js";
import { createInngest, type InngestClient } from "./inngest/client.js";
import { createFunctions } from "./inngest/index.js";
import { boltLogger, type Logger } from "./logger.js";
import { createSlackServer, type Route, type SlackServer } from "./slack/app.js";
import { registerListeners } from "./slack/listeners/index.js";
import { createUserDirectory, type UserDirectory } from "./slack/user-directory.js";

export type Clock = () => Date;

export type AppDeps = {
  env: Env;
  db: Db;
  logger: Logger;
  inngest: InngestClient;
  clock: Clock;
  /** Slack Web API client for work outside a Slack request (Inngest functions, services). */
  slack: WebClient;
  /** Slack users (time zone, admin flags), cached briefly. */
  users: UserDirectory;
  /** Encrypts LinkedIn tokens at rest (AES-256-GCM). */
  cipher: TokenCipher;
  /** Runs work that follows a Slack acknowledgement, bounded (see background.ts). */
  background: Background;
};

export type Application = SlackServer & { deps: AppDeps; functions: InngestFunction.Like[] };

export function buildApplication(opts: { env: Env; db: Db; logger: Logger; clock?: Clock }): Application {
  const { env, db, logger } = opts;
  const inngest = createInngest(env, logger);
  const slack = new WebClient(env.SLACK_BOT_TOKEN, {
    logger: boltLogger(logger),
    slackApiUrl: env.SLACK_API_URL,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2_000 },
    // Rate limits surface as errors so an Inngest step retries them instead of blocking a worker.
    rejectRateLimitedCalls: true,
  });
  const clock = opts.clock ?? (() => new Date());
  const deps: AppDeps = {
    env,
    db,
    logger,
    inngest,
    clock,
    slack,
    users: createUserDirectory({ client: slack, now: () => clock().getTime() }),
    background: createBackground(),
    cipher: createTokenCipher(
      resolveEncryptionKey({ configured: env.TOKEN_ENCRYPTION_KEY, pgliteDataDir: env.PGLITE_DATA_DIR }),
    ),
  };
  const functions = createFunctions(deps);
  const routes: Route[] = [
    { path: "/healthz", method: ["GET", "HEAD"], handler: healthHandler(db) },
    {
      path: INNGEST_PATH,
      method: ["GET", "POST", "PUT"],
      handler: inngestHandler(inngest, functions, env.INNGEST_SERVE_ORIGIN),
    },
    { path: OAUTH_CALLBACK_PATH, method: "GET", handler: linkedInCallbackRoute(deps) },
  ];
  const server = createSlackServer({
    botToken: env.SLACK_BOT_TOKEN,
    signingSecret: env.SLACK_SIGNING_SECRET,
    appToken: env.SLACK_APP_TOKEN,
    slackApiUrl: env.SLACK_API_URL,
    port: env.PORT,
    routes,
    logger,
  });
  registerListeners(server.app, deps);
  return { ...server, deps, functions };
}
