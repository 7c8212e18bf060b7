/**
 * SENTINEL_ALLOWED_ORIGINS: the checklist says "the exact dashboard origin or origins". The list
 * separator is not documented; a comma (spaces around it ignored) is assumed (sentinel-secure-x.md §1.1).
 * Browsers send `Origin: https://host[:port]`, lower-case, no path and no trailing slash, so an
 * entry in any other shape never matches and only invites someone to "fix" it with `*`.
 */

export type OriginProblem = { readonly entry: string; readonly problem: string };

/** Each entry's problem, or an empty list when every entry is an exact https origin. */
export function originProblems(value: string): OriginProblem[] {
  const entries = value.split(',').map((e) => e.trim());
  const problems: OriginProblem[] = [];
  for (const entry of entries) {
    const problem = entryProblem(entry);
    if (problem !== null) problems.push({ entry, problem });
  }
  return problems;
}

function entryProblem(entry: string): string | null {
  if (entry === '') return 'is an empty entry (a stray comma?)';
  if (entry === '*') return 'allows every origin';
  if (entry.includes('*')) return 'is a wildcard pattern, not an exact origin';
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:') return `uses ${url.protocol.replace(/:$/, '')}, not https`;
  if (url.username !== '' || url.password !== '') return 'carries a user name or password';
  if (entry === url.origin) return null;
  const lower = entry.toLowerCase();
  if (lower === url.origin) return `is not lower-case as browsers send it (use ${url.origin})`;
  if (lower === `${url.origin}/`) return `has a trailing slash (use ${url.origin})`;
  if (url.port === '' && /:443\/?$/.test(lower)) return `names the default port (use ${url.origin})`;
  return `has a path, query or fragment (use ${url.origin})`;
}
