// Pure IANA time-zone helpers built on Intl only (no chrono-node, no host-zone Date getters).
// Every function here is independent of the host's TZ setting.

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
// Largest absolute epoch value a JS Date can hold.
const MAX_EPOCH_MS = 8.64e15;

/** A wall-clock reading (what a clock on the wall shows) in some zone. month is 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
  millisecond?: number;
}

/** A wall-clock reading together with its weekday (0 = Sunday). */
export interface ZonedWallTime extends Required<WallTime> {
  weekday: number;
}

/**
 * How a wall-clock time maps onto instants in a zone:
 * - unique: the normal case;
 * - gap: the time does not exist (spring forward); `at` is the time pushed forward by the gap length
 *   (2:30 AM in a 2:00 -> 3:00 gap becomes 3:30 AM), the behaviour of Temporal's "compatible" option;
 * - overlap: the time happens twice (fall back); `earlier` and `later` are the two instants.
 */
export type WallTimeResolution =
  | { kind: "unique"; at: Date }
  | { kind: "gap"; at: Date; gapMinutes: number }
  | { kind: "overlap"; earlier: Date; later: Date };

// Intl.DateTimeFormat construction is slow (tens of microseconds), so formatters are cached. The caches only
// ever hold valid zones; clearing them when they grow keeps arbitrary caller input from leaking memory.
const MAX_CACHE_ENTRIES = 2_000;
const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const zoneNames = new Map<string, string | null>();
const abbreviationCache = new Map<string, string>();
const namedFormatters = new Map<string, Intl.DateTimeFormat>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Returns the zone name to use for `timeZone`, or null when it is not a zone Intl knows.
 * The input's spelling is kept (Node's ICU would turn "Asia/Kolkata" into "Asia/Calcutta"); only its letter case
 * is fixed when ICU reports the same name in a different case ("america/new_york" -> "America/New_York").
 * Fixed offsets such as "+05:30" are not accepted by Node 20's Intl and so are invalid here.
 */
export function normalizeTimeZone(timeZone: unknown): string | null {
  if (typeof timeZone !== "string" || timeZone.length === 0 || timeZone.length > 100) return null;
  const cached = zoneNames.get(timeZone);
  if (cached !== undefined) return cached;
  let name: string | null;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
    name = resolved.toLowerCase() === timeZone.toLowerCase() ? resolved : timeZone;
  } catch {
    name = null;
  }
  return remember(zoneNames, timeZone, name);
}

/** True when `timeZone` is a zone Intl accepts (an IANA name such as "America/New_York", or "UTC"). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  return normalizeTimeZone(timeZone) !== null;
}

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    remember(partsFormatters, timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Epoch milliseconds of a wall time read as if it were UTC. Handles years 0-99 (Date.UTC would add 1900). */
export function wallTimeAsUtcMs(parts: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute, parts.second ?? 0, parts.millisecond ?? 0);
  return date.getTime();
}

/** The wall time a UTC-epoch value shows when read as UTC (inverse of wallTimeAsUtcMs). */
export function utcMsAsWallTime(ms: number): ZonedWallTime {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
    weekday: date.getUTCDay(),
  };
}

/** True when the calendar fields name a real date and time (no Feb 30, no 25:00). */
export function isValidWallTime(parts: WallTime): boolean {
  const values = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second ?? 0];
  if (!values.every(Number.isInteger) || !Number.isFinite(parts.millisecond ?? 0)) return false;
  const ms = wallTimeAsUtcMs(parts);
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS - 2 * MS_PER_DAY) return false;
  const back = utcMsAsWallTime(ms);
  return (
    back.year === parts.year &&
    back.month === parts.month &&
    back.day === parts.day &&
    back.hour === parts.hour &&
    back.minute === parts.minute &&
    back.second === (parts.second ?? 0)
  );
}

/** Adds whole calendar days to a wall time (the clock time is kept). */
export function addDaysToWallTime<T extends WallTime>(parts: T, days: number): T {
  const moved = utcMsAsWallTime(wallTimeAsUtcMs(parts) + days * MS_PER_DAY);
  return { ...parts, year: moved.year, month: moved.month, day: moved.day };
}

/**
 * The wall-clock reading of `instant` in `timeZone`, with the weekday. Throws RangeError for an invalid zone or
 * an invalid Date.
 */
export function wallTimeAt(instant: Date | number, timeZone: string): ZonedWallTime {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("Invalid time value");
  const values: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(ms)) values[part.type] = part.value;
  const yearOfEra = Number(values.year);
  // Intl reports years before 1 AD as eras ("2 BC" is astronomical year -1).
  const year = values.era === "BC" || values.era === "B" ? 1 - yearOfEra : yearOfEra;
  return {
    year,
    month: Number(values.month),
    day: Number(values.day),
    hour: Number(values.hour),
    minute: Number(values.minute),
    second: Number(values.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS[values.weekday ?? ""] ?? 0,
  };
}

/**
 * The zone's UTC offset at `instant`, in minutes east of UTC (New York in winter: -300; Kolkata: 330).
 * Throws RangeError for an invalid zone or an invalid Date.
 */
export function offsetMinutesAt(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const wall = wallTimeAt(ms, timeZone);
  return (wallTimeAsUtcMs(wall) - ms) / MS_PER_MINUTE;
}

/**
 * Finds the instant(s) at which clocks in `timeZone` show `parts`. Assumes at most one offset change within a
 * day either side, which holds for every zone in the tz database since 2012 (Samoa skipped a whole day in 2011).
 */
