// parseWhen: the natural-language time a user types in Slack ("tomorrow 9am"), read in THEIR IANA zone, to a
// UTC instant. This is the only module in the app that imports chrono-node.
//
// How chrono is driven (see the notes at the bottom of this comment for why):
//   chrono only understands fixed UTC offsets, not IANA zones, and it compares instants it built in different
//   frames inside its forwardDate refiner. So chrono is told that the user is in UTC and that "now" is the
//   user's current wall-clock time read as UTC. Every component chrono returns is then the user's wall clock, and
//   this module turns it into an instant itself with the IANA rules of the target day (DST-safe), and re-does the
//   "next occurrence" logic for phrases without a date ("9am", "friday 3pm", "Dec 24 10am").
//
// Decisions:
// - Date without a time ("tomorrow", "Dec 24", "friday", "tonight", "tomorrow morning"): refused with no_time;
//   the user must say the time. A date-only phrase already in the past ("yesterday") is refused with past.
// - Durations with hours/minutes/seconds ("in 2 hours", "in 90 minutes", "in 1 day and 2 hours") are exact
//   elapsed time: now + duration, whatever the clocks do. Durations in whole days/weeks/months ("in 3 days",
//   "next week") are calendar arithmetic: same wall-clock time N days later (71 or 73 real hours across a DST
//   change), because "in 3 days" said at 10am means 10am on that day, not 9am or 11am.
// - Bare time ("9am"): the next 9am after now (today, or tomorrow once it has passed). Weekday ("monday at
//   noon"): the next such weekday and time (a week ahead once today's has passed); "next friday" keeps chrono's
//   meaning; "last friday" is past. Month and day without a year ("Dec 24 10:30am"): the next Dec 24, except
//   that one which passed less than 30 days ago is refused as past -- "Dec 7 9am" said on Dec 8 is a mistake,
//   not a request for next December ("Nov 1 9am" said on Dec 8 means next November).
// - Explicit days ("today at 8am", "tonight at 8", "yesterday 9am", "2026-12-10 14:00") are never moved: past
//   ones are refused with past. Anything at or before `now` is past.
// - Spring-forward gap (2:30 AM on a day clocks jump 2:00 -> 3:00): moved forward by the gap length (3:30 AM,
//   as the brief's example and Temporal's "compatible" mode do) with a `note`, not refused. Fall-back overlap
//   (1:30 AM happens twice): the first occurrence, unless that one has already passed and the second has not;
//   either way with a `note`. Code nonexistent is used for calendar dates that do not exist ("Feb 30 9am",
//   "2027-02-29 14:00"), which chrono otherwise skips silently.
// - A zone written in the text ("9am EST", "9am PT", "UTC+5:30", ISO "...Z") wins: zoneSource "text". The
//   result is still displayed in the user's zone (timeZone is always the user's zone) and the note gives the
//   time in the written zone.
// - Invalid IANA zone: refused with bad_zone (no fallback to UTC: a wrong zone silently shifts posts by hours).
// - Text chrono reads only partly is refused when the unread rest has digits ("at 9am on the 10th" would
//   otherwise silently drop "the 10th"), and text with two or more times ("tomorrow 9am or friday 10am") is
//   refused too: scheduling the wrong one is worse than asking again.
// - Never throws: any unexpected internal error becomes a no_time refusal.
//
// Host zone: chrono does its wall-clock arithmetic with host-local Date methods, so a wall time inside the HOST's
// own DST gap gets moved. On a UTC host (servers) that never happens. Elsewhere, exact durations are re-read from a
// frame away from the host's clock change (exactDurationMs), "in 3 days" takes its time of day from our own
// reading of now, and explicit times come from the text; what remains host-dependent is only a date-level choice
// made by chrono when now is within the host's gap hour, which our own next-occurrence logic then re-checks.
//
// chrono-node 2.10.3 facts this relies on (checked in node_modules/chrono-node/src):
// - a numeric `timezone` is minutes east of UTC; IANA names are not understood (toTimezoneOffset -> null);
// - relative date-times ("in 2 hours", "now") get tag result/relativeDateAndTime or casualReference/now AND an
//   assigned (certain) timezoneOffset equal to the reference's, so isCertain("timezoneOffset") alone does not
//   mean "zone written in the text";
// - "in 3 days" (tag result/relativeDate) has a certain date and the reference's time only implied;
// - ForwardDateRefiner compares a host-local "adjusted" reference Date with result instants, which skews the
//   weekday/unknown-year forwarding by the reference offset; and it forwards "last friday" to the next Friday.

