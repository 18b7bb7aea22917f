// The few fields the Home listeners read from Slack's interaction payloads, checked with zod.
import { z } from "zod";
import { decodePages } from "../../blocks/home-paging.js";
import { FIRST_PAGES, type HomePages } from "../../blocks/home-types.js";

const actionBody = z.object({
  team: z.object({ id: z.string() }).nullish(),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  trigger_id: z.string().optional(),
  actions: z.array(z.object({ value: z.string().max(2000).optional() })).min(1),
  view: z.object({ type: z.string(), private_metadata: z.string().optional() }).optional(),
});

export type ActionContext = {
  teamId: string;
  userId: string;
  triggerId: string | undefined;
  value: string | undefined;
  viewType: string | undefined;
  viewMetadata: string | undefined;
};

/** Reads a block_actions payload; null when it lacks what every Home action needs. */
export function readAction(body: unknown): ActionContext | null {
  const parsed = actionBody.safeParse(body);
  if (!parsed.success) return null;
  const b = parsed.data;
  const teamId = b.team?.id ?? b.user.team_id;
  if (!teamId) return null;
  return {
    teamId,
    userId: b.user.id,
    triggerId: b.trigger_id,
    value: b.actions[0]?.value,
    viewType: b.view?.type,
    viewMetadata: b.view?.private_metadata,
  };
}

/** The pages the user was on, when the action came from their Home tab. */
export const homePages = (ctx: ActionContext): HomePages =>
  ctx.viewType === "home" ? decodePages(ctx.viewMetadata) : { ...FIRST_PAGES };

const submissionBody = z.object({
  team: z.object({ id: z.string() }).nullish(),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  view: z.object({
    private_metadata: z.string().optional(),
    state: z.object({ values: z.record(z.string(), z.unknown()) }),
  }),
});

export type SubmissionContext = {
  teamId: string;
  userId: string;
  metadata: string | undefined;
  values: unknown;
};

export function readSubmission(body: unknown): SubmissionContext | null {
  const parsed = submissionBody.safeParse(body);
  if (!parsed.success) return null;
  const b = parsed.data;
  const teamId = b.team?.id ?? b.user.team_id;
  if (!teamId) return null;
  return { teamId, userId: b.user.id, metadata: b.view.private_metadata, values: b.view.state.values };
}
