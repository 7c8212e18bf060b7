import { describe, expect, it } from 'vitest';
import { dirname, hasGlob, normalize, resolveAgainst } from './posix-path';

describe('posix-path', () => {
  it('resolves include and certificate paths the way nginx does against its prefix', () => {
    expect(resolveAgainst('/etc/nginx', 'conf.d/*.conf')).toBe('/etc/nginx/conf.d/*.conf');
    expect(resolveAgainst('/etc/nginx/', './certs//ca.pem')).toBe('/etc/nginx/certs/ca.pem');
    expect(resolveAgainst('/etc/nginx', '../ssl/ca.pem')).toBe('/etc/ssl/ca.pem');
    expect(resolveAgainst('/etc/nginx', '/srv/x/../ca.pem')).toBe('/srv/ca.pem');
    expect(resolveAgainst('.', 'a.conf')).toBe('a.conf');
  });

  it('never climbs above the root of an absolute path, and keeps leading .. of a relative one', () => {
    expect(normalize('/../../a')).toBe('/a');
    expect(normalize('../a/./b/..')).toBe('../a');
    expect(normalize('a/..')).toBe('.');
  });

  it('takes the directory like dirname(1)', () => {
    expect(dirname('/etc/nginx/nginx.conf')).toBe('/etc/nginx');
    expect(dirname('/nginx.conf')).toBe('/');
    expect(dirname('pasted.conf')).toBe('.');
    expect(dirname('/etc/nginx/conf.d/')).toBe('/etc/nginx');
  });

  it('spots the patterns nginx hands to glob()', () => {
    expect(['conf.d/*.conf', 'site?.conf', 'x[12].conf'].map(hasGlob)).toEqual([true, true, true]);
    expect(hasGlob('/etc/nginx/mime.types')).toBe(false);
  });
});