import * as chrono from "chrono-node";
import {
  addDaysToWallTime,
  describeInZone,
  formatClock,
  formatInZone,
  formatMonthDay,
  formatUtcOffset,
  formatWallDate,
  isValidWallTime,
  normalizeTimeZone,
  resolveWallTime,
  type WallTime,
  wallTimeAsUtcMs,
  wallTimeAt,
} from "./zone.js";

export { formatInZone };

export const DEFAULT_MAX_AHEAD_DAYS = 365;

export type WhenResult =
  | {
      ok: true;
      /** The UTC instant to post at. */
      at: Date;
      /** The zone `display` is rendered in: always the user's zone (as normalized by normalizeTimeZone). */
      timeZone: string;
      /** "text" when a zone written in the message ("9am EST") decided the instant. */
      zoneSource: "user" | "text";
      /** e.g. "Tue, Dec 8, 2026 at 9:00 AM EST (America/New_York)". */
      display: string;
      /** Set when the time was adjusted or needs a second look (DST gap/overlap, zone from the text). */
      note?: string;
    }
  | {
      ok: false;
      code: "empty" | "no_time" | "past" | "too_far" | "nonexistent" | "bad_zone";
      /** A sentence for the user saying what was wrong. */
      reason: string;
      /** A phrase that works, e.g. "tomorrow 9am". */
      example: string;
    };

type Refusal = Extract<WhenResult, { ok: false }>;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const MAX_TEXT_LENGTH = 200;
const DEFAULT_EXAMPLE = "tomorrow 9am";
// A month and day without a year that passed fewer days ago than this is refused as past, not moved a year on.
const RECENT_PAST_DAYS = 30;

// A private instance: chrono.casual is shared module state.
const parser = chrono.casual.clone();

function refuse(code: Refusal["code"], reason: string, example = DEFAULT_EXAMPLE): Refusal {
  return { ok: false, code, reason, example };
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return `"${oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine}"`;
}

