/** Public URL of a post. The URN is used as-is (not percent-encoded), as LinkedIn itself links to it. */
export function postUrlFor(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

/** Member author URN from the OpenID Connect `sub` claim. */
export function personUrn(sub: string): string {
  return `urn:li:person:${sub}`;
}

/** Removes trailing slashes so `${base}/path` never produces `//path`. */
export function trimBase(base: string): string {
  return base.replace(/\/+$/, "");
}
