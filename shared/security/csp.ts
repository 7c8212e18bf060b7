/**
 * The one Content-Security-Policy of the UI, sent by the app:// protocol, the web host and
 * the index.html meta tag alike (Electron security checklist 7).
 *
 * `style-src 'self'` without 'unsafe-inline' rules out runtime-injected <style>; the UI
 * uses plain CSS files. `connect-src 'self'` lets the HTTP bridge reach its own origin only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The same policy for the index.html meta tag: browsers ignore (and log an error for)
 * frame-ancestors in a meta element, so only the headers carry it.
 */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/** Headers every UI response carries, whichever host serves it. */
export const UI_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
