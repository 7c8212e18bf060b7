import { z } from '../../../shared/ipc/zod';
import { KEY_ALGORITHMS, REVOCATION_REASONS } from '../../../shared/model/ca';

/**
 * What the CA keeps in `<dataDir>/ca/`: cas.json (CAs, their certificates and CRL state) and
 * inventory.json (every certificate issued). Public data only; keys live in the vault.
 * Both are validated on every load, so a hand-edited or damaged file is a clear error.
 */

const iso = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO time'));

export const CaSettingsSchema = z.strictObject({
  /** Written as the CRL distribution point of issued certificates, when set. */
  crlUrl: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(2048))),
  /** Written as the OCSP responder (AIA) of issued certificates, when set; nginx needs http://. */
  ocspUrl: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(2048))),
  crlWindowHours: z.optional(z.number().check(z.int(), z.gte(1), z.lte(24 * 365))),
  crlWarningHours: z.optional(z.number().check(z.int(), z.gte(0), z.lte(24 * 365))),
  expiringWindowDays: z.optional(z.number().check(z.int(), z.gte(0), z.lte(3650))),
  /** How long the previous intermediate stays trusted when a new one is created. */
  intermediateOverlapDays: z.optional(z.number().check(z.int(), z.gte(0), z.lte(3650))),
});

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

const StoredCrlSchema = z.strictObject({ crlNumber: z.number().check(z.int(), z.gte(1)), thisUpdate: iso, nextUpdate: iso, entries: z.number().check(z.int(), z.gte(0)), path: z.string() });

export const StoredCaSchema = z.strictObject({
  id: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  role: z.enum(['root', 'intermediate']),
  status: z.enum(['active', 'previous', 'retired']),
  parentId: z.nullable(z.string()),
  keyAlgorithm: z.enum(KEY_ALGORITHMS),
  createdAt: iso,
  notAfter: iso,
  overlapUntil: z.nullable(iso),
  certPem: z.string().check(z.minLength(1)),
  /** The last CRLNumber issued (0 before the first CRL): CRL numbers only grow. */
  lastCrlNumber: z.number().check(z.int(), z.gte(0)),
  crl: z.nullable(StoredCrlSchema),
});
export type StoredCa = z.infer<typeof StoredCaSchema>;

export const CasFileSchema = z.strictObject({ version: z.literal(1), settings: z._default(CaSettingsSchema, {}), cas: z.array(StoredCaSchema) });
export type CasFile = z.infer<typeof CasFileSchema>;

export const StoredIssuedSchema = z.strictObject({
  serialNumber: z.string().check(z.regex(/^[0-9a-f]{1,64}$/)),
  kind: z.enum(['device', 'server']),
  deviceId: z.nullable(z.string()),
  subject: z.string(),
  sans: z.array(z.string()),
  caId: z.string(),
  notBefore: iso,
  notAfter: iso,
  origin: z.enum(['csr', 'generated']),
  sha256: z.string(),
  /** SubjectPublicKeyInfo DER, base64: lets a renewal keep a CSR device's key. */
  spki: z.string(),
  revokedAt: z.nullable(iso),
  revocationReason: z.nullable(z.enum(REVOCATION_REASONS)),
  renewedFrom: z.nullable(z.string()),
});
export type StoredIssued = z.infer<typeof StoredIssuedSchema>;

export const InventoryFileSchema = z.strictObject({ version: z.literal(1), certificates: z.array(StoredIssuedSchema) });
export type InventoryFile = z.infer<typeof InventoryFileSchema>;
