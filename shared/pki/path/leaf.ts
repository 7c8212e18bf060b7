import type { Certificate } from './cert';
import { type Failure, describe, failure, sentence } from './failure';
import { peerNameMatches } from './peer-name';
import type { ValidationInput } from './types';

/**
 * What the end entity must allow for the job at hand: the extended key usage of its role
 * (device = TLS client, proxy = TLS server) and, when asked, the peer name in its SANs.
 */

export const EKU = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  any: '2.5.29.37.0',
} as const;

const EKU_NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(EKU).map(([k, v]) => [v, k]));

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
  if (eku !== null && !eku.includes(EKU.any)) {
    const missing = requiredEkus(input).find((oid) => !eku.includes(oid));
    if (missing) {
      const purpose = input.requiredEku ? (EKU_NAMES[missing] ?? missing) : input.role === 'device' ? 'clientAuth (a device certificate)' : 'serverAuth (a proxy certificate)';
      const has = eku.map((o) => EKU_NAMES[o] ?? o).join(', ');
      return failure('eku.role-mismatch', `${sentence(who)} is not allowed for ${purpose}: its extendedKeyUsage is ${has}.`, 0);
    }
  }
  const peer = input.expectedPeerName;
  if (peer && !peerNameMatches(leaf, peer)) {
    return failure('peer-name.mismatch', `${sentence(who)} does not name ${peer.kind} ${peer.value} in its subjectAltName.`, 0);
  }
  return null;
}
