// Gives the publish step a usable LinkedIn access token for a connection, decrypted only in memory.
import type { TokenCipher } from "../crypto/token-cipher.js";
import type { Db } from "../db.js";
import type { LinkedInConnection } from "../generated/prisma/client.js";

export class ConnectionUnusableError extends Error {
  constructor(
    readonly code: "missing" | "needs_reconnect" | "expired" | "undecryptable",
    message: string,
  ) {
    super(message);
    this.name = "ConnectionUnusableError";
  }
}

export type AccessTokenDeps = { db: Db; cipher: TokenCipher; clock: () => Date };

export async function accessTokenFor(
  deps: AccessTokenDeps,
  connectionId: string | null,
): Promise<{ accessToken: string; connection: LinkedInConnection }> {
  const connection = connectionId
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
  if (connection.accessTokenExpiresAt <= deps.clock() && !connection.refreshTokenEnc) {
    throw new ConnectionUnusableError(
      "expired",
      `The LinkedIn connection for ${connection.displayName} expired. An admin can reconnect it from the app's Home tab, then Retry.`,
    );
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
