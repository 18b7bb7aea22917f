// Reads Slack users (time zone, admin flags) through users.info, cached briefly: a user's zone or
// role rarely changes, and Slack rate-limits users.info.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";

export type SlackUser = {
  id: string;
  name: string;
  /** IANA zone, e.g. "America/New_York"; undefined when Slack has none for the user. */
  timeZone?: string;
  isWorkspaceAdmin: boolean;
};

const usersInfoSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string().optional(),
    real_name: z.string().optional(),
    tz: z.string().nullish(),
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    is_primary_owner: z.boolean().optional(),
  }),
});

export type UserDirectory = {
  get(userId: string): Promise<SlackUser>;
  forget(userId: string): void;
};

export function createUserDirectory(opts: {
  client: WebClient;
  now?: () => number;
  ttlMs?: number;
  maxEntries?: number;
}): UserDirectory {
  const ttl = opts.ttlMs ?? 10 * 60_000;
  const max = opts.maxEntries ?? 5_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { at: number; user: Promise<SlackUser> }>();
  return {
    get(userId) {
      const hit = cache.get(userId);
      if (hit && now() - hit.at < ttl) return hit.user;
      const user = opts.client.users.info({ user: userId }).then((res) => {
        const parsed = usersInfoSchema.parse(res);
        const u = parsed.user;
        return {
          id: u.id,
          name: u.real_name || u.name || u.id,
          ...(u.tz ? { timeZone: u.tz } : {}),
          isWorkspaceAdmin: Boolean(u.is_admin || u.is_owner || u.is_primary_owner),
        };
      });
      // A failed look-up is not cached.
      user.catch(() => cache.delete(userId));
      if (cache.size >= max) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(userId, { at: now(), user });
      return user;
    },
    forget(userId) {
      cache.delete(userId);
    },
  };
}
