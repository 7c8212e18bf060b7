// Sample answers for the NGINX area's renderer tests: shaped like main's, small enough to read.
import type { NginxDiffReport, NginxInstallPlan, NginxInstallReport, NginxRenderOutcome } from '../../shared/model/nginx';
import type { LintFinding, NginxTestResult } from '../../shared/nginx/types';

export const RENDERED_TEXT = [
  '# Rendered by Sentinel Console',
  'server {',
  '    listen 443 ssl;',
  '    server_name proxy.example.com;',
  '    ssl_certificate /etc/nginx/tls/proxy.crt;',
  '    ssl_client_certificate /etc/nginx/tls/device-ca.pem;',
  '    ssl_verify_client optional;',
  '    ssl_verify_depth 2;',
  '    location = /api/heartbeat {',
  '        if ($ssl_client_verify != SUCCESS) { return 401; }',
  '        proxy_set_header X-SSL-Client-S-DN $ssl_client_s_dn;',
  '        proxy_pass http://127.0.0.1:8000;',
  '    }',
  '    add_header Strict-Transport-Security "max-age=31536000" always;',
  '}',
  '',
].join('\n');

export const RENDERED: Extract<NginxRenderOutcome, { status: 'rendered' }> = {
  status: 'rendered',
  text: RENDERED_TEXT,
  lint: [],
  files: [
    { field: 'tlsCertPath', path: '/etc/nginx/tls/proxy.crt', state: 'ok', summary: 'P-256 certificate for proxy.example.com, 89 days left', findings: [] },
    {
      field: 'tlsKeyPath',
      path: '/etc/nginx/tls/proxy.key',
      state: 'warning',
      summary: 'EC private key, matches the certificate',
      findings: [{ id: 'KEY_MODE', severity: 'warning', message: 'The key file is readable by others (0644).', fix: 'chmod 600 /etc/nginx/tls/proxy.key' }],
    },
    { field: 'clientCaPath', path: '/etc/nginx/tls/device-ca.pem', state: 'absent', summary: 'Not on this machine', findings: [] },
  ],
  env: {
    path: '/opt/sentinel/.env',
    error: null,
    requirements: [
      { name: 'SENTINEL_TRUST_PROXY_CERT_HEADERS', expected: 'true', actual: 'true', ok: true },
      { name: 'SENTINEL_REQUIRE_DEVICE_MTLS', expected: 'true', actual: 'true', ok: true },
    ],
    consistent: true,
    message: 'Both settings the NGINX flow needs are on.',
  },
};

export const ENV_OFF: NonNullable<typeof RENDERED.env> = {
  path: '/opt/sentinel/.env',
  error: null,
  requirements: [
    { name: 'SENTINEL_TRUST_PROXY_CERT_HEADERS', expected: 'true', actual: 'false', ok: false },
    { name: 'SENTINEL_REQUIRE_DEVICE_MTLS', expected: 'true', actual: null, ok: false },
  ],
  consistent: false,
  message: 'The API ignores the forwarded certificate headers: heartbeats behind this proxy will fail.',
};

/** Not what render produces for valid input (that lints clean): for the finding → line behaviour. */
export const FINDINGS: readonly LintFinding[] = [
  { id: 'M-5', severity: 'high', file: 'sentinel-secure-x.conf', line: 11, message: 'Client-supplied X-SSL-Client-S-DN reaches the API.', fix: 'Set every forwarded header in every location.' },
  { id: 'M-12', severity: 'medium', file: 'sentinel-secure-x.conf', line: 7, message: 'optional verification without a 401 on other paths.', fix: 'Keep the heartbeat guard.' },
];

export const INVALID: NginxRenderOutcome = {
  status: 'invalid',
  errors: [
    { field: 'serverName', message: 'A server name may not contain spaces or ";".' },
    { field: 'listen.0', message: 'Not a listen address: "44x3".' },
    { field: 'headerNames.serial', message: 'Header names are letters, digits and "-".' },
    { field: 'tlsKeyPath', message: 'Enter the path of the TLS private key.' },
  ],
};