export function resolveWallTime(parts: WallTime, timeZone: string): WallTimeResolution {
  const naive = wallTimeAsUtcMs(parts);
  const offsetBefore = offsetMinutesAt(naive - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMinutesAt(naive + MS_PER_DAY, timeZone);
  // Fast path (no change within a day either side): one offset, one instant.
  if (offsetBefore === offsetAfter)
    return { kind: "unique", at: new Date(naive - offsetBefore * MS_PER_MINUTE) };
  const candidates = [
    ...new Set([naive - offsetBefore * MS_PER_MINUTE, naive - offsetAfter * MS_PER_MINUTE]),
  ];
  const valid = candidates
    .filter((candidate) => candidate + offsetMinutesAt(candidate, timeZone) * MS_PER_MINUTE === naive)
    .sort((a, b) => a - b);
  const [first, second] = valid;
  if (first !== undefined && second !== undefined) {
    return { kind: "overlap", earlier: new Date(first), later: new Date(second) };
  }
  if (first !== undefined) return { kind: "unique", at: new Date(first) };
  // Nothing shows this wall time: read it with the offset in force before the change, which lands the same
  // distance past the jump (2:30 AM EST = 3:30 AM EDT).
  return {
    kind: "gap",
    at: new Date(naive - offsetBefore * MS_PER_MINUTE),
    gapMinutes: offsetAfter - offsetBefore,
  };
}

/**
 * Converts a wall time in `timeZone` to a UTC instant, DST-safe. A time in a spring-forward gap is moved forward
 * by the gap length; a time that happens twice (fall back) resolves to its first occurrence.
 */
export function zonedWallTimeToUtc(parts: WallTime, timeZone: string): Date {
  const resolution = resolveWallTime(parts, timeZone);
  return resolution.kind === "overlap" ? resolution.earlier : resolution.at;
}

/** "UTC", "UTC+05:30", "UTC-03:30" for an offset in minutes east of UTC. */
export function formatUtcOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC";
  const sign = offsetMinutes > 0 ? "+" : "-";
  const abs = Math.abs(Math.round(offsetMinutes));
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function namedFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let formatter = namedFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" });
    remember(namedFormatters, key, formatter);
  }
  return formatter;
}

// en-US names only North American zones (others come out as "GMT+11"); these English locales know the local
// abbreviations of their regions (BST, CET, AEDT, NZDT, IST, NST ...).
const ABBREVIATION_LOCALES = ["en-US", "en-GB", "en-AU", "en-NZ", "en-IN", "en-CA", "en-IE"];
const NUMERIC_ZONE_NAME = /^(?:GMT|UTC)[+\-\u2212]/;

/**
 * The zone's short name at `instant`: "EST", "PDT", "BST", "AEDT", "IST", or "GMT+9" when no English locale has
 * an abbreviation for it. Throws RangeError for an invalid zone or an invalid Date.
 */
export function zoneAbbreviation(
  instant: Date | number,
  timeZone: string,
  knownOffsetMinutes?: number,
): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const offset = knownOffsetMinutes ?? offsetMinutesAt(ms, timeZone);
  const key = `${timeZone}|${offset}`;
  const cached = abbreviationCache.get(key);
  if (cached !== undefined) return cached;
  let fallback = formatUtcOffset(offset);
  let found: string | undefined;
  for (const locale of ABBREVIATION_LOCALES) {
    const name = namedFormatter(locale, timeZone)
      .formatToParts(ms)
      .find((part) => part.type === "timeZoneName")?.value;
    if (!name) continue;
    if (locale === "en-US") fallback = name.replace(/\u2212/g, "-");
    if (!NUMERIC_ZONE_NAME.test(name)) {
      found = name;
      break;
    }
  }
  return remember(abbreviationCache, key, found ?? fallback);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "9:00 AM", "12:30 PM" for a 24-hour clock time. */
export function formatClock(hour: number, minute: number): string {
  const period = hour < 12 ? "AM" : "PM";
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}:${String(minute).padStart(2, "0")} ${period}`;
}

/** "Dec 8" for a wall time. */
export function formatMonthDay(parts: WallTime): string {
  return `${MONTHS[parts.month - 1]} ${parts.day}`;
}

/** "Tue, Dec 8, 2026" (or "Tue, Dec 8" without the year) for a wall time. */
export function formatWallDate(parts: WallTime, withYear = true): string {
  const weekday = utcMsAsWallTime(wallTimeAsUtcMs({ ...parts, hour: 12, minute: 0 })).weekday;
  const date = `${WEEKDAY_NAMES[weekday]}, ${formatMonthDay(parts)}`;
  return withYear ? `${date}, ${parts.year}` : date;
}

/** Wall date, clock time and zone abbreviation of `at` in `timeZone` (the zone must be valid). */
export function describeInZone(
  at: Date,
  timeZone: string,
): { date: string; time: string; abbreviation: string } {
  const wall = wallTimeAt(at, timeZone);
  const offset = (wallTimeAsUtcMs(wall) - at.getTime()) / MS_PER_MINUTE;
  return {
    date: formatWallDate(wall),
    time: formatClock(wall.hour, wall.minute),
    abbreviation: zoneAbbreviation(at, timeZone, offset),
  };
}

/**
 * Formats an instant for people: "Tue, Dec 8, 2026, 9:00 AM EST". Never throws: an invalid zone is formatted in
 * UTC (and labelled "UTC", so nothing is misleading) and an invalid Date gives "Invalid date".
 */
export function formatInZone(at: Date, timeZone: string): string {
  const ms = at instanceof Date ? at.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) return "Invalid date";
  const zone = normalizeTimeZone(timeZone) ?? "UTC";
  const { date, time, abbreviation } = describeInZone(new Date(ms), zone);
  return `${date}, ${time} ${abbreviation}`;
}
