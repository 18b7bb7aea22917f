// Socket Mode (SLACK_APP_TOKEN set): the app opens a WebSocket to the URL Slack's
// apps.connections.open gives it, answers commands over it, and still serves its HTTP routes on PORT.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { eventually, startTestApp, type TestApp } from "./support/app.js";

describe("Socket Mode", () => {
  let t: TestApp;
  let wss: WebSocketServer;
  const fromApp: Record<string, unknown>[] = [];
  let socket: WebSocket | undefined;

  beforeAll(async () => {
    wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise((r) => wss.once("listening", r));
    const { port } = wss.address() as AddressInfo;
    wss.on("connection", (ws) => {
      socket = ws;
      ws.on("message", (data) => fromApp.push(JSON.parse(String(data)) as Record<string, unknown>));
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0APP" } }));
    });
    t = await startTestApp({
      env: { SLACK_APP_TOKEN: "xapp-1-A0APP-1-test" },
      slackHandlers: { "apps.connections.open": () => ({ url: `ws://127.0.0.1:${port}/link` }) },
    });
  });
  afterAll(async () => {
    await t.stop();
    for (const client of wss.clients) client.terminate();
    await new Promise((r) => wss.close(r));
  });

  it("connects with the app-level token and answers a command over the socket", async () => {
    const open = t.slack.callsTo("apps.connections.open")[0];
    expect(open?.token).toBe("xapp-1-A0APP-1-test");
    await eventually(() => socket);
    socket?.send(
      JSON.stringify({
        envelope_id: "env-1",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: {
          token: "legacy",
          team_id: "T0001",
          channel_id: "C0CHANNEL",
          user_id: "U0AUTHOR",
          command: "/share",
          text: "help",
          response_url: t.slack.responseUrl(),
          trigger_id: "socket-trigger",
          api_app_id: "A0APP",
        },
      }),
    );
    const ack = await eventually(() => fromApp.find((m) => m.envelope_id === "env-1"));
    expect(JSON.stringify(ack.payload)).toContain("/share schedule");
  });

  it("still serves /healthz and /api/inngest over HTTP", async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${t.url}/api/inngest`)).status).toBe(200);
  });
});
