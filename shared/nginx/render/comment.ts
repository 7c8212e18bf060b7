import { API_PATHS, HEADER_ROLES, type NginxRenderInput, type OcspSetting } from '../types';

function ocspText(ocsp: OcspSetting): string {
  switch (ocsp.mode) {
    case 'off':
      return 'off';
    case 'on':
    case 'leaf':
      return [
        ocsp.mode === 'on' ? 'on (whole chain)' : 'leaf (device certificate only)',
        `responder ${ocsp.responderUrl ?? 'from each certificate (AIA)'}`,
        `resolver ${ocsp.resolver ?? 'none'}`,
      ].join(', ');
  }
}

/**
 * The file's opening comment: what it is and every input it was rendered from, so a deployed
 * file explains itself. No timestamp, so the same input gives byte-identical output.
 */
export function headerComment(input: NginxRenderInput): string[] {
  const hsts = input.hsts
    ? `max-age=${input.hsts.maxAgeSeconds}${input.hsts.includeSubdomains ? ', includeSubDomains' : ''}`
    : 'off';
  const env = input.envFilePath
    ? `${input.envFilePath} (must set SENTINEL_REQUIRE_DEVICE_MTLS=true and SENTINEL_TRUST_PROXY_CERT_HEADERS=true)`
    : 'not given';
  const rows: [string, string][] = [
    ['server name', input.serverName],
    ['listen', input.listen.join(' ')],
    ['server certificate', input.tlsCertPath],
    ['server key', input.tlsKeyPath],
    ['device CA', input.clientCaPath],
    ['CRL', input.crlPath ?? 'none (revoked devices are accepted until their certificates expire)'],
    ['OCSP', ocspText(input.ocsp)],
    ['verify depth', String(input.verifyDepth)],
    ['TLS versions', input.tlsVersions.join(' ')],
    ['HSTS', hsts],
    ['upstream', `${input.upstreamUrl}${input.allowRemoteUpstream ? ' (remote upstream allowed)' : ''}`],
    ['.env file', env],
    ...HEADER_ROLES.map((role): [string, string] => [`header ${role}`, input.headerNames[role]]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    '# Sentinel Secure X: NGINX mTLS proxy in front of the control-plane API.',
    '# Rendered by Sentinel Console as a conf.d file: http-level content only, included inside http { }.',
    '#',
    '# Inputs',
    ...rows.map(([k, v]) => `#   ${k.padEnd(width)}  ${v}`),
    '#',
    `# Browsers and ${API_PATHS.healthLive}, ${API_PATHS.healthReady} work without a client certificate;`,
    `# ${API_PATHS.heartbeat} needs a verified device certificate (401 JSON otherwise). A certificate that`,
    '# fails verification (expired, revoked, unknown CA) gets 401 JSON on every path.',
    '# Every proxying location sets all forwarded headers itself: nginx drops inherited',
    '# proxy_set_header lines in any block that sets its own, so nothing relies on inheritance.',
  ];
}
