/**
 * AES-256-GCM sealing of OAuth tokens at rest.
 *
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url without padding, with a fresh random 12-byte IV
 * per encryption and a 16-byte tag. The version prefix is also bound as additional authenticated data, so a
 * sealed value cannot be relabelled. Error messages never contain plaintext, ciphertext or key material.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD = Buffer.from(VERSION, "utf8");
const B64URL_RE = /^[A-Za-z0-9_-]*$/;
const B64_KEY_RE = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+={0,2})$/;

/** The configured key is not valid base64 for exactly 32 bytes. */
export class TokenCipherKeyError extends Error {
  override readonly name = "TokenCipherKeyError";
}

/** A sealed token could not be opened: malformed, tampered with, or sealed with another key. */
export class TokenDecryptError extends Error {
  override readonly name = "TokenDecryptError";
}

export interface TokenCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

function decodeKey(keyBase64: string): Buffer {
  const trimmed = keyBase64.trim();
  // Buffer.from(…, "base64") silently skips invalid characters, so validate the alphabet first.
  if (!B64_KEY_RE.test(trimmed)) {
    throw new TokenCipherKeyError(
      "Token encryption key must be base64 (or base64url) encoding exactly 32 bytes; it contains invalid characters. Generate one with: openssl rand -base64 32",
    );
  }
  const key = Buffer.from(trimmed, "base64");
  if (key.length !== KEY_BYTES) {
    throw new TokenCipherKeyError(
      `Token encryption key must decode to exactly ${KEY_BYTES} bytes, got ${key.length}. Generate one with: openssl rand -base64 32`,
    );
  }
  return key;
}

function decodePart(part: string, name: string): Buffer {
  if (!B64URL_RE.test(part))
    throw new TokenDecryptError(`Sealed token is malformed: ${name} is not base64url`);
  const bytes = Buffer.from(part, "base64url");
  // Reject non-canonical encodings (e.g. stray trailing bits), so every sealed value has one spelling.
  if (bytes.toString("base64url") !== part) {
    throw new TokenDecryptError(`Sealed token is malformed: ${name} is not canonical base64url`);
  }
  return bytes;
}

export function createTokenCipher(keyBase64: string): TokenCipher {
  const key = decodeKey(keyBase64);

  return {
    encrypt(plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(AAD);
      const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        VERSION,
        iv.toString("base64url"),
        tag.toString("base64url"),
        ciphertext.toString("base64url"),
      ].join(".");
    },

    decrypt(sealed: string): string {
      const parts = sealed.split(".");
      if (parts.length !== 4) throw new TokenDecryptError("Sealed token is malformed: expected 4 parts");
      const [version, ivPart, tagPart, ctPart] = parts as [string, string, string, string];
      if (version !== VERSION) throw new TokenDecryptError("Sealed token has an unsupported version");
      const iv = decodePart(ivPart, "iv");
      const tag = decodePart(tagPart, "tag");
      const ciphertext = decodePart(ctPart, "ciphertext");
      if (iv.length !== IV_BYTES) throw new TokenDecryptError("Sealed token is malformed: bad iv length");
      if (tag.length !== TAG_BYTES) throw new TokenDecryptError("Sealed token is malformed: bad tag length");
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(AAD);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
      } catch {
        // Deliberately no cause: Node's message is generic, but keep nothing derived from the inputs.
        throw new TokenDecryptError(
          "Sealed token failed authentication: it was tampered with or sealed with a different key",
        );
      }
    },
  };
}
