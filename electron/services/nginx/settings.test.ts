import { describe, expect, it } from 'vitest';
import { confPrefix, nginxSettingsFromEnv, prefixArgs } from './settings';

describe('nginxSettingsFromEnv', () => {
  it("defaults to Debian's nginx, its default main config and `nginx -s reload`, 15 s per run", () => {
    expect(nginxSettingsFromEnv({})).toEqual({ binary: '/usr/sbin/nginx', mainConfigArgs: [], reloadCommand: ['/usr/sbin/nginx', '-s', 'reload'], timeoutMs: 15_000 });
  });

  it('passes the prefix and main config to the check and the default reload', () => {
    const settings = nginxSettingsFromEnv({ SENTINEL_NGINX_BIN: '/opt/nginx/sbin/nginx', SENTINEL_NGINX_PREFIX: '/opt/nginx/', SENTINEL_NGINX_CONF: 'conf/main.conf' });
    expect(settings.mainConfigArgs).toEqual(['-p', '/opt/nginx/', '-c', 'conf/main.conf']);
    expect(settings.reloadCommand).toEqual(['/opt/nginx/sbin/nginx', '-p', '/opt/nginx/', '-c', 'conf/main.conf', '-s', 'reload']);
    expect(prefixArgs(settings)).toEqual(['-p', '/opt/nginx/']);
    expect(confPrefix(settings)).toBe('/opt/nginx/conf');
  });

  it('splits a custom reload command on whitespace and ignores blank values', () => {
    const settings = nginxSettingsFromEnv({ SENTINEL_NGINX_RELOAD: '  systemctl   reload nginx ', SENTINEL_NGINX_CONF: ' ', SENTINEL_NGINX_BIN: '' });
    expect(settings).toMatchObject({ binary: '/usr/sbin/nginx', mainConfigArgs: [], reloadCommand: ['systemctl', 'reload', 'nginx'] });
  });

  it('resolves relative config paths against the directory of an absolute -c, else /etc/nginx', () => {
    expect(confPrefix(nginxSettingsFromEnv({ SENTINEL_NGINX_CONF: '/srv/nginx/nginx.conf' }))).toBe('/srv/nginx');
    expect(confPrefix(nginxSettingsFromEnv({ SENTINEL_NGINX_PREFIX: '/srv/nginx' }))).toBe('/etc/nginx');
  });
});
