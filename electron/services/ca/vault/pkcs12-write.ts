import { X509Certificate, createHash, createPrivateKey, randomBytes } from 'node:crypto';
import { CommandFailure } from '../../../../shared/ipc/errors';
import { MAX_PKCS12_KDF_ITERATIONS } from '../../pki/kdf';
import { algorithmWithNull, bmpString, explicit, objectId, octetString, sequence, setOf, smallInteger as integer } from '../../../../shared/ca/der-writer';
import { pbes2Encrypt, vaultIterations } from './pkcs8-encrypt';
import { pkcs12MacSha256 } from './pkcs12-mac';

/**
 * Writes a PKCS#12 (PFX, RFC 7292) for a generated device or server key, in the shape
 * `openssl pkcs12 -export -certpbe NONE -macalg sha256` gives, at 600k iterations:
 * - the key in a pkcs8ShroudedKeyBag under PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC;
 * - the certificates in a plain `data` SafeContents. They are public, the MAC covers them,
 *   and every reader (OpenSSL 3, BoringSSL, Java, Windows, macOS) accepts that form;
 *   encrypting them would only add a second 600k derivation;
 * - MAC HMAC-SHA256 keyed by the PKCS#12 KDF.
 * The leaf (first certificate) and the key share localKeyId (SHA-1 of the leaf, as OpenSSL
 * sets it) and friendlyName, which is how key stores pair them.
 */

const OIDS = {
  data: '1.2.840.113549.1.7.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

export interface Pkcs12Input {
  readonly keyPkcs8: Uint8Array;
  /** The leaf first (it pairs with the key), then its chain. */
  readonly certificates: readonly Uint8Array[];
  readonly passphrase: string;
  readonly friendlyName: string;
  readonly iterations?: number;
}

const bytesView = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Refuses a key that is not the leaf's: a PFX that pairs them wrongly fails only later, in a TLS handshake. */
function checkPair(keyPkcs8: Uint8Array, leaf: Uint8Array): void {
  let matches: boolean;
  try {
    matches = new X509Certificate(bytesView(leaf)).checkPrivateKey(createPrivateKey({ key: bytesView(keyPkcs8), format: 'der', type: 'pkcs8' }));
  } catch {
    throw new CommandFailure('INVALID_INPUT', 'the PKCS#12 input is not a PKCS#8 private key and an X.509 certificate');
  }
  if (!matches) throw new CommandFailure('INVALID_INPUT', "the private key does not belong to the first certificate (the leaf); the PKCS#12 would be unusable");
}

const attribute = (oid: string, value: Uint8Array): Uint8Array => sequence(objectId(oid), setOf(value));

/** ContentInfo of type data around DER content. */
const dataContent = (content: Uint8Array): Uint8Array => sequence(objectId(OIDS.data), explicit(0, octetString(content)));

/** PFX: key in a shrouded key bag, certificates in a cert bag, SHA-256 MAC, localKeyId and friendlyName on the pair. */
export async function writePkcs12(input: Pkcs12Input): Promise<Uint8Array> {
  const iterations = vaultIterations(input.iterations);
  if (iterations > MAX_PKCS12_KDF_ITERATIONS) {
    throw new CommandFailure('INVALID_INPUT', `PKCS#12 MAC iterations above ${MAX_PKCS12_KDF_ITERATIONS.toLocaleString('en-US')} would be refused by the console's own reader`);
  }
  if (input.passphrase === '') throw new CommandFailure('INVALID_INPUT', 'an empty passphrase cannot protect a PKCS#12 file');
  if (input.friendlyName.length > 256) throw new CommandFailure('INVALID_INPUT', 'the PKCS#12 friendly name is longer than 256 characters');
  const [leaf, ...chain] = input.certificates;
  if (leaf === undefined) throw new CommandFailure('INVALID_INPUT', 'a PKCS#12 needs the certificate that goes with the key');
  checkPair(input.keyPkcs8, leaf);

  const localKeyId = createHash('sha1').update(leaf).digest();
  const attrs = setOf(
    attribute(OIDS.localKeyId, octetString(localKeyId)),
    ...(input.friendlyName === '' ? [] : [attribute(OIDS.friendlyName, bmpString(input.friendlyName))]),
  );
  const certBag = (der: Uint8Array, withAttrs: boolean): Uint8Array =>
    sequence(objectId(OIDS.certBag), explicit(0, sequence(objectId(OIDS.x509Certificate), explicit(0, octetString(der)))), ...(withAttrs ? [attrs] : []));
  const certs = sequence(certBag(leaf, true), ...chain.map((der) => certBag(der, false)));

  const utf8 = Buffer.from(input.passphrase, 'utf8');
  // PBES2 inside PKCS#12 takes the passphrase as UTF-8 (OpenSSL 3); only the MAC KDF uses BMPString.
  const shrouded = await pbes2Encrypt(input.keyPkcs8, utf8, iterations).finally(() => utf8.fill(0));
  const keyBag = sequence(objectId(OIDS.shroudedKeyBag), explicit(0, sequence(shrouded.algorithm, octetString(shrouded.ciphertext))), attrs);
  const authSafe = sequence(dataContent(certs), dataContent(sequence(keyBag)));

  const macSalt = randomBytes(16);
  const mac = await pkcs12MacSha256(authSafe, input.passphrase, macSalt, iterations);
  const macData = sequence(sequence(algorithmWithNull(OIDS.sha256), octetString(mac)), octetString(macSalt), integer(iterations));
  return sequence(integer(3), dataContent(authSafe), macData);
}
