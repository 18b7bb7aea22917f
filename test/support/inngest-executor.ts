// Plays Inngest's executor against the app's real /api/inngest endpoint (over HTTP, signed in cloud
// mode), as read from inngest 4.24 (components/InngestCommHandler.js, components/execution/engine.js):
// POST ?fnId=<app>-<fn>&stepId=step with {event, events, steps, ctx, version: 2}; a 206 carries ops
// (StepRun, Sleep, StepError, StepFailed), whose results are memoized into `steps` for the next call;
// a 200 is the function's return value; a 4xx/5xx is a function error (`x-inngest-no-retry` says
// whether it may be retried). Retries are modelled (attempt / max_attempts); delays are not waited.
import { randomUUID } from "node:crypto";
import { postToInngest } from "./inngest-signing.js";

export type ExecutorEvent = { name: string; data: Record<string, unknown>; id?: string; ts?: number };

export type Op = {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: { name?: string; message?: string };
};

export type ExecutorCall = { attempt: number; status: number; ops: Op[]; retryAfter?: string | null };

export type ExecutorRun = {
  runId: string;
  status: "completed" | "failed";
  /** The function's return value (completed) or its serialized error (failed). */
  result?: unknown;
  error?: { name?: string; message?: string };
  calls: ExecutorCall[];
  /** Step ops by display name, in the order they were reported (sleeps included). */
  steps: { name: string; op: string; data?: unknown; error?: Op["error"] }[];
  /** What Inngest bills: one for the run plus one per step attempt reported (sleeps included). */
  executions: number;
};

export type ExecutorOptions = {
  /** The app's base URL, e.g. http://127.0.0.1:1234 */
  url: string;
  /** Full function id, e.g. "linkedin-share-publish-post". */
  fnId: string;
  event: ExecutorEvent;
  signingKey?: string;
  /** retries + 1 (publish-post: 6). */
  maxAttempts?: number;
  maxCalls?: number;
  runId?: string;
};

type StepState = { type: "data"; data: unknown } | { type: "error"; error: unknown };

export async function executeRun(opts: ExecutorOptions): Promise<ExecutorRun> {
  const runId = opts.runId ?? `01${randomUUID().replace(/-/g, "").slice(0, 24).toUpperCase()}`;
  const maxAttempts = opts.maxAttempts ?? 4;
  const event = { id: opts.event.id ?? randomUUID(), ts: opts.event.ts ?? Date.now(), ...opts.event };
  const steps: Record<string, StepState> = {};
  const stack: string[] = [];
  const run: ExecutorRun = { runId, status: "failed", calls: [], steps: [], executions: 1 };
  let attempt = 0;
  const endpoint = `${opts.url}/api/inngest?fnId=${encodeURIComponent(opts.fnId)}&stepId=step`;

  for (let i = 0; i < (opts.maxCalls ?? 50); i++) {
    const res = await postToInngest(
      endpoint,
      {
        event,
        events: [event],
        steps,
        ctx: { run_id: runId, attempt, max_attempts: maxAttempts, stack: { stack, current: stack.length } },
        version: 2,
      },
      opts.signingKey ? { signingKey: opts.signingKey } : {},
    );
    const ops = res.status === 206 ? (res.json as Op[]) : [];
    run.calls.push({ attempt, status: res.status, ops, retryAfter: res.headers.get("retry-after") });
    if (res.status === 200) {
      run.status = "completed";
      run.result = res.json;
      return run;
    }
    if (res.status !== 206) {
      const final = res.headers.get("x-inngest-no-retry") === "true" || attempt + 1 >= maxAttempts;
      if (final) {
        run.error = (res.json ?? { message: res.text }) as ExecutorRun["error"];
        return run;
      }
      attempt++;
      continue;
    }
    for (const op of ops) {
      run.steps.push({ name: op.displayName ?? op.name ?? op.id, op: op.op, data: op.data, error: op.error });
      run.executions++;
      switch (op.op) {
        case "StepRun":
        case "Sleep":
          steps[op.id] = { type: "data", data: op.data ?? null };
          stack.push(op.id);
          attempt = 0;
          break;
        case "StepFailed":
          steps[op.id] = { type: "error", error: op.error };
          stack.push(op.id);
          attempt = 0;
          break;
        case "StepError":
          attempt++;
          break;
        default:
          throw new Error(`executor: op ${op.op} is not modelled`);
      }
    }
  }
  throw new Error("executor: the run did not finish");
}
