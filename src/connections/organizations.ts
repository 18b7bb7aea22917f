// Company pages as post authors: list the pages a connected member administers, and connect one. A
// page connection posts with its admin's member token (an encrypted copy), so it expires with it.
import { type AdminDeps, adminContext } from "../auth/admin-context.js";
import type { TokenCipher } from "../crypto/token-cipher.js";
import type { Db } from "../db.js";
import type { Env } from "../env.js";
import type { LinkedInConnection } from "../generated/prisma/client.js";
import { LinkedInApiError, userMessage } from "../linkedin/errors.js";
import { listAdministeredOrganizations } from "../linkedin/oauth-client.js";
import type { Logger } from "../logger.js";
import { linkedInApp } from "./linkedin-app.js";
import { hasScope, ORGANIZATION_SCOPE } from "./save-member-connection.js";

export type OrganizationDeps = AdminDeps & {
  db: Db;
  cipher: TokenCipher;
  env: Env;
  logger: Logger;
  clock: () => Date;
};

export type PageListResult =
  | { kind: "forbidden" }
  | { kind: "unavailable"; message: string }
  | { kind: "ok"; connectionId: string; pages: { urn: string; name: string; connected: boolean }[] };

async function usableMember(
  db: Db,
  workspaceId: string,
  connectionId: string,
): Promise<LinkedInConnection | null> {
  const member = await db.linkedInConnection.findFirst({
    where: { id: connectionId, workspaceId, kind: "member", status: "active" },
  });
  return member && hasScope(member.scopes, ORGANIZATION_SCOPE) ? member : null;
}

export async function listConnectablePages(
  deps: OrganizationDeps,
  teamId: string,
  userId: string,
  connectionId: string,
): Promise<PageListResult> {
  const { workspace, isAdmin } = await adminContext(deps, teamId, userId);
  if (!isAdmin) return { kind: "forbidden" };
  const app = linkedInApp(deps.env);
  const member = await usableMember(deps.db, workspace.id, connectionId);
  if (!app || !member) {
    return {
      kind: "unavailable",
      message:
        "This connection cannot manage company pages. Use Connect LinkedIn → “Sign in with pages” to grant page access.",
    };
  }
  try {
    const orgs = await listAdministeredOrganizations({
      apiUrl: app.apiUrl,
      version: app.version,
      accessToken: deps.cipher.decrypt(member.accessTokenEnc),
      now: deps.clock,
    });
    const existing = await deps.db.linkedInConnection.findMany({
      where: { workspaceId: workspace.id, kind: "organization", status: { not: "disconnected" } },
      select: { authorUrn: true },
    });
    const connected = new Set(existing.map((c) => c.authorUrn));
    return {
      kind: "ok",
      connectionId: member.id,
      pages: orgs.map((o) => ({
        urn: o.urn,
        name: o.name ?? `Company page ${o.urn.split(":").pop()}`,
        connected: connected.has(o.urn),
      })),
    };
  } catch (err) {
    if (!(err instanceof LinkedInApiError)) throw err;
    deps.logger.warn({ err, connectionId }, "listing LinkedIn company pages failed");
    return { kind: "unavailable", message: userMessage(err) };
  }
}

export type ConnectPageResult =
  | { kind: "forbidden" }
  | { kind: "unavailable"; message: string }
  | { kind: "connected"; connection: LinkedInConnection };

export async function connectOrganization(
  deps: OrganizationDeps,
  teamId: string,
  userId: string,
  input: { memberConnectionId: string; organizationUrn: string; name: string },
): Promise<ConnectPageResult> {
  const { workspace, isAdmin } = await adminContext(deps, teamId, userId);
  if (!isAdmin) return { kind: "forbidden" };
  const member = await usableMember(deps.db, workspace.id, input.memberConnectionId);
  if (!member) {
    return {
      kind: "unavailable",
      message: "The member connection for this page is no longer active. Reconnect it first.",
    };
  }
  const shared = {
    kind: "organization" as const,
    displayName: input.name,
    accessTokenEnc: member.accessTokenEnc,
    refreshTokenEnc: member.refreshTokenEnc,
    accessTokenExpiresAt: member.accessTokenExpiresAt,
    refreshTokenExpiresAt: member.refreshTokenExpiresAt,
    scopes: member.scopes,
    connectedByUserId: userId,
  };
  const connection = await deps.db.linkedInConnection.upsert({
    where: { workspaceId_authorUrn: { workspaceId: workspace.id, authorUrn: input.organizationUrn } },
    create: { workspaceId: workspace.id, authorUrn: input.organizationUrn, ...shared },
    update: { ...shared, status: "active", lastReminderDays: null },
  });
  deps.logger.info(
    { workspaceId: workspace.id, connectionId: connection.id, authorUrn: connection.authorUrn, userId },
    "LinkedIn company page connected",
  );
  return { kind: "connected", connection };
}
