import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_MAX_AHEAD_DAYS, formatInZone, parseWhen, type WhenResult } from "./parse-when.js";

// Every expected instant below was worked out by hand from the zone's offset on that day (tz rules for 2026:
// US DST Mar 8 - Nov 1 at 2:00 local; EU Mar 29 - Oct 25 at 01:00 UTC; Sydney ends Apr 5 3:00 AEDT and starts
// Oct 4 2:00 AEST; New Zealand ends Apr 5 3:00 NZDT and starts Sep 27 2:00 NZST; Kolkata +5:30, Kathmandu +5:45,
// Tokyo +9 and UTC have no DST; St John's is -3:30/-2:30 on the US dates).

function expectOk(result: WhenResult): Extract<WhenResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.reason}`);
  return result;
}

function expectRefusal(result: WhenResult, code: Extract<WhenResult, { ok: false }>["code"]) {
  if (result.ok)
    throw new Error(`expected ${code}, got ok at ${result.at.toISOString()} (${result.display})`);
  expect(result.code).toBe(code);
  expect(result.reason.length).toBeGreaterThan(10);
  expect(result.example.length).toBeGreaterThan(2);
  return result;
}

const parseAt = (text: string, nowIso: string, timeZone: string, maxAheadDays?: number) =>
  parseWhen(text, {
    now: new Date(nowIso),
    timeZone,
    ...(maxAheadDays === undefined ? {} : { maxAheadDays }),
  });

describe("parseWhen: phrases across zones (now = Wed 2026-06-10 12:34 UTC)", () => {
  const NOW = "2026-06-10T12:34:00Z";
  // Wall clock at NOW: New York Wed 08:34 EDT, Los Angeles Wed 05:34 PDT, London Wed 13:34 BST, Sydney Wed 22:34
  // AEST, Kolkata Wed 18:04, Kathmandu Wed 18:19, St John's Wed 10:04 NDT, Auckland THU 00:34 NZST, UTC Wed 12:34,
  // Tokyo Wed 21:34. In December: EST -5, PST -8, GMT, AEDT +11, NST -3:30, NZDT +13.
  type Row = [zone: string, expected: string];
  const table: Record<string, Row[]> = {
    "tomorrow 9am": [
      ["America/New_York", "2026-06-11T13:00:00Z"],
      ["America/Los_Angeles", "2026-06-11T16:00:00Z"],
      ["Europe/London", "2026-06-11T08:00:00Z"],
      ["Australia/Sydney", "2026-06-10T23:00:00Z"],
      ["Asia/Kolkata", "2026-06-11T03:30:00Z"],
      ["Asia/Kathmandu", "2026-06-11T03:15:00Z"],
      ["America/St_Johns", "2026-06-11T11:30:00Z"],
      ["Pacific/Auckland", "2026-06-11T21:00:00Z"], // Auckland's tomorrow is Fri Jun 12
      ["UTC", "2026-06-11T09:00:00Z"],
      ["Asia/Tokyo", "2026-06-11T00:00:00Z"],
    ],
    // Bare time: today if still ahead, else tomorrow.
    "9am": [
      ["America/New_York", "2026-06-10T13:00:00Z"],
      ["America/Los_Angeles", "2026-06-10T16:00:00Z"],
      ["Europe/London", "2026-06-11T08:00:00Z"],
      ["Australia/Sydney", "2026-06-10T23:00:00Z"],
      ["Asia/Kolkata", "2026-06-11T03:30:00Z"],
      ["Asia/Kathmandu", "2026-06-11T03:15:00Z"],
      ["America/St_Johns", "2026-06-11T11:30:00Z"],
      ["Pacific/Auckland", "2026-06-10T21:00:00Z"],
      ["UTC", "2026-06-11T09:00:00Z"],
      ["Asia/Tokyo", "2026-06-11T00:00:00Z"],
    ],
    "Dec 24 10:30am": [
      ["America/New_York", "2026-12-24T15:30:00Z"],
      ["America/Los_Angeles", "2026-12-24T18:30:00Z"],
      ["Europe/London", "2026-12-24T10:30:00Z"],
      ["Australia/Sydney", "2026-12-23T23:30:00Z"],
      ["Asia/Kolkata", "2026-12-24T05:00:00Z"],
      ["Asia/Kathmandu", "2026-12-24T04:45:00Z"],
      ["America/St_Johns", "2026-12-24T14:00:00Z"],
      ["Pacific/Auckland", "2026-12-23T21:30:00Z"],
      ["UTC", "2026-12-24T10:30:00Z"],
      ["Asia/Tokyo", "2026-12-24T01:30:00Z"],
    ],
    "2026-12-10 14:00": [
      ["America/New_York", "2026-12-10T19:00:00Z"],
      ["America/Los_Angeles", "2026-12-10T22:00:00Z"],
      ["Europe/London", "2026-12-10T14:00:00Z"],
      ["Australia/Sydney", "2026-12-10T03:00:00Z"],
      ["Asia/Kolkata", "2026-12-10T08:30:00Z"],
      ["Asia/Kathmandu", "2026-12-10T08:15:00Z"],
      ["America/St_Johns", "2026-12-10T17:30:00Z"],
      ["Pacific/Auckland", "2026-12-10T01:00:00Z"],
      ["UTC", "2026-12-10T14:00:00Z"],
      ["Asia/Tokyo", "2026-12-10T05:00:00Z"],
    ],
    // Next Monday is Jun 15 everywhere (Auckland is already on Thursday).
    "monday at noon": [
      ["America/New_York", "2026-06-15T16:00:00Z"],
      ["America/Los_Angeles", "2026-06-15T19:00:00Z"],
      ["Europe/London", "2026-06-15T11:00:00Z"],
      ["Australia/Sydney", "2026-06-15T02:00:00Z"],
      ["Asia/Kolkata", "2026-06-15T06:30:00Z"],
      ["Asia/Kathmandu", "2026-06-15T06:15:00Z"],
      ["America/St_Johns", "2026-06-15T14:30:00Z"],
      ["Pacific/Auckland", "2026-06-15T00:00:00Z"],
      ["UTC", "2026-06-15T12:00:00Z"],
      ["Asia/Tokyo", "2026-06-15T03:00:00Z"],
    ],
    // Tonight at 8pm local; past where it is already later than 8pm (Sydney 22:34, Tokyo 21:34).
    "tonight at 8": [
      ["America/New_York", "2026-06-11T00:00:00Z"],
      ["America/Los_Angeles", "2026-06-11T03:00:00Z"],
      ["Europe/London", "2026-06-10T19:00:00Z"],
      ["Australia/Sydney", "past"],
      ["Asia/Kolkata", "2026-06-10T14:30:00Z"],
      ["Asia/Kathmandu", "2026-06-10T14:15:00Z"],
      ["America/St_Johns", "2026-06-10T22:30:00Z"],
      ["Pacific/Auckland", "2026-06-11T08:00:00Z"],
      ["UTC", "2026-06-10T20:00:00Z"],
      ["Asia/Tokyo", "past"],
    ],
  };
  const exact: Record<string, string> = {
    "in 2 hours": "2026-06-10T14:34:00Z",
    "in 90 minutes": "2026-06-10T14:04:00Z",
    // No zone in the list changes offset between Jun 10 and Jun 13, so 3 calendar days = 72 hours here.
    "in 3 days": "2026-06-13T12:34:00Z",
  };
  const zones = table["tomorrow 9am"]?.map(([zone]) => zone) ?? [];
  for (const [phrase, expected] of Object.entries(exact)) {
    for (const zone of zones) table[phrase] = [...(table[phrase] ?? []), [zone, expected]];
  }

  for (const [phrase, rows] of Object.entries(table)) {
    it.each(rows)(`"${phrase}" in %s -> %s`, (zone, expected) => {
      const result = parseAt(phrase, NOW, zone);
      if (expected === "past") {
        expectRefusal(result, "past");
        return;
      }
      const ok = expectOk(result);
      expect(ok.at.toISOString()).toBe(new Date(expected).toISOString());
      expect(ok.timeZone).toBe(zone);
      expect(ok.zoneSource).toBe("user");
      expect(ok.display).toContain(`(${zone})`);
      expect(ok.note).toBeUndefined();
    });
  }
});

describe("parseWhen: DST change days", () => {
  it.each([
    // The brief's reference case: Sat 15:00 EST -> Sunday 9:00 EDT.
    ["tomorrow 9am", "2025-03-08T20:00:00Z", "America/New_York", "2025-03-09T13:00:00Z"],
    // US spring forward, Sun 2026-03-08 (now Sat 12:00 EST / PST / NST).
    ["tomorrow 9am", "2026-03-07T17:00:00Z", "America/New_York", "2026-03-08T13:00:00Z"],
    ["tomorrow 1:30am", "2026-03-07T17:00:00Z", "America/New_York", "2026-03-08T06:30:00Z"],
    ["tomorrow 9am", "2026-03-07T20:00:00Z", "America/Los_Angeles", "2026-03-08T16:00:00Z"],
    ["tomorrow 9am", "2026-03-07T15:30:00Z", "America/St_Johns", "2026-03-08T11:30:00Z"],
    // Calendar days keep the wall-clock time (23 h / 71 h); hours are exact.
    ["in 1 day", "2026-03-07T17:00:00Z", "America/New_York", "2026-03-08T16:00:00Z"],
    ["in 24 hours", "2026-03-07T17:00:00Z", "America/New_York", "2026-03-08T17:00:00Z"],
    ["in 3 days", "2026-03-06T15:00:00Z", "America/New_York", "2026-03-09T14:00:00Z"],
    ["in 72 hours", "2026-03-06T15:00:00Z", "America/New_York", "2026-03-09T15:00:00Z"],
    ["in 2 hours", "2026-03-08T06:30:00Z", "America/New_York", "2026-03-08T08:30:00Z"],
    // US fall back, Sun 2026-11-01 (now Sat 12:00 EDT / PDT).
    ["tomorrow 9am", "2026-10-31T16:00:00Z", "America/New_York", "2026-11-01T14:00:00Z"],
    ["in 1 day", "2026-10-31T16:00:00Z", "America/New_York", "2026-11-01T17:00:00Z"],
    ["in 3 hours", "2026-11-01T04:30:00Z", "America/New_York", "2026-11-01T07:30:00Z"],
    ["tomorrow 9am", "2026-10-31T19:00:00Z", "America/Los_Angeles", "2026-11-01T17:00:00Z"],
    // EU, Sun 2026-03-29 and Sun 2026-10-25 (now Sat 12:00 UTC).
    ["tomorrow 9am", "2026-03-28T12:00:00Z", "Europe/London", "2026-03-29T08:00:00Z"],
    ["tomorrow 9am", "2026-10-24T12:00:00Z", "Europe/London", "2026-10-25T09:00:00Z"],
    ["in 1 day", "2026-10-24T12:00:00Z", "Europe/London", "2026-10-25T13:00:00Z"],
    // Sydney ends DST Sun 2026-04-05 and starts it Sun 2026-10-04 (now Sat 13:00 AEDT / 12:00 AEST).
    ["tomorrow 9am", "2026-04-04T02:00:00Z", "Australia/Sydney", "2026-04-04T23:00:00Z"],
    ["tomorrow 9am", "2026-10-03T02:00:00Z", "Australia/Sydney", "2026-10-03T22:00:00Z"],
    ["in 1 day", "2026-10-03T02:00:00Z", "Australia/Sydney", "2026-10-04T01:00:00Z"],
    // New Zealand ends Sun 2026-04-05, starts Sun 2026-09-27 (now Sat 12:00 local).
    ["tomorrow 9am", "2026-04-03T23:00:00Z", "Pacific/Auckland", "2026-04-04T21:00:00Z"],
    ["tomorrow 9am", "2026-09-26T00:00:00Z", "Pacific/Auckland", "2026-09-26T20:00:00Z"],
    // No-DST zones on the US change day are unaffected.
    ["tomorrow 9am", "2026-03-07T12:00:00Z", "Asia/Kolkata", "2026-03-08T03:30:00Z"],
    ["tomorrow 9am", "2026-03-07T12:00:00Z", "Asia/Tokyo", "2026-03-08T00:00:00Z"],
  ])('"%s" at %s in %s -> %s', (phrase, now, zone, expected) => {
    const ok = expectOk(parseAt(phrase, now, zone));
    expect(ok.at.toISOString()).toBe(new Date(expected).toISOString());
  });

  it.each([
    // [phrase, now, zone, expected instant, shown wall time]
    ["tomorrow 2:30am", "2026-03-07T17:00:00Z", "America/New_York", "2026-03-08T07:30:00Z", "3:30 AM EDT"],
    ["2:30am", "2026-03-08T03:00:00Z", "America/New_York", "2026-03-08T07:30:00Z", "3:30 AM EDT"],
    ["tomorrow 2:30am", "2026-03-07T20:00:00Z", "America/Los_Angeles", "2026-03-08T10:30:00Z", "3:30 AM PDT"],
    ["tomorrow 2:30am", "2026-03-07T15:30:00Z", "America/St_Johns", "2026-03-08T06:00:00Z", "3:30 AM"],
    ["tomorrow 1:30am", "2026-03-28T12:00:00Z", "Europe/London", "2026-03-29T01:30:00Z", "2:30 AM BST"],
    ["tomorrow 2:30am", "2026-10-03T02:00:00Z", "Australia/Sydney", "2026-10-03T16:30:00Z", "3:30 AM AEDT"],
    ["tomorrow 2:30am", "2026-09-26T00:00:00Z", "Pacific/Auckland", "2026-09-26T14:30:00Z", "3:30 AM NZDT"],
  ])('spring-forward gap: "%s" at %s in %s moves forward to %s', (phrase, now, zone, expected, shown) => {
    const ok = expectOk(parseAt(phrase, now, zone));
    expect(ok.at.toISOString()).toBe(new Date(expected).toISOString());
    expect(ok.note).toMatch(/doesn't exist/);
    expect(ok.note).toMatch(/spring forward/);
    expect(ok.note).toContain(shown);
    expect(ok.display).toContain(shown);
  });

  it("gap note reads as the brief asks", () => {
    const ok = expectOk(parseAt("tomorrow 2:30am", "2026-03-07T17:00:00Z", "America/New_York"));
    expect(ok.note).toBe(
      "2:30 AM doesn't exist on Sun, Mar 8 in America/New_York (clocks spring forward); " +
        "scheduled for 3:30 AM EDT instead.",
    );
  });

  it.each([
    ["tomorrow 1:30am", "2026-10-31T16:00:00Z", "America/New_York", "2026-11-01T05:30:00Z", "EDT"],
    ["tomorrow 1:30am", "2026-10-31T19:00:00Z", "America/Los_Angeles", "2026-11-01T08:30:00Z", "PDT"],
    ["tomorrow 1:30am", "2026-10-24T12:00:00Z", "Europe/London", "2026-10-25T00:30:00Z", "BST"],
    ["tomorrow 2:30am", "2026-04-04T02:00:00Z", "Australia/Sydney", "2026-04-04T15:30:00Z", "AEDT"],
    ["tomorrow 2:30am", "2026-04-03T23:00:00Z", "Pacific/Auckland", "2026-04-04T13:30:00Z", "NZDT"],
  ])(
    'fall-back overlap: "%s" at %s in %s takes the first occurrence %s',
    (phrase, now, zone, expected, abbr) => {
      const ok = expectOk(parseAt(phrase, now, zone));
      expect(ok.at.toISOString()).toBe(new Date(expected).toISOString());
      expect(ok.note).toMatch(/happens twice/);
      expect(ok.note).toContain("scheduled for the first");
      expect(ok.note).toContain(abbr);
      expect(ok.display).toContain(abbr);
    },
  );

  it("in the overlap, once the first 1:30 has passed the second one is used", () => {
    // now = 1:10 AM EST, the second pass through 1:xx (first 1:30 was 05:30Z).
    const ok = expectOk(parseAt("1:30am", "2026-11-01T06:10:00Z", "America/New_York"));
    expect(ok.at.toISOString()).toBe("2026-11-01T06:30:00.000Z");
    expect(ok.note).toMatch(/second/);
    // 1:05 has passed in both passes: tomorrow's 1:05 EST.
    expect(expectOk(parseAt("1:05am", "2026-11-01T06:10:00Z", "America/New_York")).at.toISOString()).toBe(
      "2026-11-02T06:05:00.000Z",
    );
  });
});

describe("parseWhen: bare times, weekdays, dates without a year", () => {
  const NY = "America/New_York";
  const NOW = "2026-06-10T12:34:00Z"; // Wed 08:34 EDT

  it("bare time before/after now", () => {
    expect(expectOk(parseAt("9am", NOW, NY)).at.toISOString()).toBe("2026-06-10T13:00:00.000Z");
    expect(expectOk(parseAt("8am", NOW, NY)).at.toISOString()).toBe("2026-06-11T12:00:00.000Z");
    // Exactly now is not in the future: the next one is tomorrow.
    expect(expectOk(parseAt("8:34am", NOW, NY)).at.toISOString()).toBe("2026-06-11T12:34:00.000Z");
    expect(expectOk(parseAt("21:15", NOW, NY)).at.toISOString()).toBe("2026-06-11T01:15:00.000Z");
    expect(expectOk(parseAt("noon", NOW, NY)).at.toISOString()).toBe("2026-06-10T16:00:00.000Z");
  });

  it("weekdays: today if still ahead, else next week; 'next' is the following week", () => {
    expect(expectOk(parseAt("wednesday at noon", NOW, NY)).at.toISOString()).toBe("2026-06-10T16:00:00.000Z");
    expect(expectOk(parseAt("wednesday 8am", NOW, NY)).at.toISOString()).toBe("2026-06-17T12:00:00.000Z");
    expect(expectOk(parseAt("friday 3pm", NOW, NY)).at.toISOString()).toBe("2026-06-12T19:00:00.000Z");
    expect(expectOk(parseAt("next friday 3pm", NOW, NY)).at.toISOString()).toBe("2026-06-19T19:00:00.000Z");
  });

  it("weekdays are right far from UTC (Mon 10:00 in Tokyo, Mon 13:00 in Los Angeles)", () => {
    expect(expectOk(parseAt("monday at noon", "2026-06-15T01:00:00Z", "Asia/Tokyo")).at.toISOString()).toBe(
      "2026-06-15T03:00:00.000Z",
    );
    expect(
      expectOk(parseAt("monday at noon", "2026-06-15T20:00:00Z", "America/Los_Angeles")).at.toISOString(),
    ).toBe("2026-06-22T19:00:00.000Z");
  });

  it("month and day without a year: the next one, but a recently passed one is past", () => {
    expect(expectOk(parseAt("Jan 5 9am", "2026-12-08T19:00:00Z", NY)).at.toISOString()).toBe(
      "2027-01-05T14:00:00.000Z",
    );
    // May 1 passed 40 days ago: next year's.
    expect(expectOk(parseAt("May 1 9am", NOW, NY)).at.toISOString()).toBe("2027-05-01T13:00:00.000Z");
    const past = expectRefusal(parseAt("Dec 7 9am", "2026-12-08T19:00:00Z", NY), "past");
    expect(past.example).toBe("Dec 7 2027 9am");
    expect(expectOk(parseAt(past.example, "2026-12-08T19:00:00Z", NY)).at.toISOString()).toBe(
      "2027-12-07T14:00:00.000Z",
    );
  });

  it("accepts a few more everyday forms", () => {
    const cases: Array<[string, string]> = [
      ["tomorrow at 9am please", "2026-06-11T13:00:00.000Z"],
      ["9am tomorrow", "2026-06-11T13:00:00.000Z"],
      ["tomorrow at 8", "2026-06-11T12:00:00.000Z"],
      ["in an hour", "2026-06-10T13:34:00.000Z"],
      ["2 hours from now", "2026-06-10T14:34:00.000Z"],
      ["in 1 day and 2 hours", "2026-06-11T14:34:00.000Z"],
      ["in 3 days at 9am", "2026-06-13T13:00:00.000Z"],
      ["next week", "2026-06-17T12:34:00.000Z"],
      ["end of the month at 5pm", "2026-06-30T21:00:00.000Z"],
      ["December 10th at 2pm", "2026-12-10T19:00:00.000Z"],
      ["12/10 9am", "2026-12-10T14:00:00.000Z"],
    ];
    for (const [phrase, expected] of cases) {
      expect(expectOk(parseAt(phrase, NOW, NY)).at.toISOString(), phrase).toBe(expected);
    }
  });

  it("display shows weekday, date, time, abbreviation and zone", () => {
    const ok = expectOk(parseAt("tomorrow 9am", NOW, NY));
    expect(ok.display).toBe("Thu, Jun 11, 2026 at 9:00 AM EDT (America/New_York)");
    expect(formatInZone(ok.at, NY)).toBe("Thu, Jun 11, 2026, 9:00 AM EDT");
    expect(expectOk(parseAt("tomorrow 9am", NOW, "Asia/Kolkata")).display).toBe(
      "Thu, Jun 11, 2026 at 9:00 AM IST (Asia/Kolkata)",
    );
    expect(expectOk(parseAt("Dec 24 10:30am", NOW, "Australia/Sydney")).display).toBe(
      "Thu, Dec 24, 2026 at 10:30 AM AEDT (Australia/Sydney)",
    );
  });

  it("case of the zone name is normalized", () => {
    expect(expectOk(parseAt("tomorrow 9am", NOW, "america/new_york")).timeZone).toBe(NY);
  });
});

describe("parseWhen: a zone written in the text wins", () => {
  it("9am EST for a user in Los Angeles", () => {
    // 04:00 PST = 07:00 EST: 9am EST today is still ahead.
    const ok = expectOk(parseAt("9am EST", "2026-12-08T12:00:00Z", "America/Los_Angeles"));
    expect(ok.at.toISOString()).toBe("2026-12-08T14:00:00.000Z");
    expect(ok.zoneSource).toBe("text");
    expect(ok.timeZone).toBe("America/Los_Angeles");
    expect(ok.display).toBe("Tue, Dec 8, 2026 at 6:00 AM PST (America/Los_Angeles)");
    expect(ok.note).toBe(
      "Used the time zone in your message: 9:00 AM UTC-05:00 is 6:00 AM PST in your time zone (America/Los_Angeles).",
    );
  });

  it("after 9am EST it is tomorrow's 9am EST", () => {
    const ok = expectOk(parseAt("9am EST", "2026-12-08T15:00:00Z", "America/Los_Angeles"));
    expect(ok.at.toISOString()).toBe("2026-12-09T14:00:00.000Z");
  });

  it("from Tokyo, where it is already the next day", () => {
    // Tue Dec 8 10:00 JST = Mon Dec 7 20:00 EST: the next 9am EST is Tue Dec 8 14:00Z.
    const ok = expectOk(parseAt("9am EST", "2026-12-08T01:00:00Z", "Asia/Tokyo"));
    expect(ok.at.toISOString()).toBe("2026-12-08T14:00:00.000Z");
    expect(ok.zoneSource).toBe("text");
  });

  it("EST means UTC-5 even in summer; PT follows US DST", () => {
    expect(expectOk(parseAt("9am EST", "2026-06-10T12:34:00Z", "America/New_York")).at.toISOString()).toBe(
      "2026-06-10T14:00:00.000Z",
    );
    expect(
      expectOk(parseAt("tomorrow 9am PT", "2026-12-08T15:00:00Z", "America/New_York")).at.toISOString(),
    ).toBe("2026-12-09T17:00:00.000Z");
    expect(
      expectOk(parseAt("tomorrow 9am UTC+5:30", "2026-12-08T15:00:00Z", "Europe/London")).at.toISOString(),
    ).toBe("2026-12-09T03:30:00.000Z");
    expect(
      expectOk(parseAt("2026-12-10T14:00:00Z", "2026-12-08T15:00:00Z", "America/New_York")).at.toISOString(),
    ).toBe("2026-12-10T14:00:00.000Z");
  });

  it("relative durations are not mistaken for a written zone", () => {
    expect(expectOk(parseAt("in 2 hours", "2026-12-08T15:00:00Z", "Asia/Tokyo")).zoneSource).toBe("user");
  });
});

describe("parseWhen: refusals", () => {
  const NY = "America/New_York";
  const AFTERNOON = "2026-06-10T18:00:00Z"; // Wed 14:00 EDT

  it.each(["", "   ", "\n\t "])("empty: %j", (text) => {
    expectRefusal(parseAt(text, AFTERNOON, NY), "empty");
  });

  it.each([
    "asdf",
    "post it whenever",
    "tomorrow",
    "Dec 24",
    "friday",
    "tonight",
    "tomorrow morning",
    "end of next week",
    "this week",
    "soonish please?",
    "tomorrow 9am or friday 10am",
    "at 9am on the 10th",
    "13pm tomorrow",
    "x".repeat(500),
  ])("no_time: %j", (text) => {
    expectRefusal(parseAt(text, AFTERNOON, NY), "no_time");
  });

  it("no_time for a date asks for the time and gives a working example", () => {
    for (const phrase of ["tomorrow", "Dec 24", "friday"]) {
      const refusal = expectRefusal(parseAt(phrase, AFTERNOON, NY), "no_time");
      expect(refusal.reason).toMatch(/without a time/);
      expectOk(parseAt(refusal.example, AFTERNOON, NY));
    }
    expect(expectRefusal(parseAt("tonight", AFTERNOON, NY), "no_time").example).toBe("tonight at 8pm");
  });

  it.each([
    "today at 8am",
    "today 2pm",
    "yesterday 9am",
    "yesterday",
    "last friday 3pm",
    "last friday",
    "2 hours ago",
    "now",
    "in 0 minutes",
    "2026-01-05 10:00",
    "Jun 9 9am",
  ])("past: %j said at 2pm", (text) => {
    expectRefusal(parseAt(text, AFTERNOON, NY), "past");
  });

  it("'today at 8am' said at 2pm is past, not tomorrow; its example works", () => {
    const refusal = expectRefusal(parseAt("today at 8am", AFTERNOON, NY), "past");
    expect(refusal.reason).toContain("Wed, Jun 10, 2026 at 8:00 AM EDT (America/New_York)");
    expect(refusal.reason).toMatch(/already passed/);
    expect(refusal.example).toBe("tomorrow 8am");
    expectOk(parseAt(refusal.example, AFTERNOON, NY));
  });

  it("tonight at 8 said at 9pm is past", () => {
    expectRefusal(parseAt("tonight at 8", "2026-06-11T01:00:00Z", NY), "past");
  });

  it("too_far: beyond the default 365 days, the limit is in the reason", () => {
    expect(DEFAULT_MAX_AHEAD_DAYS).toBe(365);
    for (const text of ["in 400 days", "Dec 24 2027 9am", "in 9000 hours", "in 2 years"]) {
      const refusal = expectRefusal(parseAt(text, AFTERNOON, NY), "too_far");
      expect(refusal.reason).toContain("365 days");
      expectOk(parseAt(refusal.example, AFTERNOON, NY));
    }
    expectOk(parseAt("in 364 days", AFTERNOON, NY));
  });

  it("too_far honours maxAheadDays", () => {
    const refusal = expectRefusal(parseAt("in 8 days", AFTERNOON, NY, 7), "too_far");
    expect(refusal.reason).toContain("7 days");
    expectOk(parseAt(refusal.example, AFTERNOON, NY, 7));
    expectOk(
      parseAt(expectRefusal(parseAt("in 200 hours", AFTERNOON, NY, 7), "too_far").example, AFTERNOON, NY, 7),
    );
    expectOk(parseAt("in 6 days", AFTERNOON, NY, 7));
    expectOk(parseAt("in 167 hours", AFTERNOON, NY, 7));
    expectRefusal(parseAt("in 169 hours", AFTERNOON, NY, 7), "too_far");
  });

  it.each([
    ["Feb 30 9am", "Feb 28 9am"],
    ["2027-02-29 14:00", "Feb 28 2027 9am"],
    ["31 April at 10am", "Apr 30 9am"],
  ])("nonexistent calendar date: %j", (text, example) => {
    const refusal = expectRefusal(parseAt(text, AFTERNOON, NY), "nonexistent");
    expect(refusal.reason).toMatch(/doesn't exist/);
    expect(refusal.example).toBe(example);
  });

  it.each(["Mars/Olympus_Mons", "", "+05:30", "America/New York", "   "])("bad_zone: %j", (zone) => {
    const refusal = expectRefusal(parseAt("tomorrow 9am", AFTERNOON, zone), "bad_zone");
    expect(refusal.reason).toMatch(/time zone/);
  });

  it("never throws for non-string input or a bad `now`", () => {
    const loose = parseWhen as (text: unknown, opts: unknown) => WhenResult;
    expect(loose(undefined, { now: new Date(), timeZone: "UTC" }).ok).toBe(false);
    expect(loose(42, { now: new Date(), timeZone: "UTC" }).ok).toBe(false);
    expect(loose("tomorrow 9am", { now: new Date(Number.NaN), timeZone: "UTC" }).ok).toBe(false);
    expect(loose("tomorrow 9am", { now: "yesterday", timeZone: "UTC" }).ok).toBe(false);
    expect(loose("tomorrow 9am", { now: new Date(), timeZone: undefined }).ok).toBe(false);
    expect(loose("tomorrow 9am", undefined).ok).toBe(false);
  });
});

describe("parseWhen: properties", () => {
  const ZONES = [
    "America/New_York",
    "America/Los_Angeles",
    "Europe/London",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "America/St_Johns",
    "Pacific/Auckland",
    "UTC",
    "Asia/Tokyo",
    "Pacific/Chatham",
    "Australia/Lord_Howe",
  ];
  const anyZone = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...ZONES) },
    { weight: 1, arbitrary: fc.constantFrom("Not/AZone", "", "+02:00", "utc", "EST5EDT") },
  );
  const anyNow = fc.date({
    min: new Date("2020-01-01T00:00:00Z"),
    max: new Date("2035-12-31T23:59:59Z"),
    noInvalidDate: true,
  });
  const anyMax = fc.option(fc.integer({ min: 1, max: 800 }), { nil: undefined });
  const WORDS = [
    "tomorrow",
    "today",
    "tonight",
    "yesterday",
    "in",
    "at",
    "on",
    "next",
    "last",
    "this",
    "friday",
    "monday",
    "noon",
    "midnight",
    "9am",
    "2:30am",
    "1:30am",
    "12pm",
    "14:00",
    "2",
    "90",
    "hours",
    "minutes",
    "days",
    "weeks",
    "ago",
    "from now",
    "Dec",
    "24",
    "March",
    "8",
    "2026",
    "2027-02-29",
    "2026-03-08",
    "EST",
    "PT",
    "UTC+5:30",
    "GMT",
    "or",
    "and",
    "-",
    ",",
    "morning",
    "evening",
    "the",
    "10th",
    "Feb 29",
    "Nov 1",
  ];
  const phraseLike = fc
    .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 })
    .map((w) => w.join(" "));
  const anyText = fc.oneof(
    phraseLike,
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 20 }),
  );

  it("never throws; ok results are strictly after now and within maxAheadDays", () => {
    fc.assert(
      fc.property(anyText, anyZone, anyNow, anyMax, (text, timeZone, now, maxAheadDays) => {
        const result = parseWhen(text, {
          now,
          timeZone,
          ...(maxAheadDays === undefined ? {} : { maxAheadDays }),
        });
        if (result.ok) {
          const limit = (maxAheadDays ?? DEFAULT_MAX_AHEAD_DAYS) * 86_400_000;
          expect(result.at.getTime()).toBeGreaterThan(now.getTime());
          expect(result.at.getTime() - now.getTime()).toBeLessThanOrEqual(limit);
          expect(result.display).toContain(`(${result.timeZone})`);
        } else {
          expect(result.reason).not.toBe("");
          expect(result.example).not.toBe("");
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("'in N minutes/hours' is exactly now + N, in every zone, DST or not", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.constantFrom("minute", "minutes", "hour", "hours"),
        fc.constantFrom(...ZONES),
        anyNow,
        (n, unit, timeZone, now) => {
          const result = parseWhen(`in ${n} ${unit}`, { now, timeZone });
          const ms = n * (unit.startsWith("hour") ? 3_600_000 : 60_000);
          if (ms > DEFAULT_MAX_AHEAD_DAYS * 86_400_000) {
            expect(result.ok ? "ok" : result.code).toBe("too_far");
          } else {
            expect(expectOk(result).at.getTime()).toBe(now.getTime() + ms);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("'tomorrow H:MM' lands on tomorrow's H:MM on the user's wall clock (unless in a DST gap)", () => {
    // Independent oracle: Intl directly, not the module's zone helpers.
    const wall = (date: Date, timeZone: string) => {
      const parts = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      }).formatToParts(date);
      const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
      return {
        date: `${get("year")}-${get("month")}-${get("day")}`,
        time: `${get("hour")}:${get("minute")}`,
      };
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 5, 15, 30, 45),
        fc.constantFrom(...ZONES),
        anyNow,
        (hour, minute, timeZone, now) => {
          const hh = String(hour).padStart(2, "0");
          const mm = String(minute).padStart(2, "0");
          const ok = expectOk(parseWhen(`tomorrow ${hh}:${mm}`, { now, timeZone }));
          const today = wall(now, timeZone).date;
          const noonTomorrow = new Date(`${today}T12:00:00Z`);
          noonTomorrow.setUTCDate(noonTomorrow.getUTCDate() + 1);
          const tomorrow = noonTomorrow.toISOString().slice(0, 10);
          const got = wall(ok.at, timeZone);
          if (ok.note?.includes("doesn't exist")) {
            expect(got.date).toBe(tomorrow);
          } else {
            expect(got).toEqual({ date: tomorrow, time: `${hh}:${mm}` });
          }
        },
      ),
      { numRuns: 800 },
    );
  });
});

describe("parseWhen: the host's own time zone does not matter", () => {
  // chrono computes with host-local Dates; results must not depend on the server's TZ. Node applies a change of
  // process.env.TZ immediately (vitest restores the environment after each test).
  const HOSTS = ["Australia/Sydney", "America/New_York", "Europe/London", "Australia/Lord_Howe"];
  const withHostZone = <T>(zone: string, fn: () => T): T => {
    vi.stubEnv("TZ", zone);
    return fn();
  };
  const snapshot = (result: WhenResult) =>
    result.ok ? { at: result.at.toISOString(), note: result.note, display: result.display } : result;

  it("changing process.env.TZ really changes the host zone here", () => {
    const probe = new Date("2026-01-15T12:00:00Z");
    expect(withHostZone("Asia/Tokyo", () => probe.getHours())).toBe(21);
    expect(withHostZone("UTC", () => probe.getHours())).toBe(12);
  });

  it("same results under several host zones as under UTC (property)", () => {
    const zones = [
      "America/New_York",
      "Europe/London",
      "Australia/Sydney",
      "Asia/Kolkata",
      "Pacific/Auckland",
    ];
    // "now"s cluster around the 2026 DST changes of the host zones so that the hosts' gap hours get exercised.
    const changes = [
      "2026-03-08T07:00:00Z",
      "2026-03-29T01:00:00Z",
      "2026-04-04T16:00:00Z",
      "2026-10-03T16:00:00Z",
    ];
    const nearChange = fc
      .tuple(fc.constantFrom(...changes), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }))
      .map(([iso, delta]) => new Date(new Date(iso).getTime() + delta));
    const phrase = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 200 }), fc.constantFrom("minutes", "hours"))
        .map(([n, u]) => `in ${n} ${u}`),
      fc.constantFrom(
        "in 3 days",
        "in 1 day",
        "tomorrow 2:30am",
        "2:30am",
        "tomorrow 9am",
        "monday at noon",
        "9am EST",
      ),
    );
    fc.assert(
      fc.property(
        phrase,
        fc.constantFrom(...zones),
        nearChange,
        fc.constantFrom(...HOSTS),
        (text, timeZone, now, host) => {
          const expected = snapshot(withHostZone("UTC", () => parseWhen(text, { now, timeZone })));
          expect(snapshot(withHostZone(host, () => parseWhen(text, { now, timeZone })))).toEqual(expected);
        },
      ),
      { numRuns: 600 },
    );
  });
});

describe("architecture", () => {
  it("parse-when.ts is the only module under src/ that imports chrono-node", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const importers: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== "generated" && name !== "node_modules") walk(path);
        } else if (/\.[cm]?[jt]s$/.test(name) && !/\.test\.[cm]?[jt]s$/.test(name)) {
          if (
            /from\s+["']chrono-node|import\(\s*["']chrono-node|require\(\s*["']chrono-node/.test(
              readFileSync(path, "utf8"),
            )
          ) {
            importers.push(path.slice(root.length).replace(/^[\\/]/, ""));
          }
        }
      }
    };
    walk(root);
    expect(importers.map((p) => p.replaceAll("\\", "/"))).toEqual(["scheduling/parse-when.ts"]);
  });
});
