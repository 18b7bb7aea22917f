// Validates a post's text the way LinkedIn will count it.
import { linkedInLength, MAX_COMMENTARY_LENGTH } from "../linkedin/little-text.js";

export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

export function checkPostText(raw: string): TextCheck {
  const text = raw.replace(/\r\n/g, "\n").trim();
  if (text === "") {
    return {
      ok: false,
      message:
        "The post text is empty. Write what to publish after the `|`, e.g. `tomorrow 9am | Our Q4 report is out`.",
    };
  }
  const length = linkedInLength(text);
  if (length > MAX_COMMENTARY_LENGTH) {
    return {
      ok: false,
      message: `The post is ${length.toLocaleString("en-US")} characters; LinkedIn allows at most ${MAX_COMMENTARY_LENGTH.toLocaleString("en-US")}. Shorten it by ${(length - MAX_COMMENTARY_LENGTH).toLocaleString("en-US")}.`,
    };
  }
  return { ok: true, text };
}
