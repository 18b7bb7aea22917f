import { z } from "zod";
import { LinkedInApiError, LinkedInOAuthError, type LinkedInOAuthErrorCode } from "./errors.js";
import {
  errorFromResponse,
  type FetchLike,
  type RawResponse,
  redact,
  sendRequest,
  transportError,
  versionedHeaders,
} from "./http.js";
import { personUrn, trimBase } from "./urls.js";

/** Member posting: "Sign In with LinkedIn using OpenID Connect" + "Share on LinkedIn" products. */
export const DEFAULT_SCOPES = ["openid", "profile", "w_member_social"] as const;

/**
 * Company-page posting. These need an approved page-management product (Community Management API) on the
 * LinkedIn app; requesting them without it makes the authorization fail.
 */
export const ORGANIZATION_SCOPES = ["w_organization_social", "r_organization_admin"] as const;

interface TimeoutAndFetch {
  /** Default 15000. */
  timeoutMs?: number;
  fetch?: FetchLike;
}

interface RestCallOptions extends TimeoutAndFetch {
  /** Clock for Retry-After HTTP dates. Default `() => new Date()`. */
  now?: () => Date;
}

const clock = (opts: RestCallOptions): Date => (opts.now ?? (() => new Date()))();

// ---------------------------------------------------------------------------------------------------------
// Authorization URL

export interface BuildAuthorizationUrlOptions {
  /** e.g. `https://www.linkedin.com/oauth/v2`. */
  oauthUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: readonly string[];
}

/** `{oauthUrl}/authorization?...` with scopes space-separated and percent-encoded (`%20`). */
export function buildAuthorizationUrl(opts: BuildAuthorizationUrlOptions): string {
  const params: [string, string][] = [
    ["response_type", "code"],
    ["client_id", opts.clientId],
    ["redirect_uri", opts.redirectUri],
    ["state", opts.state],
    ["scope", opts.scopes.join(" ")],
  ];
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  return `${trimBase(opts.oauthUrl)}/authorization?${query}`;
}

// ---------------------------------------------------------------------------------------------------------
// Token endpoint

export interface LinkedInTokens {
  accessToken: string;
  expiresAt: Date;
  /** Only issued to approved partners; self-serve apps get none (apis.md §1.3). */
  refreshToken?: string;
  refreshTokenExpiresAt?: Date;
  /** Granted scopes exactly as LinkedIn returned them (LinkedIn uses commas; spaces are also accepted). */
  scope: string;
  /** `scope` split into its parts. */
  scopes: string[];
}

const TokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().nonnegative(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().nonnegative().optional(),
  scope: z.string().optional(),
});

const OAuthErrorBody = z.object({
  error: z.string().min(1),
  error_description: z.string().optional().catch(undefined),
});

const KNOWN_OAUTH_CODES: ReadonlySet<string> = new Set<LinkedInOAuthErrorCode>([
  "invalid_request",
  "invalid_grant",
  "invalid_client",
  "unauthorized_client",
  "unsupported_grant_type",
  "invalid_scope",
  "access_denied",
]);

async function postTokenForm(
  oauthUrl: string,
  form: Record<string, string>,
  now: Date,
  secrets: readonly string[],
  opts: TimeoutAndFetch,
): Promise<LinkedInTokens> {
  const result = await sendRequest(
    `${trimBase(oauthUrl)}/accessToken`,
    {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams(form).toString(),
    },
    opts,
  );
  if (!result.ok) {
    const timedOut = result.failure.kind === "timeout";
    throw new LinkedInOAuthError({
      code: result.failure.kind,
      message: timedOut ? "LinkedIn token request timed out" : "LinkedIn token request failed: network error",
      ...(timedOut ? {} : { cause: result.failure.cause }),
    });
  }
  const res = result.response;
  let json: unknown;
  try {
    json = JSON.parse(res.bodyText);
  } catch {
    json = undefined;
  }

  if (res.status < 200 || res.status > 299) throw oauthErrorFrom(res, json, secrets);

  const parsed = TokenResponse.safeParse(json);
  if (!parsed.success) {
    throw new LinkedInOAuthError({
      code: "invalid_response",
      status: res.status,
      message: `LinkedIn token response had an unexpected shape (${parsed.error.issues
        .map((i) => i.path.join(".") || "(root)")
        .join(", ")})`,
    });
  }
  const t = parsed.data;
  const scope = t.scope ?? "";
  return {
    accessToken: t.access_token,
    expiresAt: new Date(now.getTime() + t.expires_in * 1000),
    ...(t.refresh_token !== undefined && { refreshToken: t.refresh_token }),
    ...(t.refresh_token !== undefined &&
      t.refresh_token_expires_in !== undefined && {
        refreshTokenExpiresAt: new Date(now.getTime() + t.refresh_token_expires_in * 1000),
      }),
    scope,
    scopes: scope.split(/[\s,]+/).filter((s) => s !== ""),
  };
}

