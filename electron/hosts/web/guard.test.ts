import { describe, expect, it } from 'vitest';
import { checkBindAddress, checkRequest, readCookie } from './guard';

const base = { method: 'GET', host: '127.0.0.1:4000', origin: undefined, secFetchSite: undefined, cookie: 'sentinel_token=abc', tokenHeader: undefined };

describe('guard', () => {
  it('accepts only 127.0.0.1 as bind address', () => {
    expect(checkBindAddress('127.0.0.1')).toBeNull();
    expect(checkBindAddress('0.0.0.0')?.status).toBe(403);
  });

  it('accepts localhost and 127.0.0.1 Host on its own port, case-insensitively', () => {
    expect(checkRequest({ ...base, host: 'LOCALHOST:4000' }, 4000, 'abc')).toBeNull();
    expect(checkRequest({ ...base, host: 'localhost' }, 4000, 'abc')?.status).toBe(403);
  });

  it('reports the Host problem before the token problem', () => {
    expect(checkRequest({ ...base, host: 'evil:4000', cookie: undefined }, 4000, 'abc')?.reason).toMatch(/Host/);
  });

  it('reads one cookie among several', () => {
    expect(readCookie('a=1; sentinel_token=xyz; b=2', 'sentinel_token')).toBe('xyz');
    expect(readCookie('xsentinel_token=bad', 'sentinel_token')).toBeUndefined();
  });

  it('requires a same Origin for a cookie-authenticated POST', () => {
    expect(checkRequest({ ...base, method: 'POST' }, 4000, 'abc')?.status).toBe(403);
    expect(checkRequest({ ...base, method: 'POST', origin: 'http://127.0.0.1:4000' }, 4000, 'abc')).toBeNull();
    expect(checkRequest({ ...base, method: 'POST', origin: 'http://localhost:4000' }, 4000, 'abc')?.status).toBe(403);
  });
});
