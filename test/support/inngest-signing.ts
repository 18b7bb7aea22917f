// Signs requests to /api/inngest exactly as Inngest does (read from inngest 4.24 helpers/net.js and
// components/InngestCommHandler.js): header `X-Inngest-Signature: t=<unix seconds>&s=<hex>`, where `s`
// is HMAC-SHA256 keyed with the signing key minus its `signkey-<env>-` prefix, over the canonical JSON
// of the body (sorted keys, RFC 8785; the SDK re-canonicalizes the parsed body) followed by `t`.
import { createHmac } from "node:crypto";

/** JSON with object keys sorted (RFC 8785 canonical form for the values used here). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined || typeof v === "function" ? "null" : canonicalJson(v))).join(",")}]`;
  }
  const entries = Object.keys(value)
    .sort()
    .filter((k) => {
      const v = (value as Record<string, unknown>)[k];
      return v !== undefined && typeof v !== "function";
    })
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

/** The key material the SDK uses: the signing key without its `signkey-<env>-` prefix. */
export const signingKeyMaterial = (signingKey: string) => signingKey.replace(/^signkey-[\w]+-/, "");

/** The `X-Inngest-Signature` value for a body (already canonical JSON) at unix time `t` (seconds). */
export function inngestSignature(
  body: string,
  signingKey: string,
  t = Math.floor(Date.now() / 1000),
): string {
  const s = createHmac("sha256", signingKeyMaterial(signingKey)).update(body).update(String(t)).digest("hex");
  return `t=${t}&s=${s}`;
}

export type InngestResponse = { status: number; headers: Headers; text: string; json: unknown };

/**
 * POSTs a body to the serve endpoint as Inngest's executor does: canonical JSON, signed when a signing
 * key is given (cloud mode), unsigned otherwise (dev mode, or to check refusal).
 */
export async function postToInngest(
  url: string,
  body: unknown,
  opts: { signingKey?: string; signature?: string; headers?: Record<string, string> } = {},
): Promise<InngestResponse> {
  const raw = canonicalJson(body);
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  const signature = opts.signature ?? (opts.signingKey ? inngestSignature(raw, opts.signingKey) : undefined);
  if (signature) headers["x-inngest-signature"] = signature;
  const res = await fetch(url, { method: "POST", body: raw, headers });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}
