// Workspaces are created on first contact with a Slack team.
import type { Db } from "../db.js";
import type { Workspace } from "../generated/prisma/client.js";

export async function ensureWorkspace(db: Db, slackTeamId: string): Promise<Workspace> {
  return db.workspace.upsert({ where: { slackTeamId }, create: { slackTeamId }, update: {} });
}
