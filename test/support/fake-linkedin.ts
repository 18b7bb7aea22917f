// A fake of LinkedIn's Posts API on loopback (for the bench and tests that want a real socket rather
// than nock): POST /rest/posts answers 201 with an `x-restli-id` URN and records each request.
import { type LoopbackServer, sendJson, startLoopback } from "./loopback.js";

export type LinkedInRequest = { headers: Record<string, string | string[] | undefined>; body: unknown };

export type FakeLinkedIn = {
  url: string;
  requests: LinkedInRequest[];
  close(): Promise<void>;
};

export async function startFakeLinkedIn(): Promise<FakeLinkedIn> {
  const requests: LinkedInRequest[] = [];
  const server: LoopbackServer = await startLoopback((req, res, body) => {
    if (req.method === "POST" && req.url === "/rest/posts") {
      requests.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(201, {
        "x-restli-id": `urn:li:share:70000000000${String(requests.length).padStart(8, "0")}`,
      });
      res.end();
      return;
    }
    sendJson(res, 404, { status: 404, message: "not found" });
  });
  return { url: server.url, requests, close: () => server.close() };
}
