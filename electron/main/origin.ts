/**
 * Origin of a URL as scheme://host[:port], or null when it cannot be parsed or has no host.
 *
 * WHATWG URL reports origin "null" for non-special schemes such as app://, so comparing
 * `new URL(x).origin` would either refuse our own pages or, worse, treat every opaque
 * origin as equal. This computes it explicitly.
 */
export function originOf(target: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}