/** "9am", "8:30pm": a clock time the parser reads back. */
function clockPhrase(hour: number, minute: number): string {
  const period = hour < 12 ? "am" : "pm";
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${hour12}${period}` : `${hour12}:${String(minute).padStart(2, "0")}${period}`;
}

function displayFor(at: Date, timeZone: string): string {
  const { date, time, abbreviation } = describeInZone(at, timeZone);
  return `${date} at ${time} ${abbreviation} (${timeZone})`;
}

function dayNumber(parts: WallTime): number {
  return Math.floor(
    wallTimeAsUtcMs({ ...parts, hour: 12, minute: 0, second: 0, millisecond: 0 }) / MS_PER_DAY,
  );
}

interface Placed {
  at: Date;
  parts: WallTime;
  note?: string;
}

/**
 * Parses `text` (e.g. "tomorrow 9am", "in 2 hours", "Dec 24 10:30am EST") as a time in the user's IANA zone
 * `timeZone`, relative to `now`, and returns the UTC instant or a refusal with a reason and a working example.
 * Accepts only instants strictly after `now` and at most `maxAheadDays` (default 365) days of elapsed time ahead.
 * Never throws.
 */
export function parseWhen(
  text: string,
  opts: { now: Date; timeZone: string; maxAheadDays?: number },
): WhenResult {
  try {
    return parseWhenOrThrow(text, opts);
  } catch {
    // Not expected; the contract is to never throw, so an internal failure reads as "couldn't understand".
    return refuse("no_time", "Sorry, I couldn't work out a date and time from that.");
  }
}

function parseWhenOrThrow(
  text: string,
  opts: { now: Date; timeZone: string; maxAheadDays?: number },
): WhenResult {
  const input = typeof text === "string" ? text.trim() : "";
  if (input.length === 0) {
    return refuse("empty", "Tell me when to post: the time was empty.");
  }

  const rawZone: unknown = opts?.timeZone;
  const timeZone = normalizeTimeZone(rawZone);
  if (timeZone === null) {
    const shown = typeof rawZone === "string" && rawZone.trim() ? quote(rawZone) : "(none)";
    return refuse(
      "bad_zone",
      `Your time zone ${shown} isn't a valid IANA time zone, so I can't tell what your times mean. ` +
        "Set your time zone in Slack (e.g. America/New_York) and try again.",
    );
  }

  const nowMs = opts?.now instanceof Date ? opts.now.getTime() : Number.NaN;
  if (!Number.isFinite(nowMs)) {
    // A programming error in the caller; reported as a refusal to keep the never-throw contract.
    return refuse("no_time", "I couldn't tell the current time, so I can't schedule this. Please try again.");
  }
  const maxAheadDays =
    typeof opts.maxAheadDays === "number" && Number.isFinite(opts.maxAheadDays) && opts.maxAheadDays > 0
      ? opts.maxAheadDays
      : DEFAULT_MAX_AHEAD_DAYS;

  if (input.length > MAX_TEXT_LENGTH) {
    return refuse("no_time", "That's too long to read as a time; send just the time.");
  }

  // chrono runs in a frame where the user lives in UTC and "now" is their wall clock read as UTC.
  const nowWall = wallTimeAt(nowMs, timeZone);
  const frameNow = new Date(wallTimeAsUtcMs(nowWall));
  const results = parser.parse(input, { instant: frameNow, timezone: 0 }, { forwardDate: true });

  const [result, second] = results;
  if (result === undefined) {
    return (
      impossibleDate(input, nowMs, timeZone) ??
      refuse("no_time", `I couldn't find a date or time in ${quote(input)}.`)
    );
  }
  if (second !== undefined) {
    return refuse(
      "no_time",
      `I found more than one time in your message (${quote(result.text)} and ${quote(second.text)}); send just one.`,
      result.start.isCertain("hour") ? result.text.trim() : DEFAULT_EXAMPLE,
    );
  }
  const unread = `${input.slice(0, result.index)} ${input.slice(result.index + result.text.length)}`.trim();
  if (/\d/.test(unread)) {
    const impossible = impossibleDate(input, nowMs, timeZone);
    if (impossible) return impossible;
    return refuse(
      "no_time",
      `I understood ${quote(result.text)} but not ${quote(unread)}; write the date and time together.`,
      "Dec 24 10:30am",
    );
  }

  const start = result.start;
  const tags = result.tags();
  const get = (component: chrono.Component): number => start.get(component) ?? Number.NaN;
  const parts: WallTime = {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: start.get("second") ?? 0,
    millisecond: start.get("millisecond") ?? 0,
  };
  if (!isValidWallTime(parts)) {
    return refuse("no_time", `I couldn't read ${quote(result.text)} as a real date and time.`);
  }

  const limitMs = maxAheadDays * MS_PER_DAY;
  const dayWord = maxAheadDays === 1 ? "day" : "days";
  const isExactDuration = isExactDurationResult(result);
  // Exact durations also carry a certain timezoneOffset (the reference's), so they are not "written zones".
  const textOffset: number | null =
    !isExactDuration && start.isCertain("timezoneOffset") ? get("timezoneOffset") : null;
  if (textOffset !== null && !Number.isFinite(textOffset)) {
    return refuse("no_time", `I couldn't read the time zone in ${quote(result.text)}.`);
  }

  const check = (placed: Placed, exampleIfPast: string, exampleIfTooFar: string): WhenResult => {
    const atMs = placed.at.getTime();
    if (atMs <= nowMs) {
      const when = displayFor(placed.at, timeZone);
      const reason =
        atMs === nowMs
          ? `That's right now (${when}); pick a time in the future.`
          : `${when} has already passed; pick a time in the future.`;
      return refuse("past", reason, exampleIfPast);
    }
    if (atMs - nowMs > limitMs) {
      return refuse(
        "too_far",
        `${displayFor(placed.at, timeZone)} is more than ${maxAheadDays} ${dayWord} away; ` +
          `I can only schedule up to ${maxAheadDays} ${dayWord} ahead.`,
        exampleIfTooFar,
      );
    }
    return {
      ok: true,
      at: placed.at,
      timeZone,
      zoneSource: textOffset === null ? "user" : "text",
      display: displayFor(placed.at, timeZone),
      ...(placed.note === undefined ? {} : { note: placed.note }),
    };
  };

  if (isExactDuration) {
    // chrono added the duration to the frame's now, so the wall-clock difference is the duration.
    const durationMs = exactDurationMs(input, frameNow.getTime(), wallTimeAsUtcMs(parts));
    const tooFarExample = maxAheadDays >= 15 ? "in 2 weeks" : "in 2 hours";
    return check({ at: new Date(nowMs + durationMs), parts }, "in 2 hours", tooFarExample);
  }

  // "in 3 days", "next week" (but not "end of next week", which is a day).
  const isCalendarDuration = tags.has("result/relativeDate") && !tags.has("refiner/ENEndOfPeriodRefiner");
  const hasTime = start.isCertain("hour") || isCalendarDuration;
  if (!start.isCertain("hour") && isCalendarDuration) {
    // "in 3 days": chrono implies the current time of day; take it from our own reading of now, which does not
    // depend on the host's zone.
    parts.hour = nowWall.hour;
    parts.minute = nowWall.minute;
    parts.second = nowWall.second;
    parts.millisecond = nowWall.millisecond;
  }
  const isWeekdayOnly = start.isCertain("weekday") && !start.isCertain("day") && !start.isCertain("month");
  const isTimeOnly =
    !start.isCertain("weekday") &&
    !start.isCertain("day") &&
    !start.isCertain("month") &&
    !start.isCertain("year");
  const isYearless = start.isCertain("month") && !start.isCertain("year");
  const exampleIfPast = hasTime ? `tomorrow ${clockPhrase(parts.hour, parts.minute)}` : DEFAULT_EXAMPLE;
  const exampleIfTooFar = maxAheadDays >= 14 ? "next monday 9am" : "tomorrow 9am";

  // "last friday (3pm)": chrono's forwardDate turns it into the coming Friday, so it is placed here instead.
  if (isWeekdayOnly && /\b(?:last|past|previous)\b/i.test(result.text)) {
    const daysBack = (nowWall.weekday - get("weekday") + 7) % 7 || 7;
    const date = addDaysToWallTime(nowWall, -daysBack);
    return refuse(
      "past",
      `${quote(result.text)} is ${formatWallDate(date)}, which has already passed; pick a time in the future.`,
      exampleIfPast,
    );
  }

  if (!hasTime) {
    if (!isYearless && !isWeekdayOnly && dayNumber(parts) < dayNumber(nowWall)) {
      return refuse("past", `${formatWallDate(parts)} has already passed; pick a time in the future.`);
    }
    const isEvening = tags.has("casualReference/tonight") || tags.has("casualReference/evening");
    const example = `${result.text.trim()} at ${isEvening ? "8pm" : "9am"}`;
    return refuse(
      "no_time",
      `${quote(result.text)} is a date without a time; add the time you want.`,
      example,
    );
  }

  const place = (wall: WallTime): Placed => placeWallTime(wall, timeZone, textOffset, nowMs);
  let placed = place(parts);

  if (isTimeOnly || isWeekdayOnly) {
    // The earliest occurrence after now, stepping by a day ("9am") or a week ("friday 3pm"). "next friday"
    // keeps chrono's date (the Friday of the following week).
    const step = isTimeOnly ? 1 : 7;
    if (!(isWeekdayOnly && /\bnext\b/i.test(result.text))) {
      for (let i = 0; i < 3 && placed.at.getTime() <= nowMs; i++) {
        placed = place(addDaysToWallTime(placed.parts, step));
      }
      for (let i = 0; i < 3; i++) {
        const earlierParts = addDaysToWallTime(placed.parts, -step);
        // In the user's zone nothing dated before today can be ahead of now; skip the conversion.
        if (textOffset === null && dayNumber(earlierParts) < dayNumber(nowWall)) break;
        const earlier = place(earlierParts);
        if (earlier.at.getTime() <= nowMs) break;
        placed = earlier;
      }
    }
  } else if (isYearless) {
    // The next occurrence of that month and day, except that one which passed less than RECENT_PAST_DAYS ago
    // is kept (and refused as past): "Dec 7 9am" said on Dec 8 is a mistake, not a request for next December.
    const recentPastMs = nowMs - RECENT_PAST_DAYS * MS_PER_DAY;
    for (let year = nowWall.year - 1; year <= nowWall.year + 1; year++) {
      const wall = { ...parts, year };
      if (!isValidWallTime(wall)) continue;
      const candidate = place(wall);
      if (candidate.at.getTime() > recentPastMs) {
        placed = candidate;
        break;
      }
    }
    const { parts: p } = placed;
    const nextYear = `${formatMonthDay(p)} ${p.year + 1} ${clockPhrase(p.hour, p.minute)}`;
    return check(withTextZoneNote(placed, textOffset, timeZone), nextYear, exampleIfTooFar);
  }

  return check(withTextZoneNote(placed, textOffset, timeZone), exampleIfPast, exampleIfTooFar);
}

