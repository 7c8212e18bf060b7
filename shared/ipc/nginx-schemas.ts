import { z } from './zod';
import type { NamespaceInputs } from './namespace-inputs';
import { headerNamesSchema } from './header-names-schema';
import { DEFAULT_DEPLOYED_PATH, DEFAULT_UPSTREAM_URL } from '../nginx/types';

const MAX_CONFIG_TEXT = 4 * 1024 * 1024;
const path = z.string().check(z.maxLength(4096));
const headerName = z.string().check(z.maxLength(128));

/**
 * The render form as it crosses a boundary: shapes and sizes only. What the values may
 * contain (no nginx syntax, loopback upstream, absolute paths) is judged by
 * shared/nginx/validate.ts, which answers per field instead of failing the whole call.
 */
export const NginxRenderDraftSchema = z.strictObject({
  serverName: z.string().check(z.maxLength(253)),
  tlsCertPath: path,
  tlsKeyPath: path,
  clientCaPath: path,
  upstreamUrl: z._default(z.string().check(z.maxLength(2048)), DEFAULT_UPSTREAM_URL),
  envFilePath: z._default(z.nullable(path), null),
  listen: z._default(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(8)), ['443']),
  crlPath: z._default(z.nullable(path), null),
  ocsp: z._default(
    z.discriminatedUnion('mode', [
      z.strictObject({ mode: z.literal('off') }),
      z.strictObject({
        mode: z.enum(['on', 'leaf']),
        responderUrl: z._default(z.nullable(z.string().check(z.maxLength(2048))), null),
        resolver: z._default(z.nullable(z.string().check(z.maxLength(256))), null),
      }),
    ]),
    { mode: 'off' },
  ),
  verifyDepth: z._default(z.number().check(z.int()), 2),
  tlsVersions: z._default(z.array(z.enum(['TLSv1.2', 'TLSv1.3'])).check(z.maxLength(2)), ['TLSv1.2', 'TLSv1.3']),
  hsts: z._default(
    z.nullable(z.strictObject({ maxAgeSeconds: z.number().check(z.int()), includeSubdomains: z._default(z.boolean(), false) })),
    { maxAgeSeconds: 31_536_000, includeSubdomains: false },
  ),
  /** Overrides by role; missing roles keep DEFAULT_HEADER_NAMES. */
  headerNames: z._default(z.partial(headerNamesSchema(headerName)), {}),
  allowRemoteUpstream: z._default(z.boolean(), false),
});
export type NginxRenderDraft = z.output<typeof NginxRenderDraftSchema>;
export type NginxRenderDraftInput = z.input<typeof NginxRenderDraftSchema>;

/** A config to lint or check: a file the main process reads (includes resolve beside it), or pasted text. */
export const NginxConfigSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('path'), path: z.string().check(z.minLength(1), z.maxLength(4096)) }),
  z.strictObject({ kind: z.literal('text'), name: z.string().check(z.minLength(1), z.maxLength(256)), text: z.string().check(z.maxLength(MAX_CONFIG_TEXT)) }),
]);
export type NginxConfigSource = z.infer<typeof NginxConfigSource>;

export const NginxRenderInputSchema = z.strictObject({
  draft: NginxRenderDraftSchema,
  /** Read the referenced cert, key, CA, CRL and .env files and report on them (main process only). */
  checkFiles: z._default(z.boolean(), true),
});

export const NginxLintInputSchema = z.strictObject({ source: NginxConfigSource });

export const NginxCheckInputSchema = z.strictObject({ source: NginxConfigSource });

export const NginxDiffInputSchema = z.strictObject({
  text: z.string().check(z.maxLength(MAX_CONFIG_TEXT)),
  deployedPath: z._default(z.string().check(z.minLength(1), z.maxLength(4096)), DEFAULT_DEPLOYED_PATH),
});

/**
 * Install is two calls: `plan` names the files and commands for the confirmation, `run`
 * does exactly that plan. The commands come from the main process's own settings, never
 * from the caller.
 */
export const NginxInstallInputSchema = z.strictObject({
  text: z.string().check(z.minLength(1), z.maxLength(MAX_CONFIG_TEXT)),
  deployedPath: z._default(z.string().check(z.minLength(1), z.maxLength(4096)), DEFAULT_DEPLOYED_PATH),
  reload: z._default(z.boolean(), true),
});

export const nginxInputs = {
  'nginx.render': NginxRenderInputSchema,
  'nginx.lint': NginxLintInputSchema,
  'nginx.check': NginxCheckInputSchema,
  'nginx.diff': NginxDiffInputSchema,
  'nginx.installPlan': NginxInstallInputSchema,
  'nginx.install': NginxInstallInputSchema,
} as const satisfies NamespaceInputs<'nginx'>;
