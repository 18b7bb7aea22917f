// Programmatic token refresh, for connections LinkedIn gave a refresh token (approved partners only;
// self-serve apps get none, see apis.md §1.3). Used by accessTokenFor and the daily token cron.
import type { TokenCipher } from "../crypto/token-cipher.js";
import type { Db } from "../db.js";
import type { LinkedInConnection } from "../generated/prisma/client.js";
import { LinkedInOAuthError } from "../linkedin/errors.js";
import { refreshAccessToken } from "../linkedin/oauth-client.js";
import type { Logger } from "../logger.js";
import { type LinkedInEnv, linkedInApp } from "./linkedin-app.js";

export type RefreshDeps = {
  db: Db;
  cipher: TokenCipher;
  clock: () => Date;
  env: LinkedInEnv;
  logger?: Logger;
};

export type RefreshOutcome =
  | { kind: "refreshed"; connection: LinkedInConnection }
  /** No refresh token, it expired, or LinkedIn is not configured. */
  | { kind: "not_refreshable" }
  /** LinkedIn refused the refresh token (revoked, expired): only reconnecting helps. */
  | { kind: "rejected"; error: LinkedInOAuthError }
  /** Network, timeout or a LinkedIn server error: worth retrying later. */
  | { kind: "failed"; error: LinkedInOAuthError };

export function isRefreshable(connection: LinkedInConnection, now: Date): boolean {
  return (
    connection.refreshTokenEnc !== null &&
    connection.refreshTokenEnc !== "" &&
    (connection.refreshTokenExpiresAt === null || connection.refreshTokenExpiresAt > now)
  );
}

export async function refreshConnection(
  deps: RefreshDeps,
  connection: LinkedInConnection,
): Promise<RefreshOutcome> {
  const app = linkedInApp(deps.env);
  const now = deps.clock();
  if (!app || !isRefreshable(connection, now) || !connection.refreshTokenEnc)
    return { kind: "not_refreshable" };
  let refreshToken: string;
  try {
    refreshToken = deps.cipher.decrypt(connection.refreshTokenEnc);
  } catch {
    return {
      kind: "rejected",
      error: new LinkedInOAuthError({ code: "invalid_grant", message: "stored refresh token is unreadable" }),
    };
  }
  try {
    const tokens = await refreshAccessToken({
      oauthUrl: app.oauthUrl,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      refreshToken,
      now,
    });
    const { count } = await deps.db.linkedInConnection.updateMany({
      // Only if nobody refreshed it meanwhile; otherwise their (equally fresh) token stays.
      where: {
        id: connection.id,
        accessTokenEnc: connection.accessTokenEnc,
        status: { not: "disconnected" },
      },
      data: {
        accessTokenEnc: deps.cipher.encrypt(tokens.accessToken),
        accessTokenExpiresAt: tokens.expiresAt,
        ...(tokens.refreshToken !== undefined && {
          refreshTokenEnc: deps.cipher.encrypt(tokens.refreshToken),
        }),
        ...(tokens.refreshTokenExpiresAt !== undefined && {
          refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
        }),
        ...(tokens.scopes.length > 0 && { scopes: tokens.scopes.join(" ") }),
        lastReminderDays: null,
      },
    });
    const fresh = await deps.db.linkedInConnection.findUniqueOrThrow({ where: { id: connection.id } });
    deps.logger?.info(
      { connectionId: connection.id, expiresAt: fresh.accessTokenExpiresAt, raced: count === 0 },
      "LinkedIn access token refreshed",
    );
    return { kind: "refreshed", connection: fresh };
  } catch (err) {
    if (!(err instanceof LinkedInOAuthError)) throw err;
    deps.logger?.warn(
      { connectionId: connection.id, code: err.code, status: err.status },
      "LinkedIn token refresh failed",
    );
    return err.retriable ? { kind: "failed", error: err } : { kind: "rejected", error: err };
  }
}
