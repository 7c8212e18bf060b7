/**
 * Names this file declares at http level. They are prefixed so the include cannot clash with
 * an operator's own `upstream app` or `shared:SSL:10m` (nginx refuses a zone redeclared with
 * another size).
 */
export const UPSTREAM_NAME = 'sentinel_secure_x_api';

export const ZONES = {
  sessions: 'sentinel_secure_x_tls',
  ocsp: 'sentinel_secure_x_ocsp',
} as const;

/** Named location that turns nginx's certificate errors (495, 496) into a 401 JSON answer. */
export const CERT_ERROR_LOCATION = '@sentinel_client_cert_invalid';

/** CA bundle for verifying an https upstream; Debian's ca-certificates path. */
export const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