function isExactDurationResult(result: chrono.ParsedResult): boolean {
  const tags = result.tags();
  return tags.has("result/relativeDateAndTime") || tags.has("casualReference/now");
}

/**
 * The length of an exact duration ("in 90 minutes") that chrono read from a frame whose now is `frameMs` and whose
 * result is `endWallMs` (both wall clocks read as UTC). chrono does that arithmetic with host-local Dates, so on a
 * host whose own clock changes near either wall time, one inside the host's DST gap is moved by the gap. That never
 * happens on a UTC host; when it might have, the phrase is re-read from frames a few days away (whole days do not
 * change "in N minutes/hours/days") where the host's clock is steady.
 */
function exactDurationMs(input: string, frameMs: number, endWallMs: number): number {
  if (!hostClockChangesNear(frameMs) && !hostClockChangesNear(endWallMs)) return endWallMs - frameMs;
  for (const shiftDays of [-3, 3, -6, 6]) {
    const shifted = frameMs + shiftDays * MS_PER_DAY;
    const [again] = parser.parse(input, { instant: new Date(shifted), timezone: 0 }, { forwardDate: true });
    if (again === undefined || !isExactDurationResult(again)) continue;
    const get = (component: chrono.Component): number => again.start.get(component) ?? Number.NaN;
    const end = wallTimeAsUtcMs({
      year: get("year"),
      month: get("month"),
      day: get("day"),
      hour: get("hour"),
      minute: get("minute"),
      second: get("second"),
      millisecond: get("millisecond"),
    });
    if (Number.isFinite(end) && !hostClockChangesNear(shifted) && !hostClockChangesNear(end)) {
      return end - shifted;
    }
  }
  return endWallMs - frameMs;
}

