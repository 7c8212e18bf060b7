import { createPrivateKey, type PrivateKeyInput } from 'node:crypto';
import { PkiFailure } from './asn1';
import { publicKeyOf, type PublicKeyRead } from './public-info';

/**
 * The one place a private key is turned into a KeyObject: inside a function that returns only
 * public information, so no caller can hold on to the private half.
 */

const KEY_ALGORITHMS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10045.2.1': 'EC',
  '1.2.840.10040.4.1': 'DSA',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

/** A readable name for a key algorithm OID (the OID itself when unknown). */
export const keyAlgorithmName = (oid: string): string => KEY_ALGORITHMS[oid] ?? `OID ${oid}`;

/** Node's error code (`ERR_OSSL_BAD_DECRYPT`, …) without exposing anything else of the error. */
export function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

/** OpenSSL's short reason ("bad decrypt", "unsupported"): safe to show, never contains key bytes. */
export function errorReason(error: unknown): string {
  if (error instanceof Error && 'reason' in error && typeof error.reason === 'string') return error.reason;
  return error instanceof Error ? error.message.replace(/^error:[0-9A-F]+:[^:]*::?/, '').slice(0, 120) : 'unknown error';
}

/**
 * Parses a private key with node:crypto and returns only its public information. The caller
 * owns `input.key` and zeroes it. `algorithmOid` (when the structure was readable) lets an
 * algorithm this build cannot load be reported as UNSUPPORTED rather than MALFORMED.
 */
export function publicFromPrivate(input: PrivateKeyInput, what: string, algorithmOid: string | null): PublicKeyRead {
  try {
    return publicKeyOf(createPrivateKey(input));
  } catch (error) {
    if (error instanceof PkiFailure) throw error;
    const reason = errorReason(error);
    if (algorithmOid !== null && (/unsupported/i.test(reason) || errorCode(error) === 'ERR_OSSL_UNSUPPORTED')) {
      throw new PkiFailure('UNSUPPORTED', `${what}: ${keyAlgorithmName(algorithmOid)} keys are not supported by this build's crypto library`);
    }
    throw new PkiFailure('MALFORMED', `${what} is not a valid private key (${reason})`);
  }
}
