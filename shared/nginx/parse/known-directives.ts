import type { Lexeme } from './lex';

/**
 * Directive names the parser uses to spot a forgotten `;`: nginx itself only notices when
 * the joined statement makes no sense, and then names the wrong line. A statement that
 * continues onto a new line starting with one of these names almost surely lost its `;`.
 */

/** Directives that take a `{ }` block (http core, rewrite, upstream, map, geo, events, stream, mail). */
export const BLOCK_DIRECTIVES: ReadonlySet<string> = new Set([
  'http', 'server', 'location', 'upstream', 'map', 'geo', 'if', 'events', 'types', 'limit_except',
  'split_clients', 'stream', 'mail', 'charset_map', 'match',
]);

const SIMPLE_DIRECTIVES = [
  'include', 'listen', 'server_name', 'root', 'alias', 'index', 'return', 'rewrite', 'set', 'try_files',
  'error_page', 'error_log', 'access_log', 'log_format', 'user', 'worker_processes', 'pid', 'worker_connections',
  'sendfile', 'tcp_nopush', 'tcp_nodelay', 'keepalive_timeout', 'keepalive', 'types_hash_max_size', 'default_type',
  'client_max_body_size', 'gzip', 'resolver', 'resolver_timeout', 'add_header', 'allow', 'deny', 'auth_basic',
  'proxy_pass', 'proxy_set_header', 'proxy_http_version', 'proxy_redirect', 'proxy_buffering', 'proxy_read_timeout',
  'proxy_connect_timeout', 'proxy_send_timeout', 'proxy_hide_header', 'proxy_pass_header', 'proxy_ssl_verify',
  'proxy_ssl_verify_depth', 'proxy_ssl_trusted_certificate', 'proxy_ssl_server_name', 'proxy_ssl_name',
  'proxy_ssl_certificate', 'proxy_ssl_certificate_key', 'proxy_ssl_protocols', 'proxy_ssl_crl',
  'ssl_certificate', 'ssl_certificate_key', 'ssl_client_certificate', 'ssl_trusted_certificate', 'ssl_verify_client',
  'ssl_verify_depth', 'ssl_crl', 'ssl_protocols', 'ssl_ciphers', 'ssl_prefer_server_ciphers', 'ssl_session_cache',
  'ssl_session_timeout', 'ssl_session_tickets', 'ssl_stapling', 'ssl_stapling_verify', 'ssl_ocsp', 'ssl_ocsp_responder',
  'ssl_ocsp_cache', 'ssl_dhparam', 'ssl_ecdh_curve', 'ssl_password_file', 'ssl_early_data', 'http2',
  'fastcgi_pass', 'fastcgi_param', 'uwsgi_pass', 'grpc_pass', 'internal', 'limit_req', 'limit_req_zone',
  'limit_conn', 'limit_conn_zone', 'real_ip_header', 'set_real_ip_from', 'charset', 'expires', 'etag',
  'server_tokens', 'load_module', 'worker_rlimit_nofile', 'multi_accept', 'large_client_header_buffers',
];

/** Block directives that are never simple: `server` is left out because upstream{} uses it without a block. */
export const ALWAYS_BLOCK: ReadonlySet<string> = new Set([...BLOCK_DIRECTIVES].filter((name) => name !== 'server'));
export const NEVER_BLOCK: ReadonlySet<string> = new Set(SIMPLE_DIRECTIVES);
export const KNOWN_DIRECTIVES: ReadonlySet<string> = new Set([...BLOCK_DIRECTIVES, ...SIMPLE_DIRECTIVES]);

/**
 * True when `word` most likely begins a new statement whose `;` was forgotten before it:
 * an unquoted known directive name at the start of a line, inside a running statement
 * (`listen 443⏎ server_name a;`). The parser splits there and the highlighter colours it
 * as a directive, so both read the text the same way.
 */
export function beginsUnterminated(text: string, previous: Lexeme | undefined, word: Lexeme): boolean {
  return previous !== undefined && word.quote === null && KNOWN_DIRECTIVES.has(word.value) && text.slice(previous.end, word.start).includes('\n');
}
