// The work a Slack request does after it has been acknowledged (saving, posting messages, sending
// events) runs through one queue with a single lane (docs/decisions/006-acknowledge-first.md), so a
// burst of commands cannot starve the event loop and delay the acknowledgements past Slack's 3 s.
// Each task starts from a fresh macrotask (setImmediate): the embedded database answers through
// promise continuations that never give the event loop back to pending HTTP requests, so without
// this yield a queue of database work would run back to back ahead of them.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import pLimit from "p-limit";

export type Background = <T>(task: () => Promise<T>) => Promise<T>;

export function createBackground(concurrency = 1): Background {
  const limit = pLimit(concurrency);
  return (task) =>
    limit(async () => {
      await yieldToEventLoop();
      return task();
    });
}
