import { LinkedInApiError } from "./errors.js";
import { errorFromResponse, type FetchLike, sendRequest, transportError, versionedHeaders } from "./http.js";
import { escapeLittleText, linkedInLength, MAX_COMMENTARY_LENGTH } from "./little-text.js";
import { postUrlFor, trimBase } from "./urls.js";

export { postUrlFor } from "./urls.js";

export interface CreateLinkedInPostOptions {
  /** e.g. `https://api.linkedin.com` (no `/rest`). */
  apiUrl: string;
  /** `LinkedIn-Version`, e.g. `202601`. */
  version: string;
  accessToken: string;
  /** `urn:li:person:{sub}` or `urn:li:organization:{id}`. */
  authorUrn: string;
  /** The user's raw text; escaped here for the little format. */
  text: string;
  /** Default 15000. */
  timeoutMs?: number;
  fetch?: FetchLike;
  /** Clock for Retry-After HTTP dates. Default `() => new Date()`. */
  now?: () => Date;
}

export interface CreatedLinkedInPost {
  urn: string;
  url: string;
}

/** The exact JSON body for a public text post. */
export function buildTextPostBody(authorUrn: string, text: string) {
  return {
    author: authorUrn,
    commentary: escapeLittleText(text),
    visibility: "PUBLIC",
    distribution: {
      feedDistribution: "MAIN_FEED",
      targetEntities: [],
      thirdPartyDistributionChannels: [],
    },
    lifecycleState: "PUBLISHED",
    isReshareDisabledByAuthor: false,
  };
}

const URN_RE = /^urn:li:[A-Za-z]+:\S+$/;

/**
 * Publishes a text post via `POST {apiUrl}/rest/posts`. Throws {@link LinkedInApiError} on any failure;
 * text that is empty or longer than {@link MAX_COMMENTARY_LENGTH} is rejected locally as bad_request.
 */
export async function createLinkedInPost(opts: CreateLinkedInPostOptions): Promise<CreatedLinkedInPost> {
  const length = linkedInLength(opts.text);
  if (opts.text.trim() === "") {
    throw new LinkedInApiError({
      code: "bad_request",
      message: "LinkedIn create post not sent: text is empty",
      linkedInMessage: "the post text is empty.",
    });
  }
  if (length > MAX_COMMENTARY_LENGTH) {
    throw new LinkedInApiError({
      code: "bad_request",
      message: `LinkedIn create post not sent: text is ${length} characters (max ${MAX_COMMENTARY_LENGTH})`,
      linkedInMessage: `the post is ${length} characters long; LinkedIn allows at most ${MAX_COMMENTARY_LENGTH}.`,
    });
  }

  const result = await sendRequest(
    `${trimBase(opts.apiUrl)}/rest/posts`,
    {
      method: "POST",
      headers: { ...versionedHeaders(opts.accessToken, opts.version), "Content-Type": "application/json" },
      body: JSON.stringify(buildTextPostBody(opts.authorUrn, opts.text)),
    },
    { fetch: opts.fetch, timeoutMs: opts.timeoutMs },
  );
  if (!result.ok) throw transportError(result.failure, "create post", opts.timeoutMs);

  const res = result.response;
  if (res.status < 200 || res.status > 299) {
    throw errorFromResponse(res, {
      what: "create post",
      now: (opts.now ?? (() => new Date()))(),
      version: opts.version,
      secrets: [opts.accessToken],
    });
  }

  let urn = res.headers.get("x-restli-id")?.trim() ?? "";
  if (/^urn%3A/i.test(urn)) {
    try {
      urn = decodeURIComponent(urn);
    } catch {
      // keep as is; validated below
    }
  }
  if (!URN_RE.test(urn)) {
    throw new LinkedInApiError({
      code: "server",
      status: res.status,
      message:
        urn === ""
          ? `LinkedIn create post answered HTTP ${res.status} without an x-restli-id header; the post URN is unknown`
          : `LinkedIn create post answered HTTP ${res.status} with an unexpected x-restli-id header`,
    });
  }
  return { urn, url: postUrlFor(urn) };
}
