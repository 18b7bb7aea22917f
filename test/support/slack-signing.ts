// Signs requests exactly as Slack does (v0 HMAC-SHA256 over "v0:{timestamp}:{raw body}") and sends
// them through the app's real receiver over HTTP.
import { createHmac } from "node:crypto";

export type SignOptions = { secret: string; timestamp?: number; signature?: string | null };

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export function signedHeaders(body: string, opts: SignOptions, contentType: string): Record<string, string> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(ts),
  };
  const sig = opts.signature === undefined ? slackSignature(opts.secret, ts, body) : opts.signature;
  if (sig !== null) headers["x-slack-signature"] = sig;
  return headers;
}

export type SlackResponse = { status: number; body: string; json: unknown; ms: number };

async function send(url: string, body: string, headers: Record<string, string>): Promise<SlackResponse> {
  const started = performance.now();
  const res = await fetch(url, { method: "POST", body, headers });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, body: text, json, ms: performance.now() - started };
}

/** A slash command: form-encoded fields as Slack sends them. */
export function postForm(url: string, fields: Record<string, string>, opts: SignOptions) {
  const body = new URLSearchParams(fields).toString();
  return send(url, body, signedHeaders(body, opts, "application/x-www-form-urlencoded"));
}

/** Interactivity (block_actions, view_submission): form field `payload` holding JSON. */
export function postInteraction(url: string, payload: unknown, opts: SignOptions) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return send(url, body, signedHeaders(body, opts, "application/x-www-form-urlencoded"));
}

/** Events API: a JSON envelope. */
export function postEvent(url: string, envelope: unknown, opts: SignOptions) {
  const body = JSON.stringify(envelope);
  return send(url, body, signedHeaders(body, opts, "application/json"));
}
