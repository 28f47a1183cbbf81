import "server-only";
import { randomBytes, randomInt, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) => Promise<Buffer>;

const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64), so parameters can change later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), hash.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scryptAsync(password, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

// No 0/O, 1/l/I: a temporary password is read off a screen and typed or dictated once.
const TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const TEMPORARY_GROUPS = 4;
const TEMPORARY_GROUP_LENGTH = 5;

/**
 * A temporary password for an admin's reset: 20 random characters from a 31-letter alphabet
 * (about 99 bits) in groups of five, so it is easy to read out and impossible to guess.
 */
export function generateTemporaryPassword(): string {
  return Array.from({ length: TEMPORARY_GROUPS }, () =>
    Array.from({ length: TEMPORARY_GROUP_LENGTH }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join(""),
  ).join("-");
}
