import { z } from 'zod';
import { KEY_ALGORITHMS, REVOCATION_REASONS } from '../../../shared/model/ca';

/**
 * What the CA keeps in `<dataDir>/ca/`: cas.json (CAs, their certificates and CRL state) and
 * inventory.json (every certificate issued). Public data only; keys live in the vault.
 * Both are validated on every load, so a hand-edited or damaged file is a clear error.
 */

const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO time');

export const CaSettingsSchema = z
  .object({
    /** Written as the CRL distribution point of issued certificates, when set. */
    crlUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
    /** Written as the OCSP responder (AIA) of issued certificates, when set; nginx needs http://. */
    ocspUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
    crlWindowHours: z.number().int().min(1).max(24 * 365).optional(),
    crlWarningHours: z.number().int().min(0).max(24 * 365).optional(),
    expiringWindowDays: z.number().int().min(0).max(3650).optional(),
    /** How long the previous intermediate stays trusted when a new one is created. */
    intermediateOverlapDays: z.number().int().min(0).max(3650).optional(),
  })
  .strict();

export type CaSettingsInput = z.infer<typeof CaSettingsSchema>;

export interface CaSettings {
  readonly crlUrl: string | undefined;
  readonly ocspUrl: string | undefined;
  readonly crlWindowHours: number;
  readonly crlWarningHours: number;
  readonly expiringWindowDays: number;
  readonly intermediateOverlapDays: number;
}

export const DEFAULT_CA_SETTINGS: CaSettings = {
  crlUrl: undefined,
  ocspUrl: undefined,
  crlWindowHours: 72,
  crlWarningHours: 24,
  expiringWindowDays: 30,
  intermediateOverlapDays: 30,
};

const StoredCrlSchema = z.object({ crlNumber: z.number().int().min(1), thisUpdate: iso, nextUpdate: iso, entries: z.number().int().min(0), path: z.string() }).strict();

export const StoredCaSchema = z
  .object({
    id: z.string().regex(/^[0-9a-f]{16}$/),
    role: z.enum(['root', 'intermediate']),
    status: z.enum(['active', 'previous', 'retired']),
    parentId: z.string().nullable(),
    keyAlgorithm: z.enum(KEY_ALGORITHMS),
    createdAt: iso,
    notAfter: iso,
    overlapUntil: iso.nullable(),
    certPem: z.string().min(1),
    /** The last CRLNumber issued (0 before the first CRL): CRL numbers only grow. */
    lastCrlNumber: z.number().int().min(0),
    crl: StoredCrlSchema.nullable(),
  })
  .strict();
export type StoredCa = z.infer<typeof StoredCaSchema>;

export const CasFileSchema = z.object({ version: z.literal(1), settings: CaSettingsSchema.default({}), cas: z.array(StoredCaSchema) }).strict();
export type CasFile = z.infer<typeof CasFileSchema>;

export const StoredIssuedSchema = z
  .object({
    serialNumber: z.string().regex(/^[0-9a-f]{1,64}$/),
    kind: z.enum(['device', 'server']),
    deviceId: z.string().nullable(),
    subject: z.string(),
    sans: z.array(z.string()),
    caId: z.string(),
    notBefore: iso,
    notAfter: iso,
    origin: z.enum(['csr', 'generated']),
    sha256: z.string(),
    /** SubjectPublicKeyInfo DER, base64: lets a renewal keep a CSR device's key. */
    spki: z.string(),
    revokedAt: iso.nullable(),
    revocationReason: z.enum(REVOCATION_REASONS).nullable(),
    renewedFrom: z.string().nullable(),
  })
  .strict();
export type StoredIssued = z.infer<typeof StoredIssuedSchema>;

export const InventoryFileSchema = z.object({ version: z.literal(1), certificates: z.array(StoredIssuedSchema) }).strict();
export type InventoryFile = z.infer<typeof InventoryFileSchema>;
