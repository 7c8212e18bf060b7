import { EKU, ekuName } from '../oids';
import type { Certificate } from './cert';
import { type Failure, describe, failure, sentence } from './failure';
import { peerNameMatches } from './peer-name';
import type { ValidationInput } from './types';

/**
 * What the end entity must allow for the job at hand: the extended key usage of its role
 * (device = TLS client, proxy = TLS server) and, when asked, the peer name in its SANs.
 */



/** The EKU OIDs a role needs from the leaf. */
export function requiredEkus(input: Pick<ValidationInput, 'role' | 'requiredEku'>): readonly string[] {
  if (input.requiredEku) return input.requiredEku;
  switch (input.role) {
    case 'device':
      return [EKU.clientAuth];
    case 'proxy':
      return [EKU.serverAuth];
    case 'any':
      return [];
  }
}

/** EKU for the role, then the expected peer name; the first problem or null. */
export function leafChecks(leaf: Certificate, input: ValidationInput): Failure | null {
  const who = describe(leaf, 'leaf');
  const eku = leaf.ext?.extKeyUsage ?? null;
  if (eku !== null && !eku.includes(EKU.anyExtendedKeyUsage)) {
    const missing = requiredEkus(input).find((oid) => !eku.includes(oid));
    if (missing) {
      const purpose = input.requiredEku ? (ekuName(missing)) : input.role === 'device' ? 'clientAuth (a device certificate)' : 'serverAuth (a proxy certificate)';
      const has = eku.map(ekuName).join(', ');
      return failure('eku.role-mismatch', `${sentence(who)} is not allowed for ${purpose}: its extendedKeyUsage is ${has}.`, 0);
    }
  }
  const peer = input.expectedPeerName;
  if (peer && !peerNameMatches(leaf, peer)) {
    return failure('peer-name.mismatch', `${sentence(who)} does not name ${peer.kind} ${peer.value} in its subjectAltName.`, 0);
  }
  return null;
}
