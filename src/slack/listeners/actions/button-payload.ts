// Reads a click on a post's button (Edit, Cancel, Retry) from a block_actions payload: the button's
// value is a post id or short id. What the clicker may do is decided later, on the server.
import { z } from "zod";

const buttonSchema = z.object({
  team: z.object({ id: z.string() }).nullish(),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  trigger_id: z.string().optional(),
  channel: z.object({ id: z.string() }).nullish(),
  container: z.object({ type: z.string() }).passthrough().optional(),
  view: z.object({ type: z.string() }).passthrough().nullish(),
  actions: z.array(z.object({ value: z.string().max(100).nullish() })).min(1),
});

export type ButtonContext = {
  teamId: string;
  userId: string;
  postRef: string;
  triggerId?: string;
  channelId?: string;
  fromHome: boolean;
};

export function readButton(body: unknown): ButtonContext | null {
  const parsed = buttonSchema.safeParse(body);
  if (!parsed.success) return null;
  const b = parsed.data;
  const teamId = b.team?.id ?? b.user.team_id;
  const postRef = b.actions[0]?.value;
  if (!teamId || !postRef) return null;
  return {
    teamId,
    userId: b.user.id,
    postRef,
    ...(b.trigger_id ? { triggerId: b.trigger_id } : {}),
    ...(b.channel?.id ? { channelId: b.channel.id } : {}),
    fromHome: b.view?.type === "home",
  };
}
