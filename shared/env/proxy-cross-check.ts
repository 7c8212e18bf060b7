import type { EnvCrossCheck, EnvRequirement } from '../model/nginx';
import { readDotenvValues } from './read';

/**
 * The control-plane `.env` against the NGINX mTLS flow (seed 000, sentinel-secure-x.md §1.1):
 * the API must trust the certificate headers nginx forwards, and must keep requiring device mTLS.
 *
 * Which spellings count as true: the platform is Python and how it reads these flags is not
 * published. Python code commonly accepts `1`, `yes`, `on` too, but some parsers accept only
 * `true`; a value the platform might read as false must not be reported as consistent. So
 * only `true` counts, in any letter case (`True` is what Python itself prints), and nothing else.
 */
export const PROXY_ENV_REQUIREMENTS = [
  { name: 'SENTINEL_TRUST_PROXY_CERT_HEADERS', why: 'the API reads the client certificate nginx verified from the forwarded headers' },
  { name: 'SENTINEL_REQUIRE_DEVICE_MTLS', why: 'the heartbeat path must keep refusing devices without a verified certificate' },
] as const;

const EXPECTED = 'true';

/** True only for `true` in any letter case; see the module comment for why nothing else counts. */
export function isEnvTrue(value: string | null): boolean {
  return value !== null && value.toLowerCase() === EXPECTED;
}

/** What was read from the `.env` file: its text, or why it could not be read. */
export type EnvFileRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

function stated(req: EnvRequirement): string {
  return req.actual === null ? `${req.name} is not set` : `${req.name} is "${req.actual}"`;
}

/** Judges one `.env` file; consistent only when every requirement reads exactly true. */
export function crossCheckProxyEnv(path: string, read: EnvFileRead): EnvCrossCheck {
  if (!read.ok) {
    return {
      path,
      error: `Cannot read ${path}: ${read.reason}.`,
      requirements: [],
      consistent: false,
      message: `The .env file could not be read, so the NGINX flow's settings are unchecked. Check the path, or run the console as a user that may read it.`,
    };
  }
  const values = readDotenvValues(read.text);
  const requirements: EnvRequirement[] = PROXY_ENV_REQUIREMENTS.map(({ name }) => {
    const actual = values.get(name) ?? null;
    return { name, expected: EXPECTED, actual, ok: isEnvTrue(actual) };
  });
  const failing = requirements.filter((r) => !r.ok);
  if (failing.length === 0) {
    return { path, error: null, requirements, consistent: true, message: 'Both settings the NGINX mTLS flow needs are true.' };
  }
  const reasons = failing.map((r) => {
    const why = PROXY_ENV_REQUIREMENTS.find((p) => p.name === r.name)?.why ?? '';
    return `${stated(r)}; set ${r.name}=true because ${why}`;
  });
  return {
    path,
    error: null,
    requirements,
    consistent: false,
    message: `${reasons.join('. ')}. Restart the API after editing ${path}.`,
  };
}
