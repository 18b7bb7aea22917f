// Refuses a replayed Slack request: Bolt checks the signature and refuses requests older than five
// minutes, but within those five minutes the same signed request could be sent again. Each
// signature that was answered 200 is remembered until its timestamp is five minutes old; the same
// signature again gets 401. Only answered requests are remembered, so Slack's own retry of a
// request that failed still gets through. Per process: behind a load balancer each instance keeps
// its own memory (the app's writes are idempotent per submission, so a replay there changes nothing).
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

const WINDOW_S = 5 * 60;
const MAX_REMEMBERED = 200_000;

export function replayGuard(now: () => number = () => Date.now()) {
  const seen = new Map<string, number>(); // signature → unix second after which it is stale anyway
  const prune = () => {
    const t = now() / 1000;
    for (const [sig, until] of seen) {
      if (until > t && seen.size <= MAX_REMEMBERED) break; // insertion order ≈ time order
      seen.delete(sig);
    }
  };
  return {
    wrap(listener: RequestListener): RequestListener {
      return (req: IncomingMessage, res: ServerResponse) => {
        const signature = req.headers["x-slack-signature"];
        const timestamp = Number(req.headers["x-slack-request-timestamp"]);
        if (req.method !== "POST" || typeof signature !== "string" || !Number.isFinite(timestamp)) {
          listener(req, res);
          return;
        }
        prune();
        if (seen.has(signature)) {
          res.writeHead(401, { "content-type": "text/plain" });
          res.end("Replayed request");
          return;
        }
        res.once("finish", () => {
          if (res.statusCode === 200) seen.set(signature, timestamp + WINDOW_S);
        });
        listener(req, res);
      };
    },
    size: () => seen.size,
  };
}
