import { CaIssueDeviceInputSchema } from '../ipc/ca-schemas';
import { z } from '../ipc/zod';
import type { CsrObject } from '../model/pki';

/**
 * The device profile's rules for a CSR: a valid self-signature, CN = a device id, an allowed
 * key, and nothing else taken from the request. Subject attributes other than CN and every
 * requested extension the profile would not set identically are dropped and reported.
 */

/** An extension as issued: OID and value DER in lowercase hex. */
export interface ProfileExtension {
  readonly oid: string;
  readonly valueHex: string;
}

export type CsrVerdict =
  | {
      readonly ok: true;
      readonly deviceId: string;
      readonly keyLabel: string;
      /** Requested extensions not issued as asked, by name. */
      readonly droppedExtensions: readonly string[];
      /** Requested subject attributes besides the CN, as one RFC 4514 string; null when none. */
      readonly droppedSubject: string | null;
    }
  | { readonly ok: false; readonly message: string };

/** RSA below 2048 bits is broken; devices commonly carry 2048-bit keys, so that is the floor. */
export const MIN_RSA_BITS = 2048;

function keyProblem(key: CsrObject['publicKey']): string | null {
  switch (key.algorithm) {
    case 'EC':
      return key.curve === 'P-256' || key.curve === 'P-384' ? null : `EC curve ${key.curve ?? 'unknown'} is not allowed (P-256 or P-384)`;
    case 'RSA':
      return key.size !== null && key.size >= MIN_RSA_BITS ? null : `RSA key of ${key.size ?? '?'} bits is too small (at least ${MIN_RSA_BITS})`;
    case 'Ed25519':
      return null;
    case 'Ed448':
    case 'DSA':
    case 'unknown':
      return `${key.algorithm === 'unknown' ? 'this' : key.algorithm} key type is not allowed (EC P-256/P-384, RSA ≥ ${MIN_RSA_BITS}, Ed25519)`;
  }
}

const keyLabel = (key: CsrObject['publicKey']): string =>
  key.algorithm === 'EC' ? `EC ${key.curve ?? ''}` : key.algorithm === 'RSA' ? `RSA ${key.size ?? '?'}` : key.algorithm;

/** Judges a described CSR against the device profile's extensions. */
export function checkCsr(csr: CsrObject, profile: readonly ProfileExtension[]): CsrVerdict {
  if (!csr.signatureValid) return { ok: false, message: 'the CSR signature does not verify: the request was altered or its key does not match' };
  const cn = csr.commonName;
  if (cn === null) return { ok: false, message: 'the CSR subject has no CN: the CN must be the device id' };
  const id = z.safeParse(CaIssueDeviceInputSchema.shape.deviceId, cn);
  if (!id.success) return { ok: false, message: `the CSR's CN "${cn.slice(0, 140)}" is not a device id (letters, digits and . _ : - (no spaces), up to 128)` };
  const problem = keyProblem(csr.publicKey);
  if (problem !== null) return { ok: false, message: `the CSR's key: ${problem}` };
  const issued = new Map(profile.map((e) => [e.oid, e.valueHex]));
  const droppedExtensions = csr.extensions.filter((e) => issued.get(e.oid) !== e.valueHex).map((e) => e.name);
  const others = csr.subject.split(/(?<!\\),/).filter((rdn) => rdn !== `CN=${cn}`);
  return { ok: true, deviceId: cn, keyLabel: keyLabel(csr.publicKey), droppedExtensions, droppedSubject: others.length > 0 ? others.join(',') : null };
}