/** True when the HOST's UTC offset changes within 4 hours of this wall time (given as UTC milliseconds). */
function hostClockChangesNear(wallMs: number): boolean {
  const wall = new Date(wallMs);
  const local = new Date(2000, 0, 1);
  local.setFullYear(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  local.setHours(wall.getUTCHours(), wall.getUTCMinutes());
  const fourHours = 4 * 3_600_000;
  return (
    new Date(local.getTime() - fourHours).getTimezoneOffset() !==
    new Date(local.getTime() + fourHours).getTimezoneOffset()
  );
}

function withTextZoneNote(placed: Placed, textOffset: number | null, timeZone: string): Placed {
  if (textOffset === null) return placed;
  const { time, abbreviation } = describeInZone(placed.at, timeZone);
  const written = utcClock(placed.at.getTime() + textOffset * MS_PER_MINUTE);
  return {
    ...placed,
    note:
      `Used the time zone in your message: ${written} ${formatUtcOffset(textOffset)} is ` +
      `${time} ${abbreviation} in your time zone (${timeZone}).`,
  };
}

const MONTH_PATTERN =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const MONTH_DAY = new RegExp(
  `\\b${MONTH_PATTERN}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`,
  "i",
);
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_PATTERN}\\.?(?:,?\\s+(\\d{4}))?\\b`,
  "i",
);
const ISO_DATE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/;
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * chrono silently skips calendar dates that do not exist ("Feb 30 9am" finds nothing, "the 31st" is dropped), so
 * when it fails this looks for one to say exactly what is wrong (code nonexistent).
 */
function impossibleDate(input: string, nowMs: number, timeZone: string): Refusal | null {
  let month: number;
  let day: number;
  let year: number | undefined;
  const iso = ISO_DATE.exec(input);
  const named = MONTH_DAY.exec(input);
  const reversed = DAY_MONTH.exec(input);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else if (named || reversed) {
    const [monthText, dayText, yearText] = named
      ? [named[1], named[2], named[3]]
      : [reversed?.[2], reversed?.[1], reversed?.[3]];
    month =
      MONTH_NAMES.findIndex(
        (name) => name.slice(0, 3).toLowerCase() === monthText?.slice(0, 3).toLowerCase(),
      ) + 1;
    day = Number(dayText);
    year = yearText === undefined ? undefined : Number(yearText);
  } else {
    return null;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const thisYear = wallTimeAt(nowMs, timeZone).year;
  const years = year === undefined ? [thisYear, thisYear + 1] : [year];
  if (years.some((y) => day <= daysInMonth(y, month))) return null;
  const name = MONTH_NAMES[month - 1] ?? "";
  const lastDay = Math.max(...years.map((y) => daysInMonth(y, month)));
  const written = `${name.slice(0, 3)} ${day}${year === undefined ? "" : `, ${year}`}`;
  const why =
    month === 2 && day === 29
      ? `${years.join(" and ")} ${years.length === 1 ? "isn't a leap year" : "aren't leap years"}`
      : `${name} has ${lastDay} days`;
  return refuse(
    "nonexistent",
    `${written} doesn't exist (${why}).`,
    `${name.slice(0, 3)} ${lastDay}${year === undefined ? "" : ` ${year}`} 9am`,
  );
}

