// Saving the workspace settings from the Home tab (admins only, checked here).
import { type AdminDeps, adminContext } from "../auth/admin-context.js";
import type { Logger } from "../logger.js";
import type { SettingsInput } from "../slack/blocks/settings-modal.js";

export async function loadSettings(
  deps: AdminDeps,
  teamId: string,
  userId: string,
): Promise<{ kind: "forbidden" } | { kind: "ok"; settings: SettingsInput }> {
  const { workspace, isAdmin } = await adminContext(deps, teamId, userId);
  if (!isAdmin) return { kind: "forbidden" };
  return {
    kind: "ok",
    settings: { defaultChannelId: workspace.defaultChannelId, adminUserIds: workspace.adminUserIds },
  };
}

export async function saveSettings(
  deps: AdminDeps & { logger: Logger },
  teamId: string,
  userId: string,
  input: SettingsInput,
): Promise<{ kind: "forbidden" } | { kind: "saved" }> {
  const { workspace, isAdmin } = await adminContext(deps, teamId, userId);
  if (!isAdmin) return { kind: "forbidden" };
  await deps.db.workspace.update({
    where: { id: workspace.id },
    data: { defaultChannelId: input.defaultChannelId, adminUserIds: input.adminUserIds },
  });
  deps.logger.info(
    {
      workspaceId: workspace.id,
      userId,
      defaultChannelId: input.defaultChannelId,
      adminUserIds: input.adminUserIds,
    },
    "workspace settings saved",
  );
  return { kind: "saved" };
}
