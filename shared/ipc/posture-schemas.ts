import { z } from './zod';
import type { NamespaceInputs } from './namespace-inputs';
import { POSTURE_PROFILES, PROXY_MODES } from '../model/posture';

const MAX_ENV_TEXT = 1024 * 1024;
const path = z.string().check(z.minLength(1), z.maxLength(4096));
/** dotenv's key syntax; anything else would be silently dropped by dotenv. */
const envKey = z.string().check(z.regex(/^[\w.-]+$/, 'letters, digits, _ . - only'), z.maxLength(256));

export const EnvEditSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('set'), key: envKey, value: z.string().check(z.maxLength(64 * 1024)) }),
  z.strictObject({ kind: z.literal('remove'), key: envKey }),
]);

const edits = z._default(z.array(EnvEditSchema).check(z.maxLength(500)), []);

export const EnvReadInputSchema = z.strictObject({ path });

/** Audit an opened file (with queued edits applied) or pasted text (no file facts then). */
export const PostureAuditInputSchema = z.strictObject({
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('path'), path }),
    z.strictObject({ kind: z.literal('text'), name: z.string().check(z.minLength(1), z.maxLength(256)), text: z.string().check(z.maxLength(MAX_ENV_TEXT)) }),
  ]),
  profile: z._default(z.enum(POSTURE_PROFILES), 'production'),
  proxyMode: z._default(z.enum(PROXY_MODES), 'nginx-mtls'),
  edits,
});

/** Edits against the file as it was opened (its sha256): a preview, or the save itself. */
export const EnvEditInputSchema = z.strictObject({
  path,
  baseSha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  edits: z.array(EnvEditSchema).check(z.minLength(1), z.maxLength(500)),
});

export const EnvGenerateSecretInputSchema = z.strictObject({ bytes: z._default(z.number().check(z.int(), z.gte(32), z.lte(128)), 32) });

/** The .env editor and the posture audit share one module. */
export const postureInputs = {
  'env.read': EnvReadInputSchema,
  'env.preview': EnvEditInputSchema,
  'env.save': EnvEditInputSchema,
  'env.generateSecret': EnvGenerateSecretInputSchema,
  'posture.audit': PostureAuditInputSchema,
} as const satisfies NamespaceInputs<'env' | 'posture'>;
