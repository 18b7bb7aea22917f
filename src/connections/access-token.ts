// Gives the publish step a usable LinkedIn access token for a connection, decrypted only in memory.
// A connection with a refresh token is refreshed when its access token expires within the hour
// (pass `env` — AppDeps has it — for that); without one, an expired token is refused.
import type { TokenCipher } from "../crypto/token-cipher.js";
import type { Db } from "../db.js";
import type { LinkedInConnection } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import type { LinkedInEnv } from "./linkedin-app.js";
import { isRefreshable, refreshConnection } from "./refresh-connection.js";

export class ConnectionUnusableError extends Error {
  constructor(
    readonly code: "missing" | "needs_reconnect" | "expired" | "undecryptable",
    message: string,
  ) {
    super(message);
    this.name = "ConnectionUnusableError";
  }
}

export type AccessTokenDeps = {
  db: Db;
  cipher: TokenCipher;
  clock: () => Date;
  /** LinkedIn credentials for refreshing; without them no refresh is attempted. */
  env?: LinkedInEnv;
  logger?: Logger;
};

/** Refresh when the access token has less than this left. */
export const REFRESH_MARGIN_MS = 60 * 60_000;

const expiredMessage = (c: LinkedInConnection) =>
  `The LinkedIn connection for ${c.displayName} expired. An admin can reconnect it from the app's Home tab, then Retry.`;

/**
 * Throws ConnectionUnusableError when only an admin can fix it; rethrows a retriable LinkedInOAuthError when a
 * needed refresh failed for a transient reason (network, LinkedIn 5xx), so the caller's step is retried.
 */
export async function accessTokenFor(
  deps: AccessTokenDeps,
  connectionId: string | null,
): Promise<{ accessToken: string; connection: LinkedInConnection }> {
  let connection = connectionId
    ? await deps.db.linkedInConnection.findUnique({ where: { id: connectionId } })
    : null;
  if (!connection || connection.status === "disconnected") {
    throw new ConnectionUnusableError(
      "missing",
      "The LinkedIn account for this post was disconnected. An admin can connect one from the app's Home tab, then Retry.",
    );
  }
  if (connection.status === "needs_reconnect") {
    throw new ConnectionUnusableError(
      "needs_reconnect",
      `LinkedIn needs to be reconnected for ${connection.displayName}: an admin can reconnect it from the app's Home tab, then Retry.`,
    );
  }
  const now = deps.clock();
  const expired = () => connection !== null && connection.accessTokenExpiresAt <= now;
  const nearExpiry = connection.accessTokenExpiresAt.getTime() - now.getTime() < REFRESH_MARGIN_MS;
  if (nearExpiry && deps.env && isRefreshable(connection, now)) {
    const outcome = await refreshConnection({ ...deps, env: deps.env }, connection);
    if (outcome.kind === "refreshed") {
      connection = outcome.connection;
    } else if (outcome.kind === "rejected" && expired()) {
      await deps.db.linkedInConnection.updateMany({
        where: { id: connection.id, status: "active" },
        data: { status: "needs_reconnect" },
      });
      throw new ConnectionUnusableError(
        "needs_reconnect",
        `LinkedIn refused to renew the connection for ${connection.displayName}: an admin can reconnect it from the app's Home tab, then Retry.`,
      );
    } else if (outcome.kind === "failed" && expired()) {
      throw outcome.error;
    }
  }
  if (connection.accessTokenExpiresAt <= now) {
    throw new ConnectionUnusableError("expired", expiredMessage(connection));
  }
  try {
    return { accessToken: deps.cipher.decrypt(connection.accessTokenEnc), connection };
  } catch {
    throw new ConnectionUnusableError(
      "undecryptable",
      "The stored LinkedIn token cannot be read (was TOKEN_ENCRYPTION_KEY changed?). An admin must reconnect LinkedIn from the Home tab.",
    );
  }
}
