import { z } from 'zod';
import { EmptyInputSchema, type NamespaceInputs } from './namespace-inputs';
import { KEY_ALGORITHMS, REVOCATION_REASONS } from '../model/ca';

const path = z.string().min(1).max(4096);
/** Sent to the main process only to unlock or protect keys; never returned by any command. */
const passphrase = z.string().min(12, 'at least 12 characters').max(1024);
const subject = z.string().min(3).max(1024);
const serial = z.string().regex(/^[0-9a-f]{1,64}$/, 'lowercase hex without separators');
/** The platform pins a device certificate's CN to its device_id. */
const deviceId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'letters, digits and . _ : - (no spaces), up to 128');

/** Encrypted key delivery for a generated key: PKCS#8 and/or PKCS#12 under one passphrase. */
const keyDelivery = z
  .object({ passphrase, formats: z.array(z.enum(['pkcs8', 'pkcs12'])).min(1).max(2).default(['pkcs8', 'pkcs12']) })
  .strict();

export const CaUnlockInputSchema = z.object({ passphrase: z.string().min(1).max(1024) }).strict();

export const CaInitInputSchema = z
  .object({
    subject,
    keyAlgorithm: z.enum(KEY_ALGORITHMS).default('ec-p256'),
    validityDays: z.number().int().min(1).max(36_500).default(3650),
    /** Sets the vault passphrase when the vault is new; must match it otherwise. */
    passphrase,
  })
  .strict();

export const CaIntermediateInputSchema = z
  .object({ parentId: z.string().min(1).max(64), subject, keyAlgorithm: z.enum(KEY_ALGORITHMS).default('ec-p256'), validityDays: z.number().int().min(1).max(36_500).default(1825) })
  .strict();

export const CaImportInputSchema = z
  .object({ certPath: path, keyPath: path, keyPassphrase: z.string().max(1024).optional(), vaultPassphrase: passphrase })
  .strict();

export const CaRotateInputSchema = z
  .object({ subject, keyAlgorithm: z.enum(KEY_ALGORITHMS).default('ec-p256'), validityDays: z.number().int().min(1).max(36_500).default(3650), overlapDays: z.number().int().min(0).max(3650).default(30) })
  .strict();

export const CaIssueDeviceInputSchema = z
  .object({ deviceId, validityDays: z.number().int().min(1).max(825).default(90), outDir: path, key: keyDelivery })
  .strict();

export const CaIssueServerInputSchema = z
  .object({
    commonName: z.string().min(1).max(253),
    dnsNames: z.array(z.string().min(1).max(253)).max(50).default([]),
    ipAddresses: z.array(z.string().min(2).max(45)).max(50).default([]),
    validityDays: z.number().int().min(1).max(398).default(90),
    outDir: path,
    key: keyDelivery,
  })
  .strict();

export const CaSignCsrInputSchema = z
  .object({
    csr: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('path'), path }).strict(),
      z.object({ kind: z.literal('text'), name: z.string().min(1).max(256), text: z.string().max(64 * 1024) }).strict(),
    ]),
    validityDays: z.number().int().min(1).max(825).default(90),
    /** Where to write the certificate (and `<out>.chain.pem`); the certificate PEM is also returned. */
    outPath: path.optional(),
  })
  .strict();

export const CaListInputSchema = z.object({ filter: z.enum(['all', 'valid', 'expiring', 'expired', 'revoked']).default('all') }).strict();
export const CaRevokeInputSchema = z.object({ serialNumber: serial, reason: z.enum(REVOCATION_REASONS).default('unspecified') }).strict();
export const CaRenewInputSchema = z.object({ serialNumber: serial, revokeOld: z.boolean().default(true), outDir: path, key: keyDelivery.optional() }).strict();
export const CaOutDirInputSchema = z.object({ outDir: path }).strict();
export const CaRememberInputSchema = z.object({ enabled: z.boolean() }).strict();

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
