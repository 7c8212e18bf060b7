import { z } from './zod';
import { EmptyInputSchema, type NamespaceInputs } from './namespace-inputs';
import { headerNamesSchema } from './header-names-schema';
import { DEFAULT_PROBE_PATHS, DEFAULT_PROBE_TIMEOUTS } from '../model/probe';
import { DEFAULT_HEADER_NAMES } from '../nginx/types';

const path = z.string().check(z.minLength(1), z.maxLength(4096));
const urlPath = z.string().check(z.regex(/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/, 'a path starting with / (no query)'), z.maxLength(512));
const headerName = z.string().check(z.regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'an HTTP header name'), z.maxLength(128));

/**
 * A proxy profile as a caller sends it: the base URL must be https:// with no path. Where the
 * URL points is the operator's choice; the probe only ever connects there.
 */
export const ProxyProfileDraftSchema = z.strictObject({
  id: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  baseUrl: z.url({ protocol: /^https$/, error: 'an https:// URL' }).check(
    z.maxLength(2048),
    z.refine((u) => {
      // Not a URL at all: the url check above already says so; parsing here would throw.
      if (!URL.canParse(u)) return true;
      const parsed = new URL(u);
      return (parsed.pathname === '/' || parsed.pathname === '') && parsed.search === '' && parsed.hash === '' && parsed.username === '' && parsed.password === '';
    }, 'scheme, host and port only (no path, query or credentials)'),
  ),
  caFile: z._default(z.nullable(path), null),
  insecure: z._default(z.boolean(), false),
  device: z._default(z.nullable(z.strictObject({ certFile: path, keyFile: path, deviceId: z.string().check(z.minLength(1), z.maxLength(256)) })), null),
  paths: z._default(z.strictObject({ live: urlPath, ready: urlPath, heartbeat: urlPath }), DEFAULT_PROBE_PATHS),
  headerNames: z._default(headerNamesSchema(headerName), DEFAULT_HEADER_NAMES),
  matrixDir: z._default(z.nullable(path), null),
  crlFile: z._default(z.nullable(path), null),
  intervalSeconds: z._default(z.nullable(z.number().check(z.int(), z.gte(5), z.lte(86_400))), null),
  timeouts: z._default(
    z.strictObject({ connectMs: z.number().check(z.int(), z.gte(100), z.lte(60_000)), totalMs: z.number().check(z.int(), z.gte(100), z.lte(120_000)) }),
    DEFAULT_PROBE_TIMEOUTS,
  ),
});
export type ProxyProfileDraft = z.output<typeof ProxyProfileDraftSchema>;
export type ProxyProfileDraftInput = z.input<typeof ProxyProfileDraftSchema>;

export const ProbeRunInputSchema = z.strictObject({
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('profile'), id: z.string().check(z.minLength(1), z.maxLength(64)) }),
    z.strictObject({ kind: z.literal('adhoc'), profile: ProxyProfileDraftSchema }),
  ]),
  /** Run the enforcement matrix too (more connections; uses matrixDir's certificates). */
  matrix: z._default(z.boolean(), false),
  /** Collect TLS details (chain, versions accepted, client-cert request, OCSP stapling). */
  tls: z._default(z.boolean(), true),
});

export const HealthSaveInputSchema = z.strictObject({ profile: ProxyProfileDraftSchema });
export const HealthIdInputSchema = z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(64)) });
export const HealthScheduleInputSchema = z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(64)), intervalSeconds: z.nullable(z.number().check(z.int(), z.gte(5), z.lte(86_400))) });

/** `probe.run` and the saved profiles behind the Health screen share one module. */
export const probeInputs = {
  'probe.run': ProbeRunInputSchema,
  'health.list': EmptyInputSchema,
  'health.save': HealthSaveInputSchema,
  'health.delete': HealthIdInputSchema,
  'health.schedule': HealthScheduleInputSchema,
} as const satisfies NamespaceInputs<'probe' | 'health'>;