function oauthErrorFrom(res: RawResponse, json: unknown, secrets: readonly string[]): LinkedInOAuthError {
  const body = OAuthErrorBody.safeParse(json);
  if (body.success) {
    const code: LinkedInOAuthErrorCode = KNOWN_OAUTH_CODES.has(body.data.error)
      ? (body.data.error as LinkedInOAuthErrorCode)
      : res.status >= 500
        ? "server"
        : "unknown";
    const description =
      body.data.error_description === undefined
        ? undefined
        : redact(body.data.error_description, secrets).slice(0, 500);
    const safeError = redact(body.data.error, secrets).slice(0, 100);
    return new LinkedInOAuthError({
      code,
      status: res.status,
      message: `LinkedIn token request failed: HTTP ${res.status} ${safeError}${description ? `: ${description}` : ""}`,
      ...(description !== undefined && { description }),
    });
  }
  return new LinkedInOAuthError({
    code: res.status >= 500 ? "server" : "unknown",
    status: res.status,
    message: `LinkedIn token request failed: HTTP ${res.status}`,
  });
}

export interface ExchangeCodeOptions extends TimeoutAndFetch {
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  code: string;
  /** Used to turn `expires_in` into `expiresAt`. */
  now: Date;
}

/** Exchanges an authorization code for tokens. Throws {@link LinkedInOAuthError}. */
export function exchangeCode(opts: ExchangeCodeOptions): Promise<LinkedInTokens> {
  return postTokenForm(
    opts.oauthUrl,
    {
      grant_type: "authorization_code",
      code: opts.code,
      client_id: opts.clientId,
      client_secret: opts.clientSecret,
      redirect_uri: opts.redirectUri,
    },
    opts.now,
    [opts.clientSecret, opts.code],
    opts,
  );
}

export interface RefreshAccessTokenOptions extends TimeoutAndFetch {
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  now: Date;
}

