/**
 * Shared plumbing for LinkedIn calls: timeouts, network/timeout classification, defensive error-body
 * parsing and HTTP status → {@link LinkedInApiError} mapping. Nothing here logs anything.
 */
import { z } from "zod";
import { LinkedInApiError } from "./errors.js";

export const DEFAULT_TIMEOUT_MS = 15_000;

export type FetchLike = typeof fetch;

/** Headers for the versioned `/rest` API. */
export function versionedHeaders(accessToken: string, version: string): Record<string, string> {
  return {
    Authorization: `Bearer ${accessToken}`,
    "LinkedIn-Version": version,
    "X-Restli-Protocol-Version": "2.0.0",
  };
}

/** Replaces every occurrence of each secret (tokens, client secret, auth code) with `[redacted]`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out;
}

function truncate(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  bodyText: string;
}

export type TransportFailure = { kind: "timeout"; cause: unknown } | { kind: "network"; cause: unknown };

/**
 * Performs the request with an `AbortSignal.timeout` covering headers and body, and reads the whole body.
 * Transport failures are returned (not thrown) so each caller can wrap them in its own error type.
 */
export async function sendRequest(
  url: string,
  init: RequestInit,
  opts: { fetch?: FetchLike | undefined; timeoutMs?: number | undefined },
): Promise<{ ok: true; response: RawResponse } | { ok: false; failure: TransportFailure }> {
  const signal = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  // Resolved per call, so a fetch patched after import (e.g. by nock) is honoured.
  const doFetch = opts.fetch ?? globalThis.fetch;
  try {
    const res = await doFetch(url, { ...init, signal, redirect: "manual" });
    const bodyText = await res.text();
    return { ok: true, response: { status: res.status, headers: res.headers, bodyText } };
  } catch (cause) {
    // Judge by the signal, not the error: implementations differ in what they reject with on abort.
    const timedOut =
      signal.aborted && (signal.reason as { name?: unknown } | undefined)?.name === "TimeoutError";
    return { ok: false, failure: { kind: timedOut ? "timeout" : "network", cause } };
  }
}

export function transportError(
  failure: TransportFailure,
  what: string,
  timeoutMs?: number,
): LinkedInApiError {
  return failure.kind === "timeout"
    ? new LinkedInApiError({
        code: "timeout",
        message: `LinkedIn ${what} timed out after ${timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`,
      })
    : new LinkedInApiError({
        code: "network",
        message: `LinkedIn ${what} failed: network error (${errorName(failure.cause)})`,
        cause: failure.cause,
      });
}

function errorName(err: unknown): string {
  if (err instanceof Error) {
    const causeCode = (err.cause as { code?: unknown } | undefined)?.code;
    return typeof causeCode === "string" ? `${err.name}: ${causeCode}` : err.name;
  }
  return typeof err;
}

/** Parses `Retry-After` (delta-seconds or HTTP-date) into milliseconds from `now`; undefined if absent/invalid. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only accept something that looks like a date (has letters), not e.g. "-5" or "1.5".
  if (!/[A-Za-z]/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

// Each field falls back to undefined on a type mismatch, so one odd field never hides the others.
const LinkedInErrorBody = z.object({
  message: z.string().optional().catch(undefined),
  serviceErrorCode: z.number().optional().catch(undefined),
  code: z.string().optional().catch(undefined),
  status: z.number().optional().catch(undefined),
  errorDetails: z
    .object({
      inputErrors: z
        .array(z.object({ code: z.string().optional().catch(undefined) }).catch({ code: undefined }))
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
});

export type LinkedInErrorBody = z.infer<typeof LinkedInErrorBody>;

/** Parses an error body; non-JSON or unexpected shapes give an empty object. */
export function parseErrorBody(bodyText: string): LinkedInErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return {};
  }
  const parsed = LinkedInErrorBody.safeParse(json);
  return parsed.success ? parsed.data : {};
}

const PERMISSION_RE = /Not enough permissions to access:\s*([A-Za-z0-9_.-]+)/i;
const DUPLICATE_OF_RE = /duplicate of\s+(urn:li:[A-Za-z]+:[A-Za-z0-9_-]+)/i;
const ANY_URN_RE = /(urn:li:(?:share|ugcPost|activity):[A-Za-z0-9_-]+)/;
const VERSION_CODES = new Set(["NONEXISTENT_VERSION", "VERSION_DEPRECATED", "VERSION_MISSING"]);

export interface MapErrorContext {
  /** What was being done, for the developer message, e.g. "create post". */
  what: string;
  now: Date;
  version?: string | undefined;
  secrets: readonly (string | undefined)[];
}

/** Maps a non-2xx LinkedIn response to a {@link LinkedInApiError}. */
export function errorFromResponse(res: RawResponse, ctx: MapErrorContext): LinkedInApiError {
  const { status } = res;
  const body = parseErrorBody(res.bodyText);
  const liMessage = body.message ? truncate(redact(body.message, ctx.secrets)) : undefined;
  const base = {
    status,
    ...(body.serviceErrorCode !== undefined && { serviceErrorCode: body.serviceErrorCode }),
    ...(body.code !== undefined && { linkedInCode: body.code }),
    ...(liMessage !== undefined && { linkedInMessage: liMessage }),
    ...(ctx.version !== undefined && { version: ctx.version }),
  };
  const detail = [body.code, body.serviceErrorCode, liMessage].filter((x) => x !== undefined).join(" ");
  const msg = (summary: string) =>
    `LinkedIn ${ctx.what} failed: HTTP ${status} ${summary}${detail ? ` (${detail})` : ""}`;

  if (status === 401) {
    // Covers 65600 "Invalid access token", 65601 REVOKED_ACCESS_TOKEN and expired tokens. (65601 is
    // sometimes transient right after consent; callers may retry once, but we report it as non-retriable.)
    return new LinkedInApiError({ ...base, code: "unauthorized", message: msg("unauthorized") });
  }
  if (status === 403) {
    const perm = body.message?.match(PERMISSION_RE)?.[1]?.replace(/\.+$/, "");
    return new LinkedInApiError({
      ...base,
      code: "forbidden",
      message: msg("forbidden"),
      ...(perm !== undefined && { missingPermission: perm }),
    });
  }
  if (status === 426 || (body.code !== undefined && VERSION_CODES.has(body.code))) {
    return new LinkedInApiError({
      ...base,
      code: "version_retired",
      message: msg(`API version ${ctx.version ?? "(unknown)"} is not active`),
    });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"), ctx.now);
    return new LinkedInApiError({
      ...base,
      code: "rate_limited",
      message: msg("rate limited"),
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }
  if (status === 422) {
    const isDuplicate =
      body.errorDetails?.inputErrors?.some((e) => e.code === "DUPLICATE_POST") === true ||
      /duplicate/i.test(body.message ?? "");
    if (isDuplicate) {
      const urn = body.message?.match(DUPLICATE_OF_RE)?.[1] ?? body.message?.match(ANY_URN_RE)?.[1];
      return new LinkedInApiError({
        ...base,
        code: "duplicate",
        message: msg("duplicate post"),
        ...(urn !== undefined && { duplicateOfUrn: urn }),
      });
    }
  }
  if (status >= 500) {
    return new LinkedInApiError({ ...base, code: "server", message: msg("server error") });
  }
  if (status >= 400) {
    return new LinkedInApiError({ ...base, code: "bad_request", message: msg("rejected") });
  }
  // 1xx/3xx (redirects are not followed): unexpected, treat as a server-side problem.
  return new LinkedInApiError({ ...base, code: "server", message: msg("unexpected status") });
}
