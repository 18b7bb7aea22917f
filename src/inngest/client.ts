// The Inngest client. Configuration comes from the parsed environment, passed in.
import { Inngest } from "inngest";
import type { Env } from "../env.js";
import type { Logger } from "../logger.js";

export const INNGEST_APP_ID = "linkedin-share";

export type InngestEnv = Pick<
  Env,
  | "inngestDev"
  | "INNGEST_DEV"
  | "INNGEST_BASE_URL"
  | "INNGEST_EVENT_KEY"
  | "INNGEST_SIGNING_KEY"
  | "INNGEST_SIGNING_KEY_FALLBACK"
>;

export function createInngest(env: InngestEnv, logger?: Logger) {
  const devServerUrl = env.INNGEST_DEV && /^https?:/.test(env.INNGEST_DEV) ? env.INNGEST_DEV : undefined;
  return new Inngest({
    id: INNGEST_APP_ID,
    isDev: env.inngestDev,
    baseUrl: env.INNGEST_BASE_URL ?? devServerUrl,
    eventKey: env.INNGEST_EVENT_KEY ?? (env.inngestDev ? "dev" : undefined),
    signingKey: env.INNGEST_SIGNING_KEY,
    signingKeyFallback: env.INNGEST_SIGNING_KEY_FALLBACK,
    ...(logger ? { logger: logger.child({ component: "inngest" }) } : {}),
  });
}

export type InngestClient = ReturnType<typeof createInngest>;