export const CHECK_FAILED: NginxTestResult = {
  ok: false,
  command: ['/usr/sbin/nginx', '-t', '-p', '/tmp/sentinel check', '-c', '/tmp/sentinel check/nginx.conf'],
  messages: [
    // Main shows messages about its scratch copy under the name the config was sent with.
    { level: 'emerg', message: 'invalid value "x" in "ssl_verify_depth" directive', file: 'sentinel-secure-x.conf', line: 8 },
    { level: 'warn', message: 'the "ssl" directive is deprecated', file: null, line: null },
    { level: 'warn', message: 'conflicting server name', file: '/etc/nginx/conf.d/other.conf', line: 3 },
  ],
  output: 'nginx: [emerg] invalid value "x" in "ssl_verify_depth" directive in sentinel-secure-x.conf:8\nnginx: configuration file /tmp/sentinel check/nginx.conf test failed\n',
  durationMs: 42,
};

export const CHECK_OK: NginxTestResult = { ...CHECK_FAILED, ok: true, messages: [], output: 'nginx: configuration file test is successful\n', durationMs: 1250 };

export const DIFF: NginxDiffReport = {
  deployedPath: '/etc/nginx/conf.d/sentinel-secure-x.conf',
  deployedExists: true,
  diff: {
    identical: false,
    added: 1,
    removed: 1,
    rows: [
      { kind: 'same', oldLine: 1, newLine: 1, oldText: 'server {', newText: 'server {' },
      { kind: 'changed', oldLine: 2, newLine: 2, oldText: '    ssl_verify_depth 3;', newText: '    ssl_verify_depth 2;' },
      { kind: 'removed', oldLine: 3, newLine: null, oldText: '    ssl_protocols TLSv1.1 TLSv1.2;', newText: null },
      { kind: 'added', oldLine: null, newLine: 3, oldText: null, newText: '    ssl_protocols TLSv1.2 TLSv1.3;' },
      { kind: 'same', oldLine: 4, newLine: 4, oldText: '}', newText: '}' },
    ],
  },
};

export const DIFF_IDENTICAL: NginxDiffReport = { ...DIFF, diff: { identical: true, added: 0, removed: 0, rows: [] } };

export const DIFF_NOTHING_DEPLOYED: NginxDiffReport = {
  deployedPath: '/etc/nginx/conf.d/sentinel-secure-x.conf',
  deployedExists: false,
  diff: { identical: false, added: 2, removed: 0, rows: [
    { kind: 'added', oldLine: null, newLine: 1, oldText: null, newText: 'server {' },
    { kind: 'added', oldLine: null, newLine: 2, oldText: null, newText: '}' },
  ] },
};

export function installPlan(reload: boolean, deployedPath = '/etc/nginx/conf.d/sentinel-secure-x.conf'): NginxInstallPlan {
  return {
    deployedPath,
    backupPath: `${deployedPath}.bak`,
    commands: [['/usr/sbin/nginx', '-t'], ...(reload ? [['/usr/sbin/nginx', '-s', 'reload']] : [])],
  };
}

export const INSTALLED: NginxInstallReport = {
  plan: installPlan(true),
  steps: [
    { label: 'Back up the deployed file', command: null, ok: true, output: '' },
    { label: 'Write the new config', command: null, ok: true, output: '' },
    { label: 'Check with nginx', command: ['/usr/sbin/nginx', '-t'], ok: true, output: 'nginx: configuration file /etc/nginx/nginx.conf test is successful' },
    { label: 'Reload nginx', command: ['/usr/sbin/nginx', '-s', 'reload'], ok: true, output: '' },
  ],
  installed: true,
  restored: false,
};

export const RESTORED: NginxInstallReport = {
  plan: installPlan(true),
  steps: [
    { label: 'Write the new config', command: null, ok: true, output: '' },
    { label: 'Check with nginx', command: ['/usr/sbin/nginx', '-t'], ok: false, output: 'nginx: [emerg] unknown directive "x"' },
    { label: 'Restore the previous file', command: null, ok: true, output: '' },
  ],
  installed: false,
  restored: true,
};
