// A fake of Inngest's event API on loopback: records every event sent with `inngest.send`.
// Point the client at it with INNGEST_DEV=<url> (dev mode) or INNGEST_BASE_URL.
import { type LoopbackServer, sendJson, startLoopback } from "./loopback.js";

export type SentEvent = { name: string; id?: string; data: Record<string, unknown>; ts?: number };

export type FakeInngest = {
  url: string;
  events: SentEvent[];
  eventsNamed(name: string): SentEvent[];
  /** Answer every send with this HTTP status (e.g. 503) until `up()`. */
  down(status?: number): void;
  up(): void;
  reset(): void;
  close(): Promise<void>;
};

export async function startFakeInngest(): Promise<FakeInngest> {
  const events: SentEvent[] = [];
  let downStatus: number | undefined;
  const server: LoopbackServer = await startLoopback((req, res, body) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "POST" && url.pathname.startsWith("/e/")) {
      if (downStatus !== undefined)
        return sendJson(res, downStatus, { error: "unavailable", status: downStatus });
      const parsed = JSON.parse(body) as SentEvent | SentEvent[];
      const batch = Array.isArray(parsed) ? parsed : [parsed];
      events.push(...batch);
      return sendJson(res, 200, {
        ids: batch.map((e, i) => e.id ?? `evt-${events.length}-${i}`),
        status: 200,
      });
    }
    // The dev server's registration endpoint, for PUT /api/inngest syncs.
    if (req.method === "POST" && url.pathname === "/fn/register") return sendJson(res, 200, { ok: true });
    sendJson(res, 404, { error: "not found" });
  });
  return {
    url: server.url,
    events,
    eventsNamed: (name) => events.filter((e) => e.name === name),
    down: (status = 503) => {
      downStatus = status;
    },
    up: () => {
      downStatus = undefined;
    },
    reset: () => {
      events.length = 0;
      downStatus = undefined;
    },
    close: () => server.close(),
  };
}
