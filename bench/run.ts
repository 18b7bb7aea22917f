// npm run bench: prints one readable table; `npm run bench -- --json` prints one JSON object.
import { benchAckLatency } from "./ack-latency.js";

type Figures = Record<string, number>;
type Part = { name: string; load: () => Promise<Figures> };

const TARGETS: Record<string, (f: Figures) => string> = {
  ack_p99_ms_c50: (f) => `≤ 250 and ≤ 2 × bare (${round(2 * (f.ack_p99_ms_c50_bare_bolt ?? Number.NaN))})`,
  executions_per_post: () => "≤ 3",
  home_render_ms_10k: () => "≤ 100",
  rss_mb_after_load: () => "≤ 250",
};
const round = (n: number) => Math.round(n * 10) / 10;

async function optional(path: string, fn: string): Promise<(() => Promise<Figures>) | undefined> {
  try {
    const mod = (await import(path)) as Record<string, () => Promise<Figures>>;
    return mod[fn];
  } catch {
    return undefined;
  }
}

async function main() {
  const json = process.argv.includes("--json");
  // First, while the bench process is fresh: the app and the bare Bolt app run as processes of
  // their own, but the fakes answering the app live here.
  const parts: Part[] = [{ name: "HTTP acknowledgement", load: () => benchAckLatency() }];
  const parse = await optional("./parse-when.bench.js", "benchParseWhen");
  if (parse) parts.push({ name: "parseWhen", load: parse });
  const executions = await optional("./executions.js", "benchExecutionsPerPost");
  if (executions) parts.push({ name: "Inngest executions", load: executions });
  const home = await optional("./home-render.js", "benchHomeRender");
  if (home) parts.push({ name: "Home view", load: home });

  const figures: Figures = {};
  for (const part of parts) {
    if (!json) process.stderr.write(`measuring ${part.name}…\n`);
    Object.assign(figures, await part.load());
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } else {
    const rows = Object.entries(figures).map(([k, v]) => [k, String(v), TARGETS[k]?.(figures) ?? ""]);
    const widths = [0, 1, 2].map((i) =>
      Math.max(...rows.map((r) => r[i]!.length), ["figure", "value", "target"][i]!.length),
    );
    const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
    process.stdout.write(
      `${[
        line(["figure", "value", "target"]),
        line(widths.map((w) => "-".repeat(w))),
        ...rows.map(line),
      ].join("\n")}\n`,
    );
  }
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
