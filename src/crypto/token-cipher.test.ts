import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTokenCipher, TokenCipherKeyError, TokenDecryptError } from "./token-cipher.js";

const KEY = randomBytes(32).toString("base64");
const OTHER_KEY = randomBytes(32).toString("base64");
const TOKEN = "AQXdSP_W41_UPs5ioT_t8HESyODB4FqbkJ8LrV_5mff4gPODzOYR";

/** Flips one bit of the decoded part at `index` and re-encodes it canonically. */
function tamper(sealed: string, index: 1 | 2 | 3): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[index]!, "base64url");
  bytes[0] = bytes[0]! ^ 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

function expectDecryptError(fn: () => unknown, ...mustNotContain: string[]): TokenDecryptError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(TokenDecryptError);
  const err = caught as TokenDecryptError;
  expect(err.name).toBe("TokenDecryptError");
  for (const s of [TOKEN, KEY, ...mustNotContain]) expect(err.message).not.toContain(s);
  return err;
}

describe("createTokenCipher", () => {
  it("round-trips", () => {
    const c = createTokenCipher(KEY);
    for (const plain of [TOKEN, "", "ünïcødé 🚀", "x".repeat(10_000)]) {
      expect(c.decrypt(c.encrypt(plain))).toBe(plain);
    }
  });

  it("property: round-trips any string", () => {
    const c = createTokenCipher(KEY);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        expect(c.decrypt(c.encrypt(s))).toBe(s);
      }),
      { numRuns: 200 },
    );
  });

  it("uses the v1.<iv>.<tag>.<ciphertext> base64url format with a 12-byte IV and 16-byte tag", () => {
    const sealed = createTokenCipher(KEY).encrypt(TOKEN);
    const parts = sealed.split(".");
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe("v1");
    for (const p of parts.slice(1)) expect(p).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(parts[1]!, "base64url")).toHaveLength(12);
    expect(Buffer.from(parts[2]!, "base64url")).toHaveLength(16);
    expect(Buffer.from(parts[3]!, "base64url")).toHaveLength(Buffer.byteLength(TOKEN));
  });

  it("uses a random IV: two encryptions of the same text differ", () => {
    const c = createTokenCipher(KEY);
    const a = c.encrypt(TOKEN);
    const b = c.encrypt(TOKEN);
    expect(a).not.toBe(b);
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
  });

  it("never contains the plaintext (raw or base64)", () => {
    const c = createTokenCipher(KEY);
    const sealed = c.encrypt(TOKEN);
    expect(sealed).not.toContain(TOKEN);
    expect(sealed).not.toContain(Buffer.from(TOKEN).toString("base64url").slice(0, 16));
    expect(sealed).not.toContain(Buffer.from(TOKEN).toString("base64").slice(0, 16));
  });

  it("rejects tampered ciphertext, tag and IV", () => {
    const c = createTokenCipher(KEY);
    const sealed = c.encrypt(TOKEN);
    for (const index of [1, 2, 3] as const) {
      expectDecryptError(() => c.decrypt(tamper(sealed, index)));
    }
  });

  it("rejects a non-canonical spelling of a part", () => {
    const c = createTokenCipher(KEY);
    // 5-byte ciphertext encodes to 7 chars with 2 unused trailing bits; set one of them.
    const sealed = c.encrypt("abcde");
    const parts = sealed.split(".");
    const ct = parts[3]!;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(ct.at(-1)!);
    parts[3] = ct.slice(0, -1) + alphabet[last ^ 0x01];
    expect(Buffer.from(parts[3], "base64url").equals(Buffer.from(ct, "base64url"))).toBe(true);
    expectDecryptError(() => c.decrypt(parts.join(".")));
  });

  it("rejects malformed input", () => {
    const c = createTokenCipher(KEY);
    const sealed = c.encrypt(TOKEN);
    const [, iv, tag, ct] = sealed.split(".");
    for (const bad of [
      "",
      "garbage",
      `v2.${iv}.${tag}.${ct}`,
      `v1.${iv}.${tag}`,
      `v1.${iv}.${tag}.${ct}.extra`,
      `v1.${iv}.${tag}.${ct}=`,
      `v1.${iv}.${tag}.${ct}+/`,
      `v1.${iv?.slice(0, 8)}.${tag}.${ct}`,
      `v1.${iv}.${tag?.slice(0, 10)}.${ct}`,
    ]) {
      expectDecryptError(() => c.decrypt(bad));
    }
  });

  it("rejects a value sealed with another key", () => {
    const sealed = createTokenCipher(OTHER_KEY).encrypt(TOKEN);
    expectDecryptError(() => createTokenCipher(KEY).decrypt(sealed), OTHER_KEY);
  });

  it("accepts base64url keys", () => {
    const raw = randomBytes(32);
    const a = createTokenCipher(raw.toString("base64"));
    const b = createTokenCipher(raw.toString("base64url"));
    expect(b.decrypt(a.encrypt(TOKEN))).toBe(TOKEN);
  });

  it.each([
    ["empty", ""],
    ["16 bytes", randomBytes(16).toString("base64")],
    ["31 bytes", randomBytes(31).toString("base64")],
    ["33 bytes", randomBytes(33).toString("base64")],
    ["64 bytes", randomBytes(64).toString("base64")],
    ["not base64", "this is definitely not a base64 key!!!!!!!!"],
    ["hex of 32 bytes", randomBytes(32).toString("hex")],
  ])("rejects a bad key (%s) with a clear typed error that does not echo it", (_label, key) => {
    let caught: unknown;
    try {
      createTokenCipher(key);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TokenCipherKeyError);
    expect(caught).toBeInstanceOf(Error);
    const message = (caught as Error).message;
    expect(message).toMatch(/32 bytes/);
    if (key !== "") expect(message).not.toContain(key);
  });
});
