// "Connect LinkedIn" from the Home tab: an admin gets authorization URLs whose `state` is single-use,
// bound to the workspace and the admin, and valid 10 minutes. Two URLs: the member's own profile, and
// the same plus company-page scopes (which need the Community Management API product on the LinkedIn app).
import { type AdminDeps, adminContext } from "../auth/admin-context.js";
import type { Db } from "../db.js";
import type { Env } from "../env.js";
import { buildAuthorizationUrl, DEFAULT_SCOPES, ORGANIZATION_SCOPES } from "../linkedin/oauth-client.js";
import { linkedInApp, linkedInSetupSteps } from "./linkedin-app.js";
import { createOAuthState, OAUTH_STATE_TTL_MS } from "./oauth-state.js";

export type StartConnectDeps = AdminDeps & { db: Db; clock: () => Date; env: Env };

export type StartConnectResult =
  | { kind: "forbidden" }
  | { kind: "not_configured"; steps: string[] }
  | { kind: "ready"; memberUrl: string; pagesUrl: string; validMinutes: number };

export async function startLinkedInConnect(
  deps: StartConnectDeps,
  teamId: string,
  userId: string,
): Promise<StartConnectResult> {
  const { workspace, isAdmin } = await adminContext(deps, teamId, userId);
  if (!isAdmin) return { kind: "forbidden" };
  const app = linkedInApp(deps.env);
  if (!app) return { kind: "not_configured", steps: linkedInSetupSteps(deps.env) };
  const owner = { workspaceId: workspace.id, slackUserId: userId };
  const [memberState, pagesState] = await Promise.all([
    createOAuthState(deps, owner),
    createOAuthState(deps, owner),
  ]);
  const common = { oauthUrl: app.oauthUrl, clientId: app.clientId, redirectUri: app.redirectUri };
  return {
    kind: "ready",
    memberUrl: buildAuthorizationUrl({ ...common, state: memberState, scopes: DEFAULT_SCOPES }),
    pagesUrl: buildAuthorizationUrl({
      ...common,
      state: pagesState,
      scopes: [...DEFAULT_SCOPES, ...ORGANIZATION_SCOPES],
    }),
    validMinutes: OAUTH_STATE_TTL_MS / 60_000,
  };
}
