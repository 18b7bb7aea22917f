// Short public ids users can type: /share cancel k7m2qx
import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newShortId(length = 6): string {
  let id = "";
  for (let i = 0; i < length; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

export const looksLikeShortId = (value: string) => /^[a-z0-9]{4,12}$/.test(value);
