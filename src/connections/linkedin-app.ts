// The LinkedIn app this deployment signs in with, read from the environment. LINKEDIN_CLIENT_ID and
// LINKEDIN_CLIENT_SECRET are optional: without them the Home tab explains how to configure LinkedIn.
import type { Env } from "../env.js";

export const OAUTH_CALLBACK_PATH = "/linkedin/oauth/callback";

export type LinkedInEnv = Pick<
  Env,
  | "LINKEDIN_CLIENT_ID"
  | "LINKEDIN_CLIENT_SECRET"
  | "LINKEDIN_OAUTH_URL"
  | "LINKEDIN_API_URL"
  | "LINKEDIN_VERSION"
  | "publicUrl"
>;

export type LinkedInApp = {
  clientId: string;
  clientSecret: string;
  oauthUrl: string;
  apiUrl: string;
  version: string;
  /** `{PUBLIC_URL}/linkedin/oauth/callback`; must be listed in the LinkedIn app's Authorized redirect URLs. */
  redirectUri: string;
};

export function redirectUriFor(env: Pick<Env, "publicUrl">): string {
  return `${env.publicUrl}${OAUTH_CALLBACK_PATH}`;
}

/** The configured LinkedIn app, or null when the client id and secret are not set. */
export function linkedInApp(env: LinkedInEnv): LinkedInApp | null {
  if (!env.LINKEDIN_CLIENT_ID || !env.LINKEDIN_CLIENT_SECRET) return null;
  return {
    clientId: env.LINKEDIN_CLIENT_ID,
    clientSecret: env.LINKEDIN_CLIENT_SECRET,
    oauthUrl: env.LINKEDIN_OAUTH_URL,
    apiUrl: env.LINKEDIN_API_URL,
    version: env.LINKEDIN_VERSION,
    redirectUri: redirectUriFor(env),
  };
}

/** Step-by-step setup, shown to admins while LinkedIn is not configured. Plain text (mrkdwn-safe). */
export function linkedInSetupSteps(env: Pick<Env, "publicUrl">): string[] {
  return [
    "Create an app at https://www.linkedin.com/developers/apps (it must be linked to a LinkedIn company page).",
    "Under Products, add “Sign In with LinkedIn using OpenID Connect” and “Share on LinkedIn” (for company pages also the Community Management API).",
    `Under Auth, add the redirect URL ${redirectUriFor(env)}`,
    "Set LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET from the Auth tab in the app's environment and restart it.",
  ];
}