function utcClock(ms: number): string {
  const date = new Date(ms);
  return formatClock(date.getUTCHours(), date.getUTCMinutes());
}

/**
 * The instant for a wall time: in the written zone's fixed offset when there is one, otherwise in the user's IANA
 * zone, with a note when the time falls in a DST gap or overlap.
 */
function placeWallTime(parts: WallTime, timeZone: string, textOffset: number | null, nowMs: number): Placed {
  if (textOffset !== null) {
    return { at: new Date(wallTimeAsUtcMs(parts) - textOffset * MS_PER_MINUTE), parts };
  }
  const resolution = resolveWallTime(parts, timeZone);
  const clock = formatClock(parts.hour, parts.minute);
  const date = formatWallDate(parts, false); // "Sun, Mar 8"
  if (resolution.kind === "unique") return { at: resolution.at, parts };
  if (resolution.kind === "gap") {
    const { time, abbreviation } = describeInZone(resolution.at, timeZone);
    return {
      at: resolution.at,
      parts,
      note:
        `${clock} doesn't exist on ${date} in ${timeZone} (clocks spring forward); ` +
        `scheduled for ${time} ${abbreviation} instead.`,
    };
  }
  const useLater = resolution.earlier.getTime() <= nowMs && resolution.later.getTime() > nowMs;
  const at = useLater ? resolution.later : resolution.earlier;
  const { abbreviation } = describeInZone(at, timeZone);
  return {
    at,
    parts,
    note: useLater
      ? `${clock} happens twice on ${date} in ${timeZone} (clocks fall back); the first one has passed, so ` +
        `scheduled for the second, ${clock} ${abbreviation}.`
      : `${clock} happens twice on ${date} in ${timeZone} (clocks fall back); scheduled for the first, ` +
        `${clock} ${abbreviation}.`,
  };
}
