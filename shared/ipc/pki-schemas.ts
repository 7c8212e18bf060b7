import { z } from 'zod';
import type { NamespaceInputs } from './namespace-inputs';

const MAX_TEXT = 16 * 1024 * 1024;

/**
 * Where certificate material comes from. Paths are read by the main process; text and bytes
 * come from a paste or a browser drop (the web host has no file paths).
 */
export const PkiSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('text'), name: z.string().min(1).max(256), text: z.string().max(MAX_TEXT) }),
  z.object({ kind: z.literal('bytes'), name: z.string().min(1).max(256), base64: z.string().max(Math.ceil(MAX_TEXT * 1.34)).regex(/^[A-Za-z0-9+/]*={0,2}$/) }),
]);
export type PkiSource = z.infer<typeof PkiSource>;

export const CertRoleSchema = z.enum(['device', 'proxy', 'any']);

/** A device id as the platform uses it: the certificate CN, no control characters. */
export const DeviceIdSchema = z
  .string()
  .min(1)
  .max(256)
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'no control characters');

export const InspectInputSchema = z
  .object({
    sources: z.array(PkiSource).min(1).max(64),
    role: CertRoleSchema.default('any'),
    deviceId: DeviceIdSchema.nullable().default(null),
    expiryWindowDays: z.number().int().min(0).max(3650).default(30),
    passphrase: z.string().max(1024).optional(),
    at: z.iso.datetime().optional(),
  })
  .strict();

export const TrustSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sources'), sources: z.array(PkiSource).min(1).max(16) }),
  z.object({ kind: z.literal('system') }),
  z.object({ kind: z.literal('device-ca') }),
]);

export const VerifyInputSchema = z
  .object({
    leaf: PkiSource,
    intermediates: z.array(PkiSource).max(16).default([]),
    trust: TrustSelection,
    crls: z.array(PkiSource).max(16).default([]),
    role: CertRoleSchema.default('any'),
    at: z.iso.datetime().optional(),
    maxDepth: z.number().int().min(2).max(16).optional(),
  })
  .strict();

export const certInputs = { 'cert.inspect': InspectInputSchema, 'cert.verify': VerifyInputSchema } as const satisfies NamespaceInputs<'cert'>;
