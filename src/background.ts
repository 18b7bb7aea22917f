// The work a Slack request does after it has been acknowledged (saving, posting messages, sending
// events) runs through one queue with a single lane (docs/decisions/006-acknowledge-first.md), so a
// burst of commands cannot starve the event loop and delay the acknowledgements past Slack's 3 s.
// Each task starts from a fresh macrotask (setImmediate): the embedded database answers through
// promise continuations that never give the event loop back to pending HTTP requests, so without
// this yield a queue of database work would run back to back ahead of them.
// The queue lives in memory: a graceful shutdown drains it (main.ts) before closing the database.
import { setTimeout as sleep, setImmediate as yieldToEventLoop } from "node:timers/promises";
import pLimit from "p-limit";

export type Background = (<T>(task: () => Promise<T>) => Promise<T>) & {
  /** Resolves once no task is running or waiting, or after `timeoutMs`; true when drained. */
  drain(timeoutMs: number): Promise<boolean>;
};

export function createBackground(concurrency = 1): Background {
  const limit = pLimit(concurrency);
  const run = <T>(task: () => Promise<T>) =>
    limit(async () => {
      await yieldToEventLoop();
      return task();
    });
  return Object.assign(run, {
    async drain(timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (limit.activeCount + limit.pendingCount > 0) {
        if (Date.now() > deadline) return false;
        await sleep(25);
      }
      return true;
    },
  });
}
