import { z } from './zod';
import type { NamespaceInputs } from './namespace-inputs';

const MAX_TEXT = 16 * 1024 * 1024;

/**
 * Where certificate material comes from. Paths are read by the main process; text and bytes
 * come from a paste or a browser drop (the web host has no file paths).
 */
export const PkiSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().check(z.minLength(1), z.maxLength(4096)) }),
  z.object({ kind: z.literal('text'), name: z.string().check(z.minLength(1), z.maxLength(256)), text: z.string().check(z.maxLength(MAX_TEXT)) }),
  z.object({
    kind: z.literal('bytes'),
    name: z.string().check(z.minLength(1), z.maxLength(256)),
    base64: z.string().check(z.maxLength(Math.ceil(MAX_TEXT * 1.34)), z.regex(/^[A-Za-z0-9+/]*={0,2}$/)),
  }),
]);
export type PkiSource = z.infer<typeof PkiSource>;

export const CertRoleSchema = z.enum(['device', 'proxy', 'any']);

/** A device id as the platform uses it: the certificate CN, no control characters. */
export const DeviceIdSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(256),
    z.refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'no control characters'),
  );

export const InspectInputSchema = z.strictObject({
  sources: z.array(PkiSource).check(z.minLength(1), z.maxLength(64)),
  role: z._default(CertRoleSchema, 'any'),
  deviceId: z._default(z.nullable(DeviceIdSchema), null),
  expiryWindowDays: z._default(z.number().check(z.int(), z.gte(0), z.lte(3650)), 30),
  passphrase: z.optional(z.string().check(z.maxLength(1024))),
  at: z.optional(z.iso.datetime()),
});

export const TrustSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sources'), sources: z.array(PkiSource).check(z.minLength(1), z.maxLength(16)) }),
  z.object({ kind: z.literal('system') }),
  z.object({ kind: z.literal('device-ca') }),
]);

export const VerifyInputSchema = z.strictObject({
  leaf: PkiSource,
  intermediates: z._default(z.array(PkiSource).check(z.maxLength(16)), []),
  trust: TrustSelection,
  crls: z._default(z.array(PkiSource).check(z.maxLength(16)), []),
  role: z._default(CertRoleSchema, 'any'),
  at: z.optional(z.iso.datetime()),
  maxDepth: z.optional(z.number().check(z.int(), z.gte(2), z.lte(16))),
});

export const certInputs = { 'cert.inspect': InspectInputSchema, 'cert.verify': VerifyInputSchema } as const satisfies NamespaceInputs<'cert'>;
