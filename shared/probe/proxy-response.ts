/**
 * Recognises answers the proxy produced itself, as opposed to ones it relayed from the API:
 * nginx's built-in error pages and the JSON bodies the rendered config returns. Only these can
 * say "the proxy refused the certificate"; a JSON 4xx from behind the proxy means it let it by.
 */

/** The JSON error codes shared/nginx/render returns from its certificate gate and error page. */
const RENDERED_CERT_ERRORS = new Set(['client_certificate_invalid', 'client_certificate_required']);

/** The title of an nginx built-in error page ("400 The SSL certificate error"), or null. */
export function nginxPageTitle(body: string): string | null {
  if (!/<center>nginx[^<]*<\/center>/i.test(body)) return null;
  const title = /<title>([^<]{1,200})<\/title>/i.exec(body)?.[1];
  return title?.trim() ?? null;
}

/** `error` (and `verify`, when present) of a small JSON object body; null if not such a body. */
export function jsonErrorOf(body: string): { readonly error: string; readonly verify: string | null } | null {
  if (body.length > 65_536 || !body.trimStart().startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null) return null;
    const record = value as Record<string, unknown>;
    const error = record['error'] ?? record['code'] ?? record['message'];
    if (typeof error !== 'string') return null;
    const verify = record['verify'];
    return { error: error.slice(0, 200), verify: typeof verify === 'string' ? verify.slice(0, 200) : null };
  } catch {
    return null;
  }
}

/**
 * Why the proxy refused a client certificate, when the answer shows it did: nginx's 495/496,
 * its "SSL certificate" error pages, or the rendered config's JSON. Null: not such an answer.
 */
export function certificateRejection(status: number, body: string): string | null {
  const json = jsonErrorOf(body);
  if (json && RENDERED_CERT_ERRORS.has(json.error)) {
    return json.verify && json.verify !== '' ? `${status} ${json.error}: ${json.verify}` : `${status} ${json.error}`;
  }
  const title = nginxPageTitle(body);
  if (title && /SSL certificate/i.test(title)) return title;
  if (status === 495) return '495 client certificate verification error';
  if (status === 496) return '496 no client certificate sent';
  return null;
}

/** Short text naming an answer for reasons: "502 Bad Gateway", "404 (unknown_device)", "200". */
export function describeAnswer(status: number, body: string): string {
  const title = nginxPageTitle(body);
  if (title) return title.startsWith(String(status)) ? title : `${status} ${title}`;
  const json = jsonErrorOf(body);
  return json ? `${status} (${json.error})` : String(status);
}
