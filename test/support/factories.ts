// Test data built through Prisma, as the app stores it.
import { randomBytes } from "node:crypto";
import { createTokenCipher } from "../../src/crypto/token-cipher.js";
import type { Db } from "../../src/db.js";
import type { LinkedInConnection, Post, Workspace } from "../../src/generated/prisma/client.js";
import { TEAM_ID, TEST_ENCRYPTION_KEY } from "./app.js";

export const testCipher = createTokenCipher(TEST_ENCRYPTION_KEY);
export const TEST_ACCESS_TOKEN = "AQV-test-access-token-do-not-log-0123456789";

export async function makeWorkspace(db: Db, over: Partial<Workspace> = {}): Promise<Workspace> {
  return db.workspace.upsert({
    where: { slackTeamId: over.slackTeamId ?? TEAM_ID },
    create: { slackTeamId: TEAM_ID, ...over },
    update: {},
  });
}

export async function makeConnection(
  db: Db,
  workspace: Workspace,
  over: Partial<LinkedInConnection> & { accessToken?: string } = {},
): Promise<LinkedInConnection> {
  const { accessToken, ...rest } = over;
  return db.linkedInConnection.create({
    data: {
      workspaceId: workspace.id,
      authorUrn: `urn:li:person:${randomBytes(4).toString("hex")}`,
      displayName: "Ada Lovelace",
      accessTokenEnc: testCipher.encrypt(accessToken ?? TEST_ACCESS_TOKEN),
      accessTokenExpiresAt: new Date(Date.now() + 50 * 86_400_000),
      connectedByUserId: "U0ADMIN",
      ...rest,
    },
  });
}

export async function makePost(
  db: Db,
  workspace: Workspace,
  connection: LinkedInConnection | null,
  over: Partial<Post> = {},
): Promise<Post> {
  return db.post.create({
    data: {
      shortId: randomBytes(3).toString("hex"),
      workspaceId: workspace.id,
      connectionId: connection?.id ?? null,
      authorUserId: "U0AUTHOR",
      channelId: "C0CHANNEL",
      messageTs: "1700000000.000100",
      text: "Our Q4 report is out (finally) #marketing",
      publishAt: new Date(Date.now() + 3_600_000),
      timeZone: "America/New_York",
      whenText: "in 1 hour",
      ...over,
    },
  });
}
