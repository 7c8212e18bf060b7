import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import { CommandFailure } from '../../../../shared/ipc/errors';
import type { KeyAlgorithm } from '../../../../shared/model/ca';
import { algorithm, items, octets, oid, parseBer } from '../../pki/asn1';

/**
 * Turns decrypted PKCS#8 into the non-extractable WebCrypto signing key the CA uses. The
 * algorithm is read from the key itself (not from metadata that could drift from it), and
 * RSA signs with RSASSA-PKCS1-v1_5/SHA-256: what CA certificates and CRLs commonly carry.
 */

const KEY_OIDS = {
  ec: '1.2.840.10045.2.1',
  rsa: '1.2.840.113549.1.1.1',
  ed25519: '1.3.101.112',
} as const;
const CURVES: Readonly<Record<string, KeyAlgorithm>> = {
  '1.2.840.10045.3.1.7': 'ec-p256',
  '1.3.132.0.34': 'ec-p384',
};
const MIN_RSA_BITS = 2048;

function rsaBits(privateKey: Uint8Array): number {
  const [, modulus] = items(parseBer(privateKey, 'RSAPrivateKey'), 'RSAPrivateKey', 2);
  if (!(modulus instanceof asn1js.Integer)) return 0;
  const bytes = modulus.valueBlock.valueHexView;
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  const first = bytes[start] ?? 0;
  return first === 0 ? 0 : (bytes.length - start - 1) * 8 + (32 - Math.clz32(first));
}

/**
 * The vault's name for the key in `pkcs8` ('rsa-3072' stands for RSA of 2048 bits or more,
 * so imported CAs with other sizes fit), or a failure naming what was found instead.
 */
export function keyAlgorithmOf(pkcs8: Uint8Array): KeyAlgorithm {
  let found: string;
  try {
    const [, algNode, keyNode] = items(parseBer(pkcs8, 'PrivateKeyInfo'), 'PrivateKeyInfo', 3);
    const alg = algorithm(algNode, 'private key algorithm');
    if (alg.oid === KEY_OIDS.ed25519) return 'ed25519';
    if (alg.oid === KEY_OIDS.ec) {
      const curve = oid(alg.params, 'EC curve');
      const known = CURVES[curve];
      if (known) return known;
      found = `an EC key on curve ${curve}`;
    } else if (alg.oid === KEY_OIDS.rsa) {
      const bits = rsaBits(octets(keyNode, 'RSA private key'));
      if (bits >= MIN_RSA_BITS) return 'rsa-3072';
      found = `a ${bits}-bit RSA key`;
    } else {
      found = `a key of type ${alg.oid}`;
    }
  } catch {
    throw new CommandFailure('INVALID_INPUT', 'the CA key is not a readable PKCS#8 private key');
  }
  throw new CommandFailure('INVALID_INPUT', `the CA key is ${found}; the vault holds EC P-256/P-384, RSA (2048 bits or more) and Ed25519 keys`);
}

/** WebCrypto import parameters for each vault algorithm. */
export function importParams(alg: KeyAlgorithm): webcrypto.AlgorithmIdentifier | webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams {
  switch (alg) {
    case 'ec-p256':
      return { name: 'ECDSA', namedCurve: 'P-256' };
    case 'ec-p384':
      return { name: 'ECDSA', namedCurve: 'P-384' };
    case 'rsa-3072':
      return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    case 'ed25519':
      return { name: 'Ed25519' };
    default: {
      const unreachable: never = alg;
      throw new Error(`unknown key algorithm ${String(unreachable)}`);
    }
  }
}

/** Imports `pkcs8` as a non-extractable signing key. The caller still owns (and zeroes) the bytes. */
export async function importSigningKey(pkcs8: Uint8Array, alg: KeyAlgorithm = keyAlgorithmOf(pkcs8)): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', pkcs8, importParams(alg), false, ['sign']);
}
