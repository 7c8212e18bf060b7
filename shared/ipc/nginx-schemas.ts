import { z } from 'zod';
import type { NamespaceInputs } from './namespace-inputs';
import { headerNamesSchema } from './header-names-schema';
import { DEFAULT_DEPLOYED_PATH, DEFAULT_UPSTREAM_URL } from '../nginx/types';

const MAX_CONFIG_TEXT = 4 * 1024 * 1024;
const path = z.string().max(4096);
const headerName = z.string().max(128);

/**
 * The render form as it crosses a boundary: shapes and sizes only. What the values may
 * contain (no nginx syntax, loopback upstream, absolute paths) is judged by
 * shared/nginx/validate.ts, which answers per field instead of failing the whole call.
 */
export const NginxRenderDraftSchema = z
  .object({
    serverName: z.string().max(253),
    tlsCertPath: path,
    tlsKeyPath: path,
    clientCaPath: path,
    upstreamUrl: z.string().max(2048).default(DEFAULT_UPSTREAM_URL),
    envFilePath: path.nullable().default(null),
    listen: z.array(z.string().max(64)).max(8).default(['443']),
    crlPath: path.nullable().default(null),
    ocsp: z
      .discriminatedUnion('mode', [
        z.object({ mode: z.literal('off') }).strict(),
        z
          .object({
            mode: z.enum(['on', 'leaf']),
            responderUrl: z.string().max(2048).nullable().default(null),
            resolver: z.string().max(256).nullable().default(null),
          })
          .strict(),
      ])
      .default({ mode: 'off' }),
    verifyDepth: z.number().int().default(2),
    tlsVersions: z.array(z.enum(['TLSv1.2', 'TLSv1.3'])).max(2).default(['TLSv1.2', 'TLSv1.3']),
    hsts: z
      .object({ maxAgeSeconds: z.number().int(), includeSubdomains: z.boolean().default(false) })
      .strict()
      .nullable()
      .default({ maxAgeSeconds: 31_536_000, includeSubdomains: false }),
    /** Overrides by role; missing roles keep DEFAULT_HEADER_NAMES. */
    headerNames: headerNamesSchema(headerName)
      .partial()
      .default({}),
    allowRemoteUpstream: z.boolean().default(false),
  })
  .strict();
export type NginxRenderDraft = z.output<typeof NginxRenderDraftSchema>;
export type NginxRenderDraftInput = z.input<typeof NginxRenderDraftSchema>;

/** A config to lint or check: a file the main process reads (includes resolve beside it), or pasted text. */
export const NginxConfigSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('text'), name: z.string().min(1).max(256), text: z.string().max(MAX_CONFIG_TEXT) }).strict(),
]);
export type NginxConfigSource = z.infer<typeof NginxConfigSource>;

export const NginxRenderInputSchema = z
  .object({
    draft: NginxRenderDraftSchema,
    /** Read the referenced cert, key, CA, CRL and .env files and report on them (main process only). */
    checkFiles: z.boolean().default(true),
  })
  .strict();

export const NginxLintInputSchema = z.object({ source: NginxConfigSource }).strict();

export const NginxCheckInputSchema = z.object({ source: NginxConfigSource }).strict();

export const NginxDiffInputSchema = z
  .object({ text: z.string().max(MAX_CONFIG_TEXT), deployedPath: z.string().min(1).max(4096).default(DEFAULT_DEPLOYED_PATH) })
  .strict();

/**
 * Install is two calls: `plan` names the files and commands for the confirmation, `run`
 * does exactly that plan. The commands come from the main process's own settings, never
 * from the caller.
 */
export const NginxInstallInputSchema = z
  .object({
    text: z.string().min(1).max(MAX_CONFIG_TEXT),
    deployedPath: z.string().min(1).max(4096).default(DEFAULT_DEPLOYED_PATH),
    reload: z.boolean().default(true),
  })
  .strict();

export const nginxInputs = {
  'nginx.render': NginxRenderInputSchema,
  'nginx.lint': NginxLintInputSchema,
  'nginx.check': NginxCheckInputSchema,
  'nginx.diff': NginxDiffInputSchema,
  'nginx.installPlan': NginxInstallInputSchema,
  'nginx.install': NginxInstallInputSchema,
} as const satisfies NamespaceInputs<'nginx'>;
