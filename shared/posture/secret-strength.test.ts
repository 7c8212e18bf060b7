import { describe, expect, it } from 'vitest';
import { assessSecret } from './secret-strength';
import { SECRETS } from './test-helpers';

describe('assessSecret', () => {
  it.each([
    ['token_urlsafe(32)', SECRETS.secretKey],
    ['32 hex characters (openssl rand -hex 16, exactly 128 bits)', '1839d3fef64a0a19e45f546b81079927'],
    ['64 hex characters', '1839d3fef64a0a19e45f546b810799271839d3fef64a0a19e45f546b81079928'.replace(/^1/, '7')],
  ])('accepts %s', (_name, value) => {
    expect(assessSecret(value).problems).toEqual([]);
  });

  it.each([
    ['change-me', 'shorter'],
    ['changeme-changeme-changeme-changeme-1', 'placeholder'],
    ['this-is-the-production-secret-value-2024', 'placeholder'],
    ['my-dev-key-Xq9#4kLm2Pz8Rt6Wv1Ny3Bh5Jd7Fs0', 'placeholder'],
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'repeated'],
    ['abcabcabcabcabcabcabcabcabcabcabcabcabc', 'repeated'],
    ['Zr7Kq2Wm9Xv4Lp8N-abcdefgh-Tj3Hs6Bd1Fy5Gc0', 'sequential'],
    ['01234567890123456789012345678901234567', 'sequential'],
    ['12345678901234567890123456789012', 'entropy'],
  ])('rejects %j (%s)', (value, why) => {
    const a = assessSecret(value);
    expect(a.problems.join(', ')).toMatch(new RegExp(why === 'shorter' ? 'characters long' : why === 'entropy' ? 'bits of entropy' : why));
  });

  it('estimates bits from the alphabet: digits 3.3, hex 4, mixed classes more per character', () => {
    expect(assessSecret('8'.repeat(3) + '1947205316').bits).toBe(Math.round(13 * Math.log2(10)));
    expect(assessSecret('1839d3fef64a0a19e45f546b81079927').bits).toBe(128);
    expect(assessSecret(SECRETS.secretKey).bits).toBe(Math.round(43 * Math.log2(95)));
  });

  it('never quotes the value in its problems', () => {
    for (const value of ['change-me', 'hunter2-password', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) {
      for (const p of assessSecret(value).problems) expect(p).not.toContain(value);
    }
  });
});
