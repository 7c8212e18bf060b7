import { createHmac, timingSafeEqual } from 'node:crypto';
import type * as asn1js from 'asn1js';
import { PkiFailure, algorithm, items, octets, smallInt } from './asn1';
import { digestLength, pkcs12Kdf, type DigestName, type WorkBudget } from './kdf';

/**
 * The PKCS#12 integrity check (RFC 7292 §4, MacData): HMAC keyed by the PKCS#12 KDF (ID 3).
 * Checked before anything is decrypted, so a wrong passphrase is reported as exactly that.
 */

const MAC_DIGESTS: Readonly<Record<string, DigestName>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const PBMAC1 = '1.2.840.113549.1.5.14';

/** What the MAC used, for findings such as "SHA-1 MAC" or "only 1 iteration". */
export interface MacInfo {
  readonly digest: DigestName;
  readonly iterations: number;
}

/** MacData as read: the expected MAC and its KDF inputs (all public). */
export interface MacParams extends MacInfo {
  readonly expected: Uint8Array;
  readonly salt: Uint8Array;
}

/** Reads MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }. */
export function readMacData(node: asn1js.AsnType): MacParams {
  const [digestInfo, saltNode, iterNode] = items(node, 'MacData', 2);
  const [algNode, digestNode] = items(digestInfo, 'MacData digest', 2);
  const alg = algorithm(algNode, 'MacData digest algorithm');
  if (alg.oid === PBMAC1) {
    throw new PkiFailure('UNSUPPORTED', 'this PKCS#12 uses a PBMAC1 (RFC 9579) MAC, which this console does not check yet; re-export with `openssl pkcs12 -export -macalg sha256`');
  }
  const digest = MAC_DIGESTS[alg.oid];
  if (!digest) throw new PkiFailure('UNSUPPORTED', `this PKCS#12's MAC uses digest ${alg.oid}, which is not supported; re-export with \`-macalg sha256\``);
  const iterations = iterNode === undefined ? 1 : smallInt(iterNode, 'MacData iterations');
  return { digest, iterations, expected: octets(digestNode, 'MacData digest value'), salt: octets(saltNode, 'MacData salt') };
}

/**
 * Tries each encoded passphrase candidate against the MAC over `content` (the authSafe
 * octets) and returns the index of the one that matches, or -1 when none does.
 */
export function matchMac(mac: MacParams, content: Uint8Array, candidates: readonly Uint8Array[], budget: WorkBudget): number {
  const size = digestLength(mac.digest);
  if (mac.expected.length !== size) throw new PkiFailure('MALFORMED', `MAC value is ${mac.expected.length} bytes; ${mac.digest} gives ${size}`);
  for (let i = 0; i < candidates.length; i++) {
    const key = pkcs12Kdf(mac.digest, candidates[i] as Uint8Array, mac.salt, 3, mac.iterations, size, budget);
    const actual = createHmac(mac.digest, key).update(content).digest();
    key.fill(0);
    if (timingSafeEqual(actual, mac.expected)) return i;
  }
  return -1;
}
