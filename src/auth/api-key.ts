/**
 * API keys (pure). A key is "ct_<lookup>_<secret>": the lookup finds the row, the 192-bit
 * secret is checked against a salted HMAC-SHA256. A slow password hash buys nothing for a
 * random secret of that size, and a fast one keeps every request cheap.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PATTERN = /^ct_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32})$/;

export interface NewKey {
  plaintext: string;
  lookup: string;
  salt: string;
  hash: string;
}

const alnum = (n: number) => {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(n);
  return Array.from(bytes, (b) => chars[b % chars.length]).join('');
};

export const hashSecret = (secret: string, salt: string) =>
  createHmac('sha256', salt).update(secret).digest('hex');

export function generateKey(): NewKey {
  const lookup = alnum(12);
  const secret = randomBytes(24).toString('base64url');
  const salt = randomBytes(16).toString('hex');
  return { plaintext: `ct_${lookup}_${secret}`, lookup, salt, hash: hashSecret(secret, salt) };
}

export function parseKey(plaintext: string): { lookup: string; secret: string } | null {
  const m = KEY_PATTERN.exec(plaintext.trim());
  return m ? { lookup: m[1]!, secret: m[2]! } : null;
}

export function secretMatches(secret: string, salt: string, hash: string): boolean {
  const expected = Buffer.from(hash, 'hex');
  const actual = Buffer.from(hashSecret(secret, salt), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
