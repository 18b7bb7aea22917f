// The work a Slack request does after it has been acknowledged (saving, posting messages, sending
// events) runs through one bounded queue, so a burst of commands cannot starve the event loop and
// delay the acknowledgements themselves past Slack's 3 seconds.
import pLimit from "p-limit";

export type Background = <T>(task: () => Promise<T>) => Promise<T>;

export function createBackground(concurrency = 8): Background {
  const limit = pLimit(concurrency);
  return (task) => limit(task);
}