/** Programmatic refresh (approved partners only). Throws {@link LinkedInOAuthError}. */
export function refreshAccessToken(opts: RefreshAccessTokenOptions): Promise<LinkedInTokens> {
  return postTokenForm(
    opts.oauthUrl,
    {
      grant_type: "refresh_token",
      refresh_token: opts.refreshToken,
      client_id: opts.clientId,
      client_secret: opts.clientSecret,
    },
    opts.now,
    [opts.clientSecret, opts.refreshToken],
    opts,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Member and organizations (REST API; errors are LinkedInApiError)

export interface FetchUserInfoOptions extends RestCallOptions {
  /** e.g. `https://api.linkedin.com`. */
  apiUrl: string;
  accessToken: string;
}

export interface LinkedInUserInfo {
  sub: string;
  name?: string;
  /** `urn:li:person:{sub}`. */
  authorUrn: string;
}

const UserInfo = z.object({
  sub: z.string().min(1),
  name: z.string().optional().catch(undefined),
  given_name: z.string().optional().catch(undefined),
  family_name: z.string().optional().catch(undefined),
});

/** `GET {apiUrl}/v2/userinfo` (needs `openid profile`). Throws {@link LinkedInApiError}. */
export async function fetchUserInfo(opts: FetchUserInfoOptions): Promise<LinkedInUserInfo> {
  const res = await getUserInfoRaw(opts);
  if (res.status < 200 || res.status > 299) {
    throw errorFromResponse(res, { what: "userinfo", now: clock(opts), secrets: [opts.accessToken] });
  }
  const parsed = UserInfo.safeParse(safeJson(res.bodyText));
  if (!parsed.success) {
    throw unexpectedShape("userinfo", res.status);
  }
  const u = parsed.data;
  const name = u.name ?? ([u.given_name, u.family_name].filter(Boolean).join(" ") || undefined);
  return { sub: u.sub, ...(name !== undefined && { name }), authorUrn: personUrn(u.sub) };
}

async function getUserInfoRaw(opts: FetchUserInfoOptions): Promise<RawResponse> {
  const result = await sendRequest(
    `${trimBase(opts.apiUrl)}/v2/userinfo`,
    { method: "GET", headers: { Authorization: `Bearer ${opts.accessToken}` } },
    opts,
  );
  if (!result.ok) throw transportError(result.failure, "userinfo", opts.timeoutMs);
  return result.response;
}

export interface CheckTokenOptions extends TimeoutAndFetch {
  apiUrl: string;
  accessToken: string;
}

/**
 * Pre-flight check (e.g. an hour before publishing): `true` if userinfo answers 200, `false` on 401,
 * `"unknown"` for anything else, including network errors and timeouts. Never throws.
 */
export async function checkToken(opts: CheckTokenOptions): Promise<boolean | "unknown"> {
  try {
    const res = await getUserInfoRaw(opts);
    if (res.status === 200) return true;
    if (res.status === 401) return false;
    return "unknown";
  } catch {
    return "unknown";
  }
}

export interface ListAdministeredOrganizationsOptions extends RestCallOptions {
  apiUrl: string;
  version: string;
  accessToken: string;
}

export interface AdministeredOrganization {
  /** `urn:li:organization:{id}`. */
  urn: string;
  /** `localizedName`; undefined when the lookup failed. */
  name?: string;
}

// Current docs and most clients return `elements[].organization`; older (v2 organizationalEntityAcls)
// payloads used `organizationalTarget`/`organizationTarget`. Accept any of them, keep only organization URNs.
const AclPage = z.object({
  elements: z
    .array(
      z
        .object({
          organization: z.string().optional().catch(undefined),
          organizationTarget: z.string().optional().catch(undefined),
          organizationalTarget: z.string().optional().catch(undefined),
        })
        .catch({}),
    )
    .catch([]),
  paging: z
    .object({
      start: z.number().optional().catch(undefined),
      count: z.number().optional().catch(undefined),
      total: z.number().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

const Organization = z.object({ localizedName: z.string().min(1) });

const ORG_URN_RE = /^urn:li:organization:(\d+)$/;
const MAX_ACL_PAGES = 20;

/**
 * Organizations the member administers (ADMINISTRATOR, APPROVED), with their names. Needs
 * `r_organization_admin`. Throws {@link LinkedInApiError} if the ACL call fails; a failed name lookup
 * only leaves `name` undefined.
 */
export async function listAdministeredOrganizations(
  opts: ListAdministeredOrganizationsOptions,
): Promise<AdministeredOrganization[]> {
  const base = trimBase(opts.apiUrl);
  const headers = versionedHeaders(opts.accessToken, opts.version);
  const ids: string[] = [];
  let start = 0;
  for (let page = 0; page < MAX_ACL_PAGES; page++) {
    const url =
      `${base}/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED` +
      (start > 0 ? `&start=${start}` : "");
    const result = await sendRequest(url, { method: "GET", headers }, opts);
    if (!result.ok) throw transportError(result.failure, "organizationAcls", opts.timeoutMs);
    const res = result.response;
    if (res.status < 200 || res.status > 299) {
      throw errorFromResponse(res, {
        what: "organizationAcls",
        now: clock(opts),
        version: opts.version,
        secrets: [opts.accessToken],
      });
    }
    const parsed = AclPage.safeParse(safeJson(res.bodyText));
    if (!parsed.success) throw unexpectedShape("organizationAcls", res.status);
    const { elements, paging } = parsed.data;
    for (const el of elements) {
      const urn = el.organization ?? el.organizationTarget ?? el.organizationalTarget;
      const id = urn?.match(ORG_URN_RE)?.[1];
      if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
    // Follow pagination only when LinkedIn reports a total beyond what we've seen.
    const seen = (paging?.start ?? start) + elements.length;
    if (elements.length === 0 || paging?.total === undefined || seen >= paging.total) break;
    start = seen;
  }

  return Promise.all(
    ids.map(async (id): Promise<AdministeredOrganization> => {
      const urn = `urn:li:organization:${id}`;
      const name = await fetchOrganizationName(base, id, headers, opts).catch(() => undefined);
      return name === undefined ? { urn } : { urn, name };
    }),
  );
}

async function fetchOrganizationName(
  base: string,
  id: string,
  headers: Record<string, string>,
  opts: TimeoutAndFetch,
): Promise<string | undefined> {
  const result = await sendRequest(`${base}/rest/organizations/${id}`, { method: "GET", headers }, opts);
  if (!result.ok || result.response.status !== 200) return undefined;
  const parsed = Organization.safeParse(safeJson(result.response.bodyText));
  return parsed.success ? parsed.data.localizedName : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function unexpectedShape(what: string, status: number): LinkedInApiError {
  return new LinkedInApiError({
    code: "server",
    status,
    message: `LinkedIn ${what} answered HTTP ${status} with an unexpected response shape`,
  });
}
