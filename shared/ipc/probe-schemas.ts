import { z } from 'zod';
import { EmptyInputSchema, type NamespaceInputs } from './namespace-inputs';
import { headerNamesSchema } from './header-names-schema';
import { DEFAULT_PROBE_PATHS, DEFAULT_PROBE_TIMEOUTS } from '../model/probe';
import { DEFAULT_HEADER_NAMES } from '../nginx/types';

const path = z.string().min(1).max(4096);
const urlPath = z.string().regex(/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/, 'a path starting with / (no query)').max(512);
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'an HTTP header name').max(128);

/**
 * A proxy profile as a caller sends it: the base URL must be https:// with no path. Where the
 * URL points is the operator's choice; the probe only ever connects there.
 */
export const ProxyProfileDraftSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
    name: z.string().trim().min(1).max(120),
    baseUrl: z
      .url({ protocol: /^https$/, error: 'an https:// URL' })
      .max(2048)
      .refine((u) => {
        const parsed = new URL(u);
        return (parsed.pathname === '/' || parsed.pathname === '') && parsed.search === '' && parsed.hash === '' && parsed.username === '' && parsed.password === '';
      }, 'scheme, host and port only (no path, query or credentials)'),
    caFile: path.nullable().default(null),
    insecure: z.boolean().default(false),
    device: z
      .object({ certFile: path, keyFile: path, deviceId: z.string().min(1).max(256) })
      .strict()
      .nullable()
      .default(null),
    paths: z.object({ live: urlPath, ready: urlPath, heartbeat: urlPath }).strict().default(DEFAULT_PROBE_PATHS),
    headerNames: headerNamesSchema(headerName).default(DEFAULT_HEADER_NAMES),
    matrixDir: path.nullable().default(null),
    crlFile: path.nullable().default(null),
    intervalSeconds: z.number().int().min(5).max(86_400).nullable().default(null),
    timeouts: z
      .object({ connectMs: z.number().int().min(100).max(60_000), totalMs: z.number().int().min(100).max(120_000) })
      .strict()
      .default(DEFAULT_PROBE_TIMEOUTS),
  })
  .strict();
export type ProxyProfileDraft = z.output<typeof ProxyProfileDraftSchema>;
export type ProxyProfileDraftInput = z.input<typeof ProxyProfileDraftSchema>;

export const ProbeRunInputSchema = z
  .object({
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('profile'), id: z.string().min(1).max(64) }).strict(),
      z.object({ kind: z.literal('adhoc'), profile: ProxyProfileDraftSchema }).strict(),
    ]),
    /** Run the enforcement matrix too (more connections; uses matrixDir's certificates). */
    matrix: z.boolean().default(false),
    /** Collect TLS details (chain, versions accepted, client-cert request, OCSP stapling). */
    tls: z.boolean().default(true),
  })
  .strict();

export const HealthSaveInputSchema = z.object({ profile: ProxyProfileDraftSchema }).strict();
export const HealthIdInputSchema = z.object({ id: z.string().min(1).max(64) }).strict();
export const HealthScheduleInputSchema = z
  .object({ id: z.string().min(1).max(64), intervalSeconds: z.number().int().min(5).max(86_400).nullable() })
  .strict();

/** `probe.run` and the saved profiles behind the Health screen share one module. */
export const probeInputs = {
  'probe.run': ProbeRunInputSchema,
  'health.list': EmptyInputSchema,
  'health.save': HealthSaveInputSchema,
  'health.delete': HealthIdInputSchema,
  'health.schedule': HealthScheduleInputSchema,
} as const satisfies NamespaceInputs<'probe' | 'health'>;
