// Stores a member's LinkedIn connection after OAuth: one row per workspace and author URN, so
// reconnecting the same member renews that row (and reactivates it) instead of adding another.
import type { TokenCipher } from "../crypto/token-cipher.js";
import type { Db } from "../db.js";
import type { LinkedInConnection } from "../generated/prisma/client.js";
import { type LinkedInTokens, listAdministeredOrganizations } from "../linkedin/oauth-client.js";
import type { Logger } from "../logger.js";
import type { LinkedInApp } from "./linkedin-app.js";

export const ORGANIZATION_SCOPE = "w_organization_social";

export const hasScope = (scopes: string, scope: string): boolean => scopes.split(/[\s,]+/).includes(scope);

export type SaveMemberDeps = { db: Db; cipher: TokenCipher; logger: Logger; clock: () => Date };

export async function saveMemberConnection(
  deps: SaveMemberDeps,
  input: {
    workspaceId: string;
    slackUserId: string;
    authorUrn: string;
    displayName: string;
    tokens: LinkedInTokens;
  },
): Promise<LinkedInConnection> {
  const { tokens } = input;
  const secrets = {
    accessTokenEnc: deps.cipher.encrypt(tokens.accessToken),
    refreshTokenEnc: tokens.refreshToken !== undefined ? deps.cipher.encrypt(tokens.refreshToken) : null,
    accessTokenExpiresAt: tokens.expiresAt,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt ?? null,
    scopes: tokens.scopes.join(" "),
  };
  return deps.db.linkedInConnection.upsert({
    where: { workspaceId_authorUrn: { workspaceId: input.workspaceId, authorUrn: input.authorUrn } },
    create: {
      workspaceId: input.workspaceId,
      kind: "member",
      authorUrn: input.authorUrn,
      displayName: input.displayName,
      connectedByUserId: input.slackUserId,
      ...secrets,
    },
    update: {
      kind: "member",
      displayName: input.displayName,
      connectedByUserId: input.slackUserId,
      status: "active",
      lastReminderDays: null,
      ...secrets,
    },
  });
}

/**
 * Company pages post with their admin's member token. When that member reconnects, the pages already
 * connected in this workspace that the member still administers get the new token too. Best effort: a
 * LinkedIn failure here only leaves those pages to be reconnected separately.
 */
export async function renewOrganizationConnections(
  deps: SaveMemberDeps,
  app: LinkedInApp,
  member: LinkedInConnection,
  accessToken: string,
): Promise<number> {
  if (!hasScope(member.scopes, ORGANIZATION_SCOPE)) return 0;
  const pages = await deps.db.linkedInConnection.findMany({
    where: { workspaceId: member.workspaceId, kind: "organization", status: { not: "disconnected" } },
    select: { id: true, authorUrn: true },
  });
  if (pages.length === 0) return 0;
  try {
    const administered = new Set(
      (await listAdministeredOrganizations({ apiUrl: app.apiUrl, version: app.version, accessToken })).map(
        (o) => o.urn,
      ),
    );
    const ids = pages.filter((p) => administered.has(p.authorUrn)).map((p) => p.id);
    if (ids.length === 0) return 0;
    const { count } = await deps.db.linkedInConnection.updateMany({
      where: { id: { in: ids } },
      data: {
        accessTokenEnc: member.accessTokenEnc,
        refreshTokenEnc: member.refreshTokenEnc,
        accessTokenExpiresAt: member.accessTokenExpiresAt,
        refreshTokenExpiresAt: member.refreshTokenExpiresAt,
        scopes: member.scopes,
        status: "active",
        lastReminderDays: null,
      },
    });
    return count;
  } catch (err) {
    deps.logger.warn(
      { err, connectionId: member.id },
      "could not renew company-page connections after a reconnect",
    );
    return 0;
  }
}
