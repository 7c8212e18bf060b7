import { join } from 'node:path';
import { toPem } from '../../../shared/pki/pem';
import type { CaFs } from './deps';
import { encryptPkcs8 } from './vault/pkcs8-encrypt';
import { writePkcs12 } from './vault/pkcs12-write';

/** How a generated key is handed out: encrypted PKCS#8 and/or PKCS#12, one passphrase. */
export interface KeyDelivery {
  readonly passphrase: string;
  readonly formats: readonly ('pkcs8' | 'pkcs12')[];
}

const pemChain = (ders: readonly Uint8Array[]): string => ders.map((d) => toPem(d, 'CERTIFICATE')).join('');

/** Device ids and server names become file names; anything else is replaced so a name cannot leave outDir. */
export function fileBase(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return safe.length > 0 ? safe.slice(0, 128) : 'certificate';
}

/** `<base>.pem` (the leaf) and `<base>-chain.pem` (leaf + issuing chain to the root), both public. */
export async function writeCertificateFiles(fs: CaFs, outDir: string, base: string, leaf: Uint8Array, chain: readonly Uint8Array[]): Promise<string[]> {
  await fs.mkdir(outDir, 0o700);
  const certPath = join(outDir, `${base}.pem`);
  const chainPath = join(outDir, `${base}-chain.pem`);
  await fs.writeFile(certPath, toPem(leaf, 'CERTIFICATE'), 0o644);
  await fs.writeFile(chainPath, pemChain([leaf, ...chain]), 0o644);
  return [certPath, chainPath];
}

/**
 * The one time a generated private key leaves memory: encrypted under the operator's
 * passphrase (600k PBKDF2 iterations), 0600 from the moment the file exists. The clear PKCS#8
 * is zeroed here whatever happens.
 */
export async function writeKeyFiles(
  fs: CaFs,
  outDir: string,
  base: string,
  pkcs8: Uint8Array,
  certificates: readonly Uint8Array[],
  delivery: KeyDelivery,
  friendlyName: string,
): Promise<string[]> {
  const written: string[] = [];
  try {
    await fs.mkdir(outDir, 0o700);
    if (delivery.formats.includes('pkcs8')) {
      const encrypted = await encryptPkcs8(pkcs8, delivery.passphrase);
      const keyPath = join(outDir, `${base}.key`);
      await fs.writeFile(keyPath, toPem(encrypted, 'ENCRYPTED PRIVATE KEY'), 0o600);
      written.push(keyPath);
    }
    if (delivery.formats.includes('pkcs12')) {
      const pfx = await writePkcs12({ keyPkcs8: pkcs8, certificates, passphrase: delivery.passphrase, friendlyName });
      const p12Path = join(outDir, `${base}.p12`);
      await fs.writeFile(p12Path, pfx, 0o600);
      written.push(p12Path);
    }
  } finally {
    pkcs8.fill(0);
  }
  return written;
}
