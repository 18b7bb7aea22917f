// "Add a company page" (admins): a loading modal at once, then the pages the member administers;
// submitting connects the chosen page as a post author.
import type { App } from "@slack/bolt";
import { z } from "zod";
import { connectOrganization, listConnectablePages } from "../../../connections/organizations.js";
import type { AppDeps } from "../../../container.js";
import { refreshHome } from "../../../home/refresh-home.js";
import { ADMINS_ONLY, adminsOnlyModal, noticeModal } from "../../blocks/connect-modal.js";
import {
  organizationLoadingModal,
  organizationPickerModal,
  readOrganizationChoice,
  readOrganizationMetadata,
} from "../../blocks/organization-modal.js";
import { ACTION, BLOCK, VIEW } from "../../ids.js";
import { showNotice } from "./notice.js";
import { homePages, readAction, readSubmission } from "./payload.js";

export function registerConnectOrganization(app: App, deps: AppDeps): void {
  app.action(ACTION.connectOrganization, async ({ ack, body }) => {
    await ack();
    const ctx = readAction(body);
    const connectionId = z.uuid().safeParse(ctx?.value);
    if (!ctx || !connectionId.success) return;
    // Trigger ids expire in about 3 s and LinkedIn can be slower: open first, fill in after.
    let viewId: string | undefined;
    if (ctx.triggerId) {
      try {
        const opened = await deps.slack.views.open({
          trigger_id: ctx.triggerId,
          view: organizationLoadingModal(),
        });
        viewId = opened.view?.id;
      } catch (err) {
        deps.logger.warn({ err, userId: ctx.userId }, "could not open the company page modal");
      }
    }
    const result = await deps.background(() =>
      listConnectablePages(deps, ctx.teamId, ctx.userId, connectionId.data),
    );
    const view =
      result.kind === "forbidden"
        ? adminsOnlyModal()
        : result.kind === "unavailable"
          ? noticeModal("Company pages", result.message)
          : organizationPickerModal(result.connectionId, result.pages);
    if (result.kind === "forbidden") {
      deps.logger.warn(
        { teamId: ctx.teamId, userId: ctx.userId, action: "connect_page" },
        "admin action refused",
      );
    }
    if (viewId) {
      await deps.slack.views.update({ view_id: viewId, view });
    } else {
      await showNotice(
        deps,
        { userId: ctx.userId, triggerId: undefined },
        view,
        result.kind === "forbidden" ? ADMINS_ONLY : "Try “Add a company page” again from the Home tab.",
      );
    }
    if (result.kind === "forbidden") {
      await deps.background(() => refreshHome(deps, ctx.teamId, ctx.userId, homePages(ctx)));
    }
  });

  app.view(VIEW.connectOrganization, async ({ ack, body }) => {
    const ctx = readSubmission(body);
    const metadata = readOrganizationMetadata(ctx?.metadata);
    const choice = ctx && metadata ? readOrganizationChoice(ctx.values, metadata) : null;
    if (!ctx || !metadata || !choice) {
      await ack({
        response_action: "errors",
        errors: { [BLOCK.organization]: "Choose one of the pages listed." },
      });
      return;
    }
    const result = await connectOrganization(deps, ctx.teamId, ctx.userId, {
      memberConnectionId: metadata.connectionId,
      organizationUrn: choice.urn,
      name: choice.name,
    });
    if (result.kind === "forbidden") {
      deps.logger.warn(
        { teamId: ctx.teamId, userId: ctx.userId, action: "connect_page_save" },
        "admin action refused",
      );
      await ack({ response_action: "errors", errors: { [BLOCK.organization]: ADMINS_ONLY } });
      return;
    }
    if (result.kind === "unavailable") {
      await ack({ response_action: "errors", errors: { [BLOCK.organization]: result.message } });
      return;
    }
    await ack();
    await deps.background(() => refreshHome(deps, ctx.teamId, ctx.userId));
  });
}
