import { API_PATHS, type NginxRenderInput } from '../types';
import { validateRenderFields } from '../validate';
import { headerComment } from './comment';
import { CERT_ERROR_LOCATION } from './names';
import { proxyLines, upstreamBlock, upstreamOf, upstreamTlsLines } from './proxy';
import { clientVerifyLines, hstsLines, serverTlsLines } from './tls';

const I1 = '    ';
const I2 = I1 + I1;
const I3 = I2 + I1;

// Single-quoted nginx strings: the bodies hold no quote, backslash or `$` except the one variable.
const INVALID_BODY =
  '{"error":"client_certificate_invalid","detail":"The client certificate was rejected: expired, revoked, ' +
  'not yet valid or not issued by the device CA.","verify":"$ssl_client_verify"}';
const REQUIRED_BODY = `{"error":"client_certificate_required","detail":"${API_PATHS.heartbeat} needs a verified device certificate."}`;

function locations(input: NginxRenderInput): string[] {
  const url = upstreamOf(input);
  return [
    `${I1}# nginx answers a failed verification with a bare HTML 400; devices get JSON they can act on.`,
    `${I1}error_page 495 496 =401 ${CERT_ERROR_LOCATION};`,
    '',
    `${I1}location ${CERT_ERROR_LOCATION} {`,
    `${I2}default_type application/json;`,
    `${I2}return 401 '${INVALID_BODY}';`,
    `${I1}}`,
    '',
    `${I1}# Only a verified device certificate may reach the heartbeat.`,
    `${I1}location = ${API_PATHS.heartbeat} {`,
    `${I2}default_type application/json;`,
    `${I2}if ($ssl_client_verify != SUCCESS) {`,
    `${I3}return 401 '${REQUIRED_BODY}';`,
    `${I2}}`,
    ...proxyLines(input, url, I2),
    `${I1}}`,
    '',
    `${I1}# Browsers, ${API_PATHS.healthLive}, ${API_PATHS.healthReady} and the rest of the API: open.`,
    `${I1}location / {`,
    ...proxyLines(input, url, I2),
    `${I1}}`,
  ];
}

function serverBlock(input: NginxRenderInput): string[] {
  const url = upstreamOf(input);
  const tlsUpstream = upstreamTlsLines(url, I1);
  const hsts = hstsLines(input, I1);
  return [
    'server {',
    ...input.listen.map((address) => `${I1}listen ${address} ssl;`),
    `${I1}server_name ${input.serverName};`,
    '',
    ...serverTlsLines(input, I1),
    '',
    ...clientVerifyLines(input, I1),
    ...(hsts.length > 0 ? ['', ...hsts] : []),
    ...(tlsUpstream.length > 0 ? ['', ...tlsUpstream] : []),
    '',
    ...locations(input),
    '}',
  ];
}

/**
 * Renders the conf.d file the installer writes: an upstream and one server block, nothing at
 * main level. Deterministic: the same input always gives the same text. Input that fails
 * validation is refused with an Error rather than rendered.
 */
export function renderNginxConfig(input: NginxRenderInput): string {
  const checked = validateRenderFields(input);
  if (!checked.ok) {
    const detail = checked.errors.map((e) => `${e.field}: ${e.message}`).join('\n');
    throw new Error(`renderNginxConfig: invalid input\n${detail}`);
  }
  const valid = checked.value;
  return [...headerComment(valid), '', ...upstreamBlock(upstreamOf(valid)), '', ...serverBlock(valid), ''].join('\n');
}
