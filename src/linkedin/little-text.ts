/**
 * LinkedIn "little" text format helpers for the Posts API `commentary` field.
 *
 * Every character reserved by the little format must be backslash-escaped, even when it is not part of a
 * little element; an unescaped reserved character makes LinkedIn silently truncate the post at that point
 * (apis.md §1.6). The reserved set below is third-party consensus (the official grammar table was not
 * retrieved), so it errs on the side of escaping.
 */

/** LinkedIn's documented maximum for `commentary` (third-party consensus, see apis.md §1.6). */
export const MAX_COMMENTARY_LENGTH = 3000;

/** Characters reserved by the little text format. */
export const LITTLE_RESERVED_CHARS = [
  "\\",
  "|",
  "{",
  "}",
  "@",
  "[",
  "]",
  "(",
  ")",
  "<",
  ">",
  "#",
  "*",
  "_",
  "~",
] as const;

// One character class, applied in a single pass: a backslash in the input is escaped exactly once and the
// backslashes we add are never re-examined, which is equivalent to "escape `\` first".
const RESERVED_PATTERN = /[\\|{}@[\]()<>#*_~]/g;

/**
 * Backslash-escapes every reserved character. Not idempotent by design: escaping an already escaped string
 * escapes its backslashes again. Call it exactly once, on the user's raw text, right before sending.
 */
export function escapeLittleText(text: string): string {
  return text.replace(RESERVED_PATTERN, "\\$&");
}

/**
 * Length of the user's text as LinkedIn counts it against {@link MAX_COMMENTARY_LENGTH}.
 *
 * Counts UTF-16 code units, exactly like JavaScript's `String.prototype.length` and Java's
 * `String.length()` (LinkedIn's backend is Java), so an emoji outside the BMP counts as 2. Pass the text
 * BEFORE {@link escapeLittleText}: the escaping backslashes are not part of what the user wrote.
 */
export function linkedInLength(text: string): number {
  return text.length;
}
