// One structured, object-first logger (pino) for the whole process.
// Known secret-bearing fields are redacted wherever they appear; code must still never log a token.
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

const SECRET_KEYS = [
  "token",
  "accessToken",
  "refreshToken",
  "access_token",
  "refresh_token",
  "client_secret",
  "clientSecret",
  "signingSecret",
  "authorization",
  "Authorization",
  "accessTokenEnc",
  "refreshTokenEnc",
];

export function createLogger(opts: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? "info",
      base: undefined,
      redact: {
        paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`), ...SECRET_KEYS.map((k) => `*.*.${k}`)],
        censor: "[redacted]",
      },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    opts.destination,
  );
}

const BOLT_LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/** Adapts the pino logger to Bolt's Logger interface, so Bolt's own messages are structured too. */
export function boltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: "bolt" });
  const toMsg = (args: unknown[]) =>
    args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
  return {
    debug: (...args) => child.debug(toMsg(args)),
    info: (...args) => child.info(toMsg(args)),
    warn: (...args) => child.warn(toMsg(args)),
    error: (...args) => child.error(toMsg(args)),
    setLevel: () => {},
    getLevel: () => BOLT_LEVELS[logger.level] ?? LogLevel.INFO,
    setName: (name: string) => {
      child = logger.child({ component: name });
    },
  };
}
