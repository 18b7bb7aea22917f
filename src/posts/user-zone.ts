// The time zone a user's words are read in: their Slack profile's IANA zone (users.info `tz`),
// or UTC when Slack has none, said out loud so nobody is surprised.
import type { UserDirectory } from "../slack/user-directory.js";

export type UserZone = { timeZone: string; fallbackNote?: string };

export async function userZone(users: UserDirectory, userId: string): Promise<UserZone> {
  try {
    const user = await users.get(userId);
    if (user.timeZone) return { timeZone: user.timeZone };
    return {
      timeZone: "UTC",
      fallbackNote:
        "Your Slack profile has no time zone, so I read the time in UTC. Set your zone in Slack (Profile → Time zone) or write it, e.g. `9am EST`.",
    };
  } catch {
    return {
      timeZone: "UTC",
      fallbackNote:
        "I couldn't read your time zone from Slack just now, so I read the time in UTC. Write the zone to be sure, e.g. `9am EST`.",
    };
  }
}
