// Micro-benchmark for parseWhen: ~2,000 parses over a mix of phrases and zones. Called by the bench runner.
import { parseWhen } from "../src/scheduling/parse-when.js";

const PHRASES = [
  "tomorrow 9am",
  "in 2 hours",
  "in 90 minutes",
  "in 3 days",
  "tonight at 8",
  "monday at noon",
  "Dec 24 10:30am",
  "2026-12-10 14:00",
  "9am",
  "9am EST",
];
const ZONES = ["America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney"];
const NOW = new Date("2026-06-10T12:34:00Z");
const ITERATIONS = 2_000;
const WARMUP = 200;

/** Microseconds per parseWhen call, averaged over ITERATIONS calls after a warm-up. */
export async function benchParseWhen(): Promise<{ parse_when_us: number }> {
  let okCount = 0;
  const run = (i: number): void => {
    const text = PHRASES[i % PHRASES.length] ?? "tomorrow 9am";
    const timeZone = ZONES[Math.floor(i / PHRASES.length) % ZONES.length] ?? "UTC";
    if (parseWhen(text, { now: NOW, timeZone }).ok) okCount++;
  };
  for (let i = 0; i < WARMUP; i++) run(i);
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) run(i);
  const elapsedMs = performance.now() - started;
  // okCount keeps the calls observable so they cannot be optimised away.
  if (okCount < 0) throw new Error("unreachable");
  return { parse_when_us: Math.round(((elapsedMs * 1000) / ITERATIONS) * 100) / 100 };
}
