// The Bolt app and the one HTTP server: Slack at /slack/events (signature-verified by Bolt's
// HTTPReceiver), plus the custom routes (/api/inngest, /healthz, /linkedin/oauth/callback).
// With SLACK_APP_TOKEN set, Slack arrives over Socket Mode and the same custom routes are still served.
import { once } from "node:events";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { App, type Authorize, HTTPReceiver, LogLevel, type Receiver, SocketModeReceiver } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import { boltLogger, type Logger } from "../logger.js";
import { replayGuard } from "./replay-guard.js";

export type Route = {
  path: string;
  method: string | string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
};

export type SlackAppOptions = {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  slackApiUrl: string;
  port: number;
  routes: Route[];
  logger: Logger;
};

export type SlackServer = {
  app: App;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  start(): Promise<number>;
  stop(): Promise<void>;
};

const wrap = (route: Route) => ({
  path: route.path,
  method: route.method,
  handler: (req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve(route.handler(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal error");
    });
  },
});

export function createSlackServer(opts: SlackAppOptions): SlackServer {
  const logger = boltLogger(opts.logger);
  const customRoutes = opts.routes.map(wrap);
  let receiver: Receiver;
  let httpReceiver: HTTPReceiver | undefined;
  if (opts.appToken) {
    receiver = new SocketModeReceiver({
      appToken: opts.appToken,
      customRoutes,
      // SLACK_API_URL applies to the connection handshake (apps.connections.open) too.
      installerOptions: { port: opts.port, clientOptions: { slackApiUrl: opts.slackApiUrl } },
      logger,
    });
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret: opts.signingSecret,
      endpoints: ["/slack/events"],
      customRoutes,
      logger,
      // Answer Slack as soon as ack() is called; slower work continues after (3-second rule).
      processBeforeResponse: false,
    });
    // Refuse replays of signed requests inside Bolt's five-minute window (replay-guard.ts).
    httpReceiver.requestListener = replayGuard().wrap(httpReceiver.requestListener);
    receiver = httpReceiver;
  }
  const app = new App({
    authorize: cachedBotAuthorize(
      opts.botToken,
      new WebClient(opts.botToken, { slackApiUrl: opts.slackApiUrl, logger }),
    ),
    receiver,
    logger,
    logLevel: LogLevel.INFO,
    clientOptions: {
      slackApiUrl: opts.slackApiUrl,
      rejectRateLimitedCalls: false,
      retryConfig: { retries: 2 },
    },
  });

  return {
    app,
    async start() {
      if (httpReceiver) {
        const server = await httpReceiver.start(opts.port);
        const address = server.address();
        return typeof address === "object" && address ? address.port : opts.port;
      }
      await app.start();
      // SocketModeReceiver serves the custom routes from an HTTP server it keeps to itself.
      const server = (receiver as unknown as { httpServer?: Server }).httpServer;
      if (server && !server.listening) await once(server, "listening");
      const address = server?.address();
      return typeof address === "object" && address ? address.port : opts.port;
    },
    async stop() {
      await app.stop();
    },
  };
}

/**
 * Bolt's own single-token authorization either calls auth.test once at construction and keeps a
 * failure forever (tokenVerificationEnabled: true), or calls it on every request (false; read in
 * @slack/bolt 5.1.0 dist/App.js singleAuthorization). This one calls it on first use, caches a
 * success, and tries again after a failure.
 */
export function cachedBotAuthorize(botToken: string, client: WebClient): Authorize<boolean> {
  let cached: Promise<{ botId?: string; botUserId?: string }> | undefined;
  return async ({ isEnterpriseInstall }) => {
    if (!cached) {
      cached = client.auth.test().then((r) => ({
        ...(r.bot_id ? { botId: r.bot_id } : {}),
        ...(r.user_id ? { botUserId: r.user_id } : {}),
      }));
      cached.catch(() => {
        cached = undefined;
      });
    }
    return { botToken, isEnterpriseInstall, ...(await cached) };
  };
}

/** Calls auth.test once; returns a one-line problem description, or undefined when the token works. */
export async function checkSlackToken(client: WebClient): Promise<string | undefined> {
  try {
    await client.auth.test();
    return undefined;
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
    return `Slack rejected SLACK_BOT_TOKEN (${code}); install the app to your workspace and copy the Bot User OAuth Token`;
  }
}
