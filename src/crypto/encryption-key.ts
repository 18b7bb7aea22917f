// Chooses the key that encrypts LinkedIn tokens at rest. Production must set TOKEN_ENCRYPTION_KEY
// (env.ts enforces it); in development a random key is generated once and kept beside the embedded
// database, in the git-ignored data folder.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function resolveEncryptionKey(opts: { configured?: string; pgliteDataDir: string }): string {
  if (opts.configured) return opts.configured;
  const file = path.join(path.dirname(path.resolve(opts.pgliteDataDir)), "dev-token-encryption-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64");
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
