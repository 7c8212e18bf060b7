import { z } from './zod';
import { EmptyInputSchema, type NamespaceInputs } from './namespace-inputs';
import { KEY_ALGORITHMS, REVOCATION_REASONS } from '../model/ca';

const path = z.string().check(z.minLength(1), z.maxLength(4096));
/** Sent to the main process only to unlock or protect keys; never returned by any command. */
const passphrase = z.string().check(z.minLength(12, 'at least 12 characters'), z.maxLength(1024));
const subject = z.string().check(z.minLength(3), z.maxLength(1024));
const serial = z.string().check(z.regex(/^[0-9a-f]{1,64}$/, 'lowercase hex without separators'));
/** The platform pins a device certificate's CN to its device_id. */
const deviceId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'letters, digits and . _ : - (no spaces), up to 128'));

/** Encrypted key delivery for a generated key: PKCS#8 and/or PKCS#12 under one passphrase. */
const keyDelivery = z.strictObject({
  passphrase,
  formats: z._default(z.array(z.enum(['pkcs8', 'pkcs12'])).check(z.minLength(1), z.maxLength(2)), ['pkcs8', 'pkcs12']),
});

export const CaUnlockInputSchema = z.strictObject({ passphrase: z.string().check(z.minLength(1), z.maxLength(1024)) });

export const CaInitInputSchema = z.strictObject({
  subject,
  keyAlgorithm: z._default(z.enum(KEY_ALGORITHMS), 'ec-p256'),
  validityDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(36_500)), 3650),
  /** Sets the vault passphrase when the vault is new; must match it otherwise. */
  passphrase,
});

export const CaIntermediateInputSchema = z.strictObject({
  parentId: z.string().check(z.minLength(1), z.maxLength(64)),
  subject,
  keyAlgorithm: z._default(z.enum(KEY_ALGORITHMS), 'ec-p256'),
  validityDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(36_500)), 1825),
});

export const CaImportInputSchema = z.strictObject({
  certPath: path,
  keyPath: path,
  keyPassphrase: z.optional(z.string().check(z.maxLength(1024))),
  vaultPassphrase: passphrase,
});

export const CaRotateInputSchema = z.strictObject({
  subject,
  keyAlgorithm: z._default(z.enum(KEY_ALGORITHMS), 'ec-p256'),
  validityDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(36_500)), 3650),
  overlapDays: z._default(z.number().check(z.int(), z.gte(0), z.lte(3650)), 30),
});

export const CaIssueDeviceInputSchema = z.strictObject({ deviceId, validityDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(825)), 90), outDir: path, key: keyDelivery });

export const CaIssueServerInputSchema = z.strictObject({
  commonName: z.string().check(z.minLength(1), z.maxLength(253)),
  dnsNames: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(253))).check(z.maxLength(50)), []),
  ipAddresses: z._default(z.array(z.string().check(z.minLength(2), z.maxLength(45))).check(z.maxLength(50)), []),
  validityDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(398)), 90),
  outDir: path,
  key: keyDelivery,
});

export const CaSignCsrInputSchema = z.strictObject({
  csr: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('path'), path }),
    z.strictObject({ kind: z.literal('text'), name: z.string().check(z.minLength(1), z.maxLength(256)), text: z.string().check(z.maxLength(64 * 1024)) }),
  ]),
  validityDays: z._default(z.number().check(z.int(), z.gte(1), z.lte(825)), 90),
  /** Where to write the certificate (and `<out>.chain.pem`); the certificate PEM is also returned. */
  outPath: z.optional(path),
});

export const CaListInputSchema = z.strictObject({ filter: z._default(z.enum(['all', 'valid', 'expiring', 'expired', 'revoked']), 'all') });
export const CaRevokeInputSchema = z.strictObject({ serialNumber: serial, reason: z._default(z.enum(REVOCATION_REASONS), 'unspecified') });
export const CaRenewInputSchema = z.strictObject({ serialNumber: serial, revokeOld: z._default(z.boolean(), true), outDir: path, key: z.optional(keyDelivery) });
export const CaOutDirInputSchema = z.strictObject({ outDir: path });
export const CaRememberInputSchema = z.strictObject({ enabled: z.boolean() });

export const caInputs = {
  'ca.status': EmptyInputSchema,
  'ca.unlock': CaUnlockInputSchema,
  'ca.lock': EmptyInputSchema,
  'ca.remember': CaRememberInputSchema,
  'ca.init': CaInitInputSchema,
  'ca.createIntermediate': CaIntermediateInputSchema,
  'ca.import': CaImportInputSchema,
  'ca.rotate': CaRotateInputSchema,
  'ca.issueDevice': CaIssueDeviceInputSchema,
  'ca.issueServer': CaIssueServerInputSchema,
  'ca.signCsr': CaSignCsrInputSchema,
  'ca.list': CaListInputSchema,
  'ca.revoke': CaRevokeInputSchema,
  'ca.renew': CaRenewInputSchema,
  'ca.publishCrl': EmptyInputSchema,
  'ca.export': CaOutDirInputSchema,
  'ca.auditLog': EmptyInputSchema,
} as const satisfies NamespaceInputs<'ca'>;
