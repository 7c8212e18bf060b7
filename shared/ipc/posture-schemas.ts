import { z } from 'zod';
import type { NamespaceInputs } from './namespace-inputs';
import { POSTURE_PROFILES, PROXY_MODES } from '../model/posture';

const MAX_ENV_TEXT = 1024 * 1024;
const path = z.string().min(1).max(4096);
/** dotenv's key syntax; anything else would be silently dropped by dotenv. */
const envKey = z.string().regex(/^[\w.-]+$/, 'letters, digits, _ . - only').max(256);

export const EnvEditSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set'), key: envKey, value: z.string().max(64 * 1024) }).strict(),
  z.object({ kind: z.literal('remove'), key: envKey }).strict(),
]);

const edits = z.array(EnvEditSchema).max(500).default([]);

export const EnvReadInputSchema = z.object({ path }).strict();

/** Audit an opened file (with queued edits applied) or pasted text (no file facts then). */
export const PostureAuditInputSchema = z
  .object({
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('path'), path }).strict(),
      z.object({ kind: z.literal('text'), name: z.string().min(1).max(256), text: z.string().max(MAX_ENV_TEXT) }).strict(),
    ]),
    profile: z.enum(POSTURE_PROFILES).default('production'),
    proxyMode: z.enum(PROXY_MODES).default('nginx-mtls'),
    edits,
  })
  .strict();

/** Edits against the file as it was opened (its sha256): a preview, or the save itself. */
export const EnvEditInputSchema = z
  .object({ path, baseSha256: z.string().regex(/^[0-9a-f]{64}$/), edits: z.array(EnvEditSchema).min(1).max(500) })
  .strict();

export const EnvGenerateSecretInputSchema = z.object({ bytes: z.number().int().min(32).max(128).default(32) }).strict();

/** The .env editor and the posture audit share one module. */
export const postureInputs = {
  'env.read': EnvReadInputSchema,
  'env.preview': EnvEditInputSchema,
  'env.save': EnvEditInputSchema,
  'env.generateSecret': EnvGenerateSecretInputSchema,
  'posture.audit': PostureAuditInputSchema,
} as const satisfies NamespaceInputs<'env' | 'posture'>;
