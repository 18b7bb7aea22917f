// A bare Bolt app answering /share with "ok": the baseline for the acknowledgement benchmark.
// Run as its own process: PORT, SLACK_SIGNING_SECRET and SLACK_API_URL come from the environment.
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  logLevel: LogLevel.ERROR,
});
const app = new App({
  token: "xoxb-bare",
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? "" },
});
app.command("/share", async ({ ack }) => {
  await ack("ok");
});
await receiver.start(Number(process.env.PORT));
process.stdout.write("ready\n");
