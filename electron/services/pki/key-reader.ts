import type { KeyObjectSummary, ReadError } from '../../../shared/model/pki';
import type { KeyReader } from '../../../shared/pki/inspect';
import type { InputBlock } from '../../../shared/pki/read-input';
import { readPkcs12 } from './pkcs12';
import { readPrivateKey } from './private-key';

/**
 * The main process's KeyReader for `inspect`: adapts readPrivateKey/readPkcs12 to input
 * blocks and the shared model, so only public key facts cross into shared code.
 */

const LABELS: Readonly<Record<string, string>> = {
  pkcs8: 'PRIVATE KEY',
  'encrypted-pkcs8': 'ENCRYPTED PRIVATE KEY',
  sec1: 'EC PRIVATE KEY',
  pkcs1: 'RSA PRIVATE KEY',
};

/** A KeyReader over node:crypto and the in-process PKCS#12 parser (plain Node; no Electron APIs). */
export function createNodeKeyReader(): KeyReader {
  return {
    async readPrivateKey(block: InputBlock, passphrase: string | undefined): Promise<KeyObjectSummary | ReadError> {
      const label = LABELS[block.kind];
      if (!label) return { source: block.source, message: `object ${block.source.index + 1} is not a private key` };
      const read = readPrivateKey({ label, der: block.der, blockNumber: block.source.index + 1, ...(block.pemText !== undefined && { pemText: block.pemText }) }, passphrase);
      if (!read.ok) return { source: block.source, message: read.message };
      return { kind: 'key', source: block.source, format: read.format, publicKey: read.publicKey, findings: [] };
    },
    async readPkcs12(block: InputBlock, passphrase: string | undefined): Promise<{ certificates: Uint8Array[]; keys: KeyObjectSummary[] } | ReadError> {
      const name = `PKCS#12 object ${block.source.index + 1}`;
      const read = readPkcs12(block.der, passphrase ?? '', { name });
      if (!read.ok) return { source: block.source, message: read.message };
      return {
        certificates: read.certificates.map((c) => c.der),
        keys: read.keys.map((k) => ({ kind: 'key', source: block.source, format: 'pkcs12', publicKey: k.publicKey, findings: [] })),
      };
    },
  };
}
