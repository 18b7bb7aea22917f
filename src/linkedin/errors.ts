import { postUrlFor } from "./urls.js";

export type LinkedInErrorCode =
  | "unauthorized"
  | "forbidden"
  | "duplicate"
  | "version_retired"
  | "rate_limited"
  | "server"
  | "network"
  | "timeout"
  | "bad_request";

const RETRIABLE_CODES: ReadonlySet<LinkedInErrorCode> = new Set([
  "rate_limited",
  "server",
  "network",
  "timeout",
]);

export interface LinkedInApiErrorInit {
  code: LinkedInErrorCode;
  /** Developer-facing message. Must never contain a token. */
  message: string;
  status?: number;
  retryAfterMs?: number;
  duplicateOfUrn?: string;
  missingPermission?: string;
  serviceErrorCode?: number;
  /** LinkedIn's own `code` field, e.g. `REVOKED_ACCESS_TOKEN`, `ACCESS_DENIED`. */
  linkedInCode?: string;
  /** LinkedIn's `message` field (already redacted), shown to users for bad_request. */
  linkedInMessage?: string;
  /** The `LinkedIn-Version` that was sent; used in the version_retired message. */
  version?: string;
  cause?: unknown;
}

/** An error from the LinkedIn REST API (or from reaching it). Carries no token, request or response object. */
export class LinkedInApiError extends Error {
  override readonly name = "LinkedInApiError";
  readonly code: LinkedInErrorCode;
  declare readonly status?: number;
  declare readonly retryAfterMs?: number;
  declare readonly duplicateOfUrn?: string;
  declare readonly missingPermission?: string;
  declare readonly serviceErrorCode?: number;
  declare readonly linkedInCode?: string;
  declare readonly linkedInMessage?: string;
  declare readonly version?: string;
  /** True for rate_limited, server, network and timeout. */
  readonly retriable: boolean;

  constructor(init: LinkedInApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.retriable = RETRIABLE_CODES.has(init.code);
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.duplicateOfUrn !== undefined) this.duplicateOfUrn = init.duplicateOfUrn;
    if (init.missingPermission !== undefined) this.missingPermission = init.missingPermission;
    if (init.serviceErrorCode !== undefined) this.serviceErrorCode = init.serviceErrorCode;
    if (init.linkedInCode !== undefined) this.linkedInCode = init.linkedInCode;
    if (init.linkedInMessage !== undefined) this.linkedInMessage = init.linkedInMessage;
    if (init.version !== undefined) this.version = init.version;
  }
}

export type LinkedInOAuthErrorCode =
  | "invalid_request"
  | "invalid_grant"
  | "invalid_client"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "access_denied"
  | "server"
  | "network"
  | "timeout"
  | "invalid_response"
  | "unknown";

const RETRIABLE_OAUTH_CODES: ReadonlySet<LinkedInOAuthErrorCode> = new Set(["server", "network", "timeout"]);

export interface LinkedInOAuthErrorInit {
  code: LinkedInOAuthErrorCode;
  /** Developer-facing message, already redacted (no client secret, code or token). */
  message: string;
  status?: number;
  /** LinkedIn's `error_description`, redacted. */
  description?: string;
  cause?: unknown;
}

/** An error from LinkedIn's OAuth token endpoint (`{error, error_description}`) or from reaching it. */
export class LinkedInOAuthError extends Error {
  override readonly name = "LinkedInOAuthError";
  readonly code: LinkedInOAuthErrorCode;
  declare readonly status?: number;
  declare readonly description?: string;
  readonly retriable: boolean;

  constructor(init: LinkedInOAuthErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.retriable = RETRIABLE_OAUTH_CODES.has(init.code);
    if (init.status !== undefined) this.status = init.status;
    if (init.description !== undefined) this.description = init.description;
  }
}

const RECONNECT = "Reconnect LinkedIn from the app's Home tab";

function waitHint(ms: number | undefined): string {
  if (ms === undefined) return "";
  const minutes = Math.ceil(ms / 60_000);
  if (ms < 60_000) return ` LinkedIn asked to wait about ${Math.max(1, Math.ceil(ms / 1000))} seconds.`;
  if (minutes < 120) return ` LinkedIn asked to wait about ${minutes} minutes.`;
  return ` LinkedIn asked to wait about ${Math.round(minutes / 60)} hours.`;
}

/**
 * A clear, token-free sentence for Slack describing what went wrong and what to do.
 * Unknown errors get a generic sentence: their messages are not echoed because they are not vetted.
 */
export function userMessage(err: unknown): string {
  if (err instanceof LinkedInApiError) {
    switch (err.code) {
      case "unauthorized":
        return `LinkedIn no longer accepts the saved connection (the access token expired or was revoked). ${RECONNECT}, then try again.`;
      case "forbidden":
        return err.missingPermission
          ? `LinkedIn denied access: the connection lacks the permission "${err.missingPermission}". Make sure the LinkedIn app has the required product and you have the needed page role, then ${RECONNECT.charAt(0).toLowerCase()}${RECONNECT.slice(1)}.`
          : `LinkedIn denied access: the connection lacks a required permission or page role. ${RECONNECT} after checking your access.`;
      case "version_retired":
        return `LinkedIn retired API version ${err.version ?? "(unknown)"}; an admin must update LINKEDIN_VERSION.`;
      case "duplicate":
        return err.duplicateOfUrn
          ? `LinkedIn rejected this as a duplicate of ${postUrlFor(err.duplicateOfUrn)}`
          : "LinkedIn rejected this as a duplicate of a post that already exists. Change the text and try again.";
      case "rate_limited":
        return `LinkedIn is rate-limiting requests right now (daily limits reset at midnight UTC).${waitHint(err.retryAfterMs)}`;
      case "server":
        return "LinkedIn had a problem on its side. Please try again in a few minutes.";
      case "network":
        return "Couldn't reach LinkedIn because of a network error. Please try again in a few minutes.";
      case "timeout":
        return "LinkedIn didn't answer in time. Please try again in a few minutes.";
      case "bad_request":
        return err.linkedInMessage
          ? `LinkedIn rejected the request: ${err.linkedInMessage}`
          : "LinkedIn rejected the request as invalid.";
    }
  }
  if (err instanceof LinkedInOAuthError) {
    switch (err.code) {
      case "invalid_grant":
      case "invalid_request":
        return "LinkedIn couldn't complete the connection: the authorization expired or was already used. Start again from the app's Home tab.";
      case "access_denied":
        return "The LinkedIn connection was cancelled or not allowed. Start again from the app's Home tab if you want to connect.";
      case "invalid_client":
      case "unauthorized_client":
      case "unsupported_grant_type":
      case "invalid_scope":
        return "LinkedIn refused the app's credentials or requested permissions; an admin must check the LinkedIn app configuration.";
      case "server":
      case "network":
      case "timeout":
        return "Couldn't reach LinkedIn to complete the connection. Please try again in a few minutes.";
      case "invalid_response":
      case "unknown":
        return "LinkedIn returned an unexpected answer while connecting. Please try again from the app's Home tab.";
    }
  }
  return "Something went wrong while talking to LinkedIn. Please try again later.";
}
