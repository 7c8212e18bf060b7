import { describe, expect, it } from 'vitest';
import { locateQuotedPaths, mapMessagePaths, parseNginxTestOutput } from './nginx-t-output';

// Captured from Debian's nginx 1.22.1 (`nginx -t -p PREFIX -c conf/nginx.conf -e logs/error.log`).
const UNKNOWN_DIRECTIVE = `nginx: [emerg] unknown directive "foo" in /tmp/x/conf/site.conf:3
nginx: configuration file /tmp/x/conf/nginx.conf test failed
`;
const MISSING_CERT = `nginx: [emerg] cannot load certificate "/nonexist/cert.pem": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/nonexist/cert.pem, r) error:10000080:BIO routines::no such file)
nginx: configuration file /tmp/x/conf/nginx.conf test failed
`;
const SUCCESS = `nginx: [warn] the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /tmp/x/conf/nginx.conf:1
nginx: the configuration file /tmp/x/conf/nginx.conf syntax is ok
nginx: configuration file /tmp/x/conf/nginx.conf test is successful
`;

describe('parseNginxTestOutput', () => {
  it('takes level, message, file and line from an [emerg] line, and marks the summary as an error', () => {
    expect(parseNginxTestOutput(UNKNOWN_DIRECTIVE)).toEqual([
      { level: 'emerg', message: 'unknown directive "foo"', file: '/tmp/x/conf/site.conf', line: 3 },
      { level: 'error', message: 'configuration file /tmp/x/conf/nginx.conf test failed', file: '/tmp/x/conf/nginx.conf', line: null },
    ]);
  });

  it('keeps a message without a position whole, parentheses and colons included', () => {
    const [first] = parseNginxTestOutput(MISSING_CERT);
    expect(first).toMatchObject({ level: 'emerg', file: null, line: null });
    expect(first?.message).toMatch(/^cannot load certificate "\/nonexist\/cert.pem": BIO_new_file\(\) failed \(SSL: .*no such file\)$/);
  });

  it('reads warnings with positions and the two success lines as notices', () => {
    const messages = parseNginxTestOutput(SUCCESS);
    expect(messages.map((m) => [m.level, m.file, m.line])).toEqual([
      ['warn', '/tmp/x/conf/nginx.conf', 1],
      ['notice', '/tmp/x/conf/nginx.conf', null],
      ['notice', '/tmp/x/conf/nginx.conf', null],
    ]);
    expect(messages[0]?.message).toBe('the "user" directive makes sense only if the master process runs with super-user privileges, ignored');
  });

  it('takes the last " in FILE:LINE" as the position and joins continuation lines', () => {
    const messages = parseNginxTestOutput('nginx: [emerg] host not found in upstream "app:80" in /etc/nginx/conf.d/a b.conf:12\r\ncontinued detail\n');
    expect(messages).toEqual([{ level: 'emerg', message: 'host not found in upstream "app:80"\ncontinued detail', file: '/etc/nginx/conf.d/a b.conf', line: 12 }]);
  });
});

describe('mapMessagePaths', () => {
  it("shows the scratch copy as the operator's file with its line, and the wrapper without a line", () => {
    const mapped = mapMessagePaths(parseNginxTestOutput(UNKNOWN_DIRECTIVE), [
      { from: '/tmp/x/conf/site.conf', to: '/etc/nginx/conf.d/sentinel.conf', keepLine: true },
      { from: '/tmp/x/conf/nginx.conf', to: '/etc/nginx/conf.d/sentinel.conf', keepLine: false },
    ]);
    expect(mapped).toEqual([
      { level: 'emerg', message: 'unknown directive "foo"', file: '/etc/nginx/conf.d/sentinel.conf', line: 3 },
      { level: 'error', message: 'configuration file /etc/nginx/conf.d/sentinel.conf test failed', file: '/etc/nginx/conf.d/sentinel.conf', line: null },
    ]);
  });

  it('replaces the longer path first so a prefix of it does not win', () => {
    const [m] = mapMessagePaths([{ level: 'emerg', message: 'open() "/tmp/x/conf/site.conf.d/a" failed', file: null, line: null }], [
      { from: '/tmp/x/conf/site.conf', to: 'A', keepLine: true },
      { from: '/tmp/x/conf/site.conf.d', to: 'B', keepLine: true },
    ]);
    expect(m?.message).toBe('open() "B/a" failed');
  });
});

describe('locateQuotedPaths', () => {
  it('points a file-open failure at the one line that names the file', () => {
    const text = 'server {\n  listen 443 ssl;\n  ssl_certificate /nonexist/cert.pem;\n  ssl_certificate_key /nonexist/key.pem;\n}\n';
    const [first, second] = locateQuotedPaths(parseNginxTestOutput(MISSING_CERT), 'site.conf', text);
    expect(first).toMatchObject({ file: 'site.conf', line: 3 });
    expect(second).toMatchObject({ file: '/tmp/x/conf/nginx.conf', line: null });
  });

  it('leaves the message unplaced when the path is on several lines or on none', () => {
    const text = 'ssl_certificate /nonexist/cert.pem;\n# was /nonexist/cert.pem\n';
    expect(locateQuotedPaths(parseNginxTestOutput(MISSING_CERT), 'a.conf', text)[0]).toMatchObject({ file: null, line: null });
    expect(locateQuotedPaths(parseNginxTestOutput(MISSING_CERT), 'a.conf', 'events {}\n')[0]).toMatchObject({ file: null, line: null });
  });
});
