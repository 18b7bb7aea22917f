import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDaysToWallTime,
  formatInZone,
  formatUtcOffset,
  isValidTimeZone,
  isValidWallTime,
  normalizeTimeZone,
  offsetMinutesAt,
  resolveWallTime,
  wallTimeAt,
  zoneAbbreviation,
  zonedWallTimeToUtc,
} from "./zone.js";

// Offsets below are the published tz rules for 2026, written out by hand.
describe("offsetMinutesAt", () => {
  it.each([
    ["America/New_York", "2026-01-15T12:00:00Z", -300],
    ["America/New_York", "2026-07-15T12:00:00Z", -240],
    ["America/Los_Angeles", "2026-01-15T12:00:00Z", -480],
    ["Europe/London", "2026-01-15T12:00:00Z", 0],
    ["Europe/London", "2026-07-15T12:00:00Z", 60],
    ["Australia/Sydney", "2026-01-15T12:00:00Z", 660],
    ["Australia/Sydney", "2026-07-15T12:00:00Z", 600],
    ["Asia/Kolkata", "2026-07-15T12:00:00Z", 330],
    ["Asia/Kathmandu", "2026-07-15T12:00:00Z", 345],
    ["America/St_Johns", "2026-01-15T12:00:00Z", -210],
    ["America/St_Johns", "2026-07-15T12:00:00Z", -150],
    ["Pacific/Auckland", "2026-01-15T12:00:00Z", 780],
    ["Pacific/Auckland", "2026-07-15T12:00:00Z", 720],
    ["UTC", "2026-07-15T12:00:00Z", 0],
    ["Asia/Tokyo", "2026-01-15T12:00:00Z", 540],
    // Either side of the 2026 transitions (US 07:00Z Mar 8 / 06:00Z Nov 1, EU 01:00Z Mar 29 / Oct 25,
    // Sydney 16:00Z Apr 4 / Oct 3).
    ["America/New_York", "2026-03-08T06:59:59Z", -300],
    ["America/New_York", "2026-03-08T07:00:00Z", -240],
    ["America/New_York", "2026-11-01T05:59:59Z", -240],
    ["America/New_York", "2026-11-01T06:00:00Z", -300],
    ["Europe/London", "2026-03-29T00:59:59Z", 0],
    ["Europe/London", "2026-03-29T01:00:00Z", 60],
    ["Europe/London", "2026-10-25T00:59:59Z", 60],
    ["Europe/London", "2026-10-25T01:00:00Z", 0],
    ["Australia/Sydney", "2026-04-04T15:59:59Z", 660],
    ["Australia/Sydney", "2026-04-04T16:00:00Z", 600],
    ["Australia/Sydney", "2026-10-03T15:59:59Z", 600],
    ["Australia/Sydney", "2026-10-03T16:00:00Z", 660],
  ])("%s at %s is %i", (zone, iso, expected) => {
    expect(offsetMinutesAt(new Date(iso), zone)).toBe(expected);
  });

  it("throws RangeError for an invalid zone", () => {
    expect(() => offsetMinutesAt(new Date(0), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("resolveWallTime / zonedWallTimeToUtc", () => {
  it("converts ordinary wall times", () => {
    expect(
      zonedWallTimeToUtc({ year: 2026, month: 12, day: 8, hour: 9, minute: 0 }, "America/New_York"),
    ).toEqual(new Date("2026-12-08T14:00:00Z"));
    expect(
      zonedWallTimeToUtc({ year: 2026, month: 6, day: 10, hour: 9, minute: 0 }, "Asia/Kathmandu"),
    ).toEqual(new Date("2026-06-10T03:15:00Z"));
  });

  it("moves a spring-forward gap time forward by the gap", () => {
    expect(
      resolveWallTime({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York"),
    ).toEqual({
      kind: "gap",
      at: new Date("2026-03-08T07:30:00Z"),
      gapMinutes: 60,
    });
    expect(
      resolveWallTime({ year: 2026, month: 10, day: 4, hour: 2, minute: 15 }, "Australia/Sydney"),
    ).toEqual({
      kind: "gap",
      at: new Date("2026-10-03T16:15:00Z"),
      gapMinutes: 60,
    });
  });

  it("returns both instants of a fall-back overlap, first one from zonedWallTimeToUtc", () => {
    const parts = { year: 2026, month: 11, day: 1, hour: 1, minute: 30 };
    expect(resolveWallTime(parts, "America/New_York")).toEqual({
      kind: "overlap",
      earlier: new Date("2026-11-01T05:30:00Z"),
      later: new Date("2026-11-01T06:30:00Z"),
    });
    expect(zonedWallTimeToUtc(parts, "America/New_York")).toEqual(new Date("2026-11-01T05:30:00Z"));
    expect(
      zonedWallTimeToUtc({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, "Europe/London"),
    ).toEqual(new Date("2026-10-25T00:30:00Z"));
  });

  it("round-trips every instant through its wall time (property)", () => {
    const zones = [
      "America/New_York",
      "Europe/London",
      "Australia/Sydney",
      "Asia/Kathmandu",
      "Pacific/Auckland",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const wall = wallTimeAt(ms, zone);
          const resolution = resolveWallTime(wall, zone);
          expect(resolution.kind).not.toBe("gap");
          const instants =
            resolution.kind === "overlap"
              ? [resolution.earlier.getTime(), resolution.later.getTime()]
              : resolution.kind === "unique"
                ? [resolution.at.getTime()]
                : [];
          expect(instants).toContain(ms);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("wall-time helpers", () => {
  it("reads wall time and weekday", () => {
    expect(wallTimeAt(new Date("2026-06-10T12:34:56.789Z"), "Pacific/Auckland")).toEqual({
      year: 2026,
      month: 6,
      day: 11,
      hour: 0,
      minute: 34,
      second: 56,
      millisecond: 789,
      weekday: 4,
    });
  });

  it("validates calendar dates", () => {
    expect(isValidWallTime({ year: 2028, month: 2, day: 29, hour: 9, minute: 0 })).toBe(true);
    expect(isValidWallTime({ year: 2027, month: 2, day: 29, hour: 9, minute: 0 })).toBe(false);
    expect(isValidWallTime({ year: 2026, month: 4, day: 31, hour: 9, minute: 0 })).toBe(false);
    expect(isValidWallTime({ year: 2026, month: 4, day: 1, hour: 24, minute: 0 })).toBe(false);
    expect(isValidWallTime({ year: Number.NaN, month: 4, day: 1, hour: 9, minute: 0 })).toBe(false);
  });

  it("adds calendar days across month ends", () => {
    expect(addDaysToWallTime({ year: 2026, month: 12, day: 30, hour: 9, minute: 5 }, 3)).toEqual({
      year: 2027,
      month: 1,
      day: 2,
      hour: 9,
      minute: 5,
    });
  });
});

describe("zone names and formatting", () => {
  it("accepts IANA names, keeps their spelling, fixes case", () => {
    expect(normalizeTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(normalizeTimeZone("america/new_york")).toBe("America/New_York");
    expect(normalizeTimeZone("UTC")).toBe("UTC");
    for (const bad of ["", " ", "Mars/Olympus_Mons", "+05:30", "Z", undefined, null, 42]) {
      expect(normalizeTimeZone(bad)).toBeNull();
      expect(isValidTimeZone(bad)).toBe(false);
    }
  });

  it("names zones with their local abbreviation", () => {
    expect(zoneAbbreviation(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe("EST");
    expect(zoneAbbreviation(new Date("2026-07-15T12:00:00Z"), "America/Los_Angeles")).toBe("PDT");
    expect(zoneAbbreviation(new Date("2026-07-15T12:00:00Z"), "Europe/London")).toBe("BST");
    expect(zoneAbbreviation(new Date("2026-01-15T12:00:00Z"), "Australia/Sydney")).toBe("AEDT");
    expect(zoneAbbreviation(new Date("2026-01-15T12:00:00Z"), "Asia/Kolkata")).toBe("IST");
    expect(zoneAbbreviation(new Date("2026-01-15T12:00:00Z"), "Pacific/Auckland")).toBe("NZDT");
    expect(zoneAbbreviation(new Date("2026-01-15T12:00:00Z"), "UTC")).toBe("UTC");
    expect(zoneAbbreviation(new Date("2026-01-15T12:00:00Z"), "Asia/Kathmandu")).toBe("GMT+5:45");
  });

  it("formats offsets", () => {
    expect(formatUtcOffset(0)).toBe("UTC");
    expect(formatUtcOffset(330)).toBe("UTC+05:30");
    expect(formatUtcOffset(-210)).toBe("UTC-03:30");
  });

  it("formatInZone gives weekday, date, time and abbreviation", () => {
    expect(formatInZone(new Date("2026-12-08T14:00:00Z"), "America/New_York")).toBe(
      "Tue, Dec 8, 2026, 9:00 AM EST",
    );
    expect(formatInZone(new Date("2026-12-08T14:00:00Z"), "Asia/Tokyo")).toBe(
      "Tue, Dec 8, 2026, 11:00 PM GMT+9",
    );
    expect(formatInZone(new Date("2026-06-10T23:05:00Z"), "Australia/Sydney")).toBe(
      "Thu, Jun 11, 2026, 9:05 AM AEST",
    );
    expect(formatInZone(new Date("2026-06-10T12:00:00Z"), "UTC")).toBe("Wed, Jun 10, 2026, 12:00 PM UTC");
  });

  it("formatInZone never throws: bad zone -> UTC, bad date -> 'Invalid date'", () => {
    expect(formatInZone(new Date("2026-06-10T00:30:00Z"), "Not/AZone")).toBe(
      "Wed, Jun 10, 2026, 12:30 AM UTC",
    );
    expect(formatInZone(new Date(Number.NaN), "UTC")).toBe("Invalid date");
  });
});
