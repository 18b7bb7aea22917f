import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  escapeLittleText,
  LITTLE_RESERVED_CHARS,
  linkedInLength,
  MAX_COMMENTARY_LENGTH,
} from "./little-text.js";

const RESERVED = new Set<string>(LITTLE_RESERVED_CHARS);

/** Reverse of escapeLittleText: a backslash followed by a reserved char becomes that char (single pass). */
function unescapeLittleText(text: string): string {
  return text.replace(/\\([\\|{}@[\]()<>#*_~])/g, "$1");
}

/** True if every reserved char in `escaped` is part of a `\x` escape pair. */
function allReservedEscaped(escaped: string): boolean {
  for (let i = 0; i < escaped.length; i++) {
    const ch = escaped[i]!;
    if (ch === "\\") {
      const next = escaped[i + 1];
      if (next === undefined || !RESERVED.has(next)) return false;
      i++;
    } else if (RESERVED.has(ch)) {
      return false;
    }
  }
  return true;
}

describe("escapeLittleText", () => {
  it("has exactly the documented reserved set", () => {
    expect([...LITTLE_RESERVED_CHARS].sort()).toEqual(
      ["\\", "|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "*", "_", "~"].sort(),
    );
  });

  it.each([...LITTLE_RESERVED_CHARS])("escapes %s", (ch) => {
    expect(escapeLittleText(ch)).toBe(`\\${ch}`);
    expect(escapeLittleText(`a${ch}b`)).toBe(`a\\${ch}b`);
  });

  it("escapes mixed text in one pass", () => {
    expect(escapeLittleText("Hi @team! #launch (v2) [beta] <3 *bold* _it_ ~x~ {a|b} C:\\dir")).toBe(
      "Hi \\@team! \\#launch \\(v2\\) \\[beta\\] \\<3 \\*bold\\* \\_it\\_ \\~x\\~ \\{a\\|b\\} C:\\\\dir",
    );
  });

  it("escapes a backslash before a reserved char independently", () => {
    expect(escapeLittleText("\\#")).toBe("\\\\\\#");
  });

  it("leaves plain text, newlines, emoji and non-Latin text untouched", () => {
    const text =
      "Hello, world! 🚀 Ünïcødé 日本語\nnew line - dash. 50% & \"quotes\" 'single' $ ^ = + / ? : ;";
    expect(escapeLittleText(text)).toBe(text);
  });

  it("escapes reserved chars next to emoji", () => {
    expect(escapeLittleText("🎉#win🎉")).toBe("🎉\\#win🎉");
  });

  it("is not idempotent: escaping twice escapes twice", () => {
    expect(escapeLittleText(escapeLittleText("#"))).toBe("\\\\\\#");
  });

  it("property: unescape(escape(s)) === s for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        expect(unescapeLittleText(escapeLittleText(s))).toBe(s);
      }),
    );
  });

  it("property: no reserved char survives unescaped (reserved-heavy strings)", () => {
    const unit = fc.constantFrom(...LITTLE_RESERVED_CHARS, "a", " ", "\n", "😀", "é");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (s) => {
        const escaped = escapeLittleText(s);
        expect(allReservedEscaped(escaped)).toBe(true);
        expect(unescapeLittleText(escaped)).toBe(s);
      }),
    );
  });

  it("property: no reserved char survives unescaped (any string)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        expect(allReservedEscaped(escapeLittleText(s))).toBe(true);
      }),
    );
  });
});

describe("linkedInLength", () => {
  it("counts UTF-16 code units", () => {
    expect(linkedInLength("abc")).toBe(3);
    expect(linkedInLength("😀")).toBe(2);
    expect(linkedInLength("é")).toBe(1);
    expect(linkedInLength("e\u0301")).toBe(2);
    expect(linkedInLength("👍🏽")).toBe(4);
  });

  it("counts the text before escaping", () => {
    const text = "#".repeat(MAX_COMMENTARY_LENGTH);
    expect(linkedInLength(text)).toBe(3000);
    expect(escapeLittleText(text).length).toBe(6000);
  });

  it("exports the 3000 limit", () => {
    expect(MAX_COMMENTARY_LENGTH).toBe(3000);
  });
});
