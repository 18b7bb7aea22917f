// Calendar months in a viewer's time zone, for the Home tab's monthly figures.
import { wallTimeAt, zonedWallTimeToUtc } from "../scheduling/zone.js";

export function monthInZone(now: Date, timeZone: string): { start: Date; end: Date; label: string } {
  const wall = wallTimeAt(now, timeZone);
  const nextYear = wall.month === 12 ? wall.year + 1 : wall.year;
  const nextMonth = wall.month === 12 ? 1 : wall.month + 1;
  const midnight = { day: 1, hour: 0, minute: 0 };
  return {
    start: zonedWallTimeToUtc({ year: wall.year, month: wall.month, ...midnight }, timeZone),
    end: zonedWallTimeToUtc({ year: nextYear, month: nextMonth, ...midnight }, timeZone),
    label: new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone }).format(now),
  };
}
