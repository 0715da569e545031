import { generateKey, hashSecret, parseKey, secretMatches } from '../../../src/auth/api-key.js';

describe('API keys', () => {
  it('parses what it generates and verifies only the right secret', () => {
    const key = generateKey();
    expect(key.plaintext).toMatch(/^ct_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{32}$/);
    const parsed = parseKey(key.plaintext)!;
    expect(parsed.lookup).toBe(key.lookup);
    expect(secretMatches(parsed.secret, key.salt, key.hash)).toBe(true);
    // Another last character (a fixed "x" was the same secret whenever it already ended in x:
    // the test failed once in 64 runs).
    const other = parsed.secret.endsWith('x') ? 'y' : 'x';
    expect(secretMatches(`${parsed.secret.slice(0, -1)}${other}`, key.salt, key.hash)).toBe(false);
    expect(key.hash).not.toContain(parsed.secret);
  });

  it('reads a secret that holds "_" or "-" whole', () => {
    const secret = `_${'a'.repeat(14)}_-${'b'.repeat(15)}`;
    expect(parseKey(`ct_${'L'.repeat(12)}_${secret}`)).toEqual({ lookup: 'L'.repeat(12), secret });
  });

  it('salts: the same secret hashes differently under two salts', () => {
    expect(hashSecret('s', 'salt-1')).not.toBe(hashSecret('s', 'salt-2'));
  });

  it.each([
    '',
    'Bearer x',
    'ct_short_secret',
    `ct_${'a'.repeat(12)}_${'b'.repeat(31)}`,
    `ct_${'a'.repeat(12)}_${'b'.repeat(32)}!`,
  ])('refuses the malformed key %j', (text) => expect(parseKey(text)).toBeNull());
});
