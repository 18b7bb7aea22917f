// Sends signed /share commands from a worker thread, so the load generator has an event loop of its
// own: the fake Slack answering the app on the main thread cannot delay (and inflate) the timings.
import { parentPort, workerData } from "node:worker_threads";
import { postForm } from "../test/support/slack-signing.js";

export type LoadJob = {
  url: string;
  secret: string;
  responseUrlBase: string;
  total: number;
  concurrency: number;
  firstIndex: number;
  text: string;
};

async function run(job: LoadJob): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < job.total) {
      const i = job.firstIndex + next++;
      const res = await postForm(
        job.url,
        {
          team_id: "T0001",
          channel_id: "C0CHANNEL",
          user_id: `U0BENCH${i % 20}`,
          command: "/share",
          text: job.text.replace("{i}", String(i)),
          response_url: `${job.responseUrlBase}bench-${i}`,
          trigger_id: `bench-trigger-${i}-${Math.random()}`,
        },
        { secret: job.secret },
      );
      if (res.status !== 200) throw new Error(`request ${i} answered ${res.status}`);
      times.push(res.ms);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  return times.sort((a, b) => a - b);
}

run(workerData as LoadJob).then(
  (times) => parentPort?.postMessage({ times }),
  (err: unknown) => parentPort?.postMessage({ error: String(err) }),
);
