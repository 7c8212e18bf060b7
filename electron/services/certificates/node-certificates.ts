import { readFile, readFileSync, stat, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { KeyReader } from '../../../shared/pki/inspect';
import { nodeBytes } from '../pki/node-bytes';
import { createCertificateService, type CertificateService } from './service';
import { SYSTEM_TRUST_BUNDLE } from './system-trust';
import type { SourceFs } from './sources';


/**
 * How certificate files are read. The app and the web host must not stall their event loop,
 * so they read on the thread pool; a CLI run does one thing and reads in place, without
 * starting the pool's threads for two calls.
 */
export type FileReads = 'background' | 'blocking';

// The callback API, promisified: node:fs/promises loads readline and file-watcher internals,
// 1.5 ms of every CLI start, for two calls.
const readFileAsync = promisify(readFile);
const statAsync = promisify(stat);

function sourceFs(reads: FileReads): SourceFs {
  switch (reads) {
    case 'background':
      return { readFile: async (p) => new Uint8Array(await readFileAsync(p)), stat: (p) => statAsync(p) };
    case 'blocking':
      return { readFile: async (p) => new Uint8Array(readFileSync(p)), stat: async (p) => statSync(p) };
  }
}

/**
 * The key and PKCS#12 readers (and asn1js behind them) load with the first key a file holds:
 * most inspections are certificates only.
 */
function lazyKeyReader(): KeyReader {
  const reader = async (): Promise<KeyReader> => (await import('../pki/key-reader')).createNodeKeyReader();
  return {
    readPrivateKey: async (block, passphrase) => (await reader()).readPrivateKey(block, passphrase),
    readPkcs12: async (block, passphrase) => (await reader()).readPkcs12(block, passphrase),
  };
}

/** The Certificates service on the real file system; the device CA's trust is read from `<dataDir>/ca`. */
export function createNodeCertificateService(dataDir: string, reads: FileReads = 'background'): CertificateService {
  return createCertificateService({
    fs: sourceFs(reads),
    clock: () => new Date(),
    keys: lazyKeyReader(),
    bytes: nodeBytes,
    systemTrustPath: SYSTEM_TRUST_BUNDLE,
    deviceCaTrust: async () => {
      const [{ deviceCaTrust }, { nodeCaFs }] = await Promise.all([import('../ca/trust'), import('../ca/node-ca')]);
      return deviceCaTrust(nodeCaFs, join(dataDir, 'ca'), new Date());
    },
  });
}
