// Small pure helpers for Slack text.

/** Escapes the three characters Slack's mrkdwn treats specially. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Decodes what Slack does to user text in commands and messages (&amp; &lt; &gt;, and <@U1>,
 * <#C1|name>, <https://x|label> references) into plain text fit to send elsewhere.
 */
export function decodeSlackText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, (_m, url: string, label: string) =>
      label === url.replace(/^mailto:/, "") ? label : `${label} (${url})`,
    )
    .replace(/<((?:https?|mailto):[^>]+)>/g, (_m, url: string) => url.replace(/^mailto:/, ""))
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, "#$1")
    .replace(/<@([A-Z0-9]+)\|([^>]+)>/g, "@$2")
    .replace(/<!(here|channel|everyone)(\|[^>]*)?>/g, "@$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** A Slack date token: every reader sees the instant in their own time zone. */
export function slackDate(at: Date, fallback?: string): string {
  const unix = Math.floor(at.getTime() / 1000);
  return `<!date^${unix}^{date_short_pretty} at {time}|${fallback ?? `${at.toISOString().replace(".000Z", "Z")}`}>`;
}

/** Cuts text to at most `max` characters, on a word boundary where possible, adding an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
