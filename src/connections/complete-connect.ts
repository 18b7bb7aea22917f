// The OAuth callback's work: verify and burn the state, exchange the code, read the member, store
// the connection with its tokens encrypted. Every failure stores nothing and says what happened.
import { isAdmin } from "../auth/admins.js";
import type { TokenCipher } from "../crypto/token-cipher.js";
import type { Db } from "../db.js";
import type { Env } from "../env.js";
import { LinkedInApiError, LinkedInOAuthError, userMessage } from "../linkedin/errors.js";
import { exchangeCode, fetchUserInfo } from "../linkedin/oauth-client.js";
import type { Logger } from "../logger.js";
import type { UserDirectory } from "../slack/user-directory.js";
import { linkedInApp } from "./linkedin-app.js";
import { consumeOAuthState } from "./oauth-state.js";
import {
  hasScope,
  ORGANIZATION_SCOPE,
  renewOrganizationConnections,
  saveMemberConnection,
} from "./save-member-connection.js";

export type CompleteConnectDeps = {
  db: Db;
  cipher: TokenCipher;
  logger: Logger;
  clock: () => Date;
  users: UserDirectory;
  env: Env;
};

export type CallbackParams = {
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
  errorDescription?: string | undefined;
};

export type ConnectFailure =
  | "not_configured"
  | "missing_state"
  | "unknown_state"
  | "expired_state"
  | "reused_state"
  | "denied"
  | "missing_code"
  | "not_admin"
  | "linkedin";

export type ConnectOutcome =
  | {
      kind: "connected";
      teamId: string;
      slackUserId: string;
      displayName: string;
      connectionId: string;
      /** The member granted company-page posting, so pages can be added from the Home tab. */
      pagesAvailable: boolean;
      canPost: boolean;
    }
  | { kind: "failed"; reason: ConnectFailure; message?: string; teamId?: string; slackUserId?: string };

export async function completeLinkedInConnect(
  deps: CompleteConnectDeps,
  params: CallbackParams,
): Promise<ConnectOutcome> {
  const app = linkedInApp(deps.env);
  if (!app) return { kind: "failed", reason: "not_configured" };
  if (!params.state) return { kind: "failed", reason: "missing_state" };

  const consumed = await consumeOAuthState(deps, params.state);
  if (!consumed.ok) return { kind: "failed", reason: `${consumed.reason}_state` };
  const workspace = await deps.db.workspace.findUniqueOrThrow({ where: { id: consumed.workspaceId } });
  const who = { teamId: workspace.slackTeamId, slackUserId: consumed.slackUserId };

  if (params.error) {
    deps.logger.info(
      { workspaceId: workspace.id, userId: consumed.slackUserId, error: params.error.slice(0, 100) },
      "LinkedIn authorization not granted",
    );
    return { kind: "failed", reason: "denied", ...who };
  }
  if (!params.code) return { kind: "failed", reason: "missing_code", ...who };
  // The state proves who started this; they must still be an admin now.
  const admin = await isAdmin(
    { users: deps.users, envAdmins: deps.env.ADMIN_SLACK_USER_IDS },
    workspace,
    consumed.slackUserId,
  );
  if (!admin) return { kind: "failed", reason: "not_admin", ...who };

  try {
    const now = deps.clock();
    const tokens = await exchangeCode({
      oauthUrl: app.oauthUrl,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUri: app.redirectUri,
      code: params.code,
      now,
    });
    const member = await fetchUserInfo({
      apiUrl: app.apiUrl,
      accessToken: tokens.accessToken,
      now: deps.clock,
    });
    const connection = await saveMemberConnection(deps, {
      workspaceId: workspace.id,
      slackUserId: consumed.slackUserId,
      authorUrn: member.authorUrn,
      displayName: member.name ?? "LinkedIn member",
      tokens,
    });
    const pagesRenewed = await renewOrganizationConnections(deps, app, connection, tokens.accessToken);
    deps.logger.info(
      {
        workspaceId: workspace.id,
        connectionId: connection.id,
        authorUrn: connection.authorUrn,
        userId: consumed.slackUserId,
        scopes: connection.scopes,
        expiresAt: connection.accessTokenExpiresAt,
        refreshable: connection.refreshTokenEnc !== null,
        pagesRenewed,
      },
      "LinkedIn connected",
    );
    return {
      kind: "connected",
      ...who,
      displayName: connection.displayName,
      connectionId: connection.id,
      pagesAvailable: hasScope(connection.scopes, ORGANIZATION_SCOPE),
      canPost: hasScope(connection.scopes, "w_member_social"),
    };
  } catch (err) {
    if (!(err instanceof LinkedInOAuthError || err instanceof LinkedInApiError)) throw err;
    deps.logger.warn(
      { err, workspaceId: workspace.id, userId: consumed.slackUserId },
      "LinkedIn connection failed",
    );
    return { kind: "failed", reason: "linkedin", message: callbackMessage(err), ...who };
  }
}

function callbackMessage(err: LinkedInOAuthError | LinkedInApiError): string {
  if (err instanceof LinkedInApiError && (err.code === "unauthorized" || err.code === "forbidden")) {
    return "LinkedIn did not let the app read your profile. The LinkedIn app needs the “Sign In with LinkedIn using OpenID Connect” product; start again from the app's Home tab once it has it.";
  }
  return userMessage(err);
}
