import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createNodeKeyReader } from '../pki/key-reader';
import { nodeBytes } from '../pki/node-bytes';
import { createCertificateService, type CertificateService } from './service';
import { SYSTEM_TRUST_BUNDLE } from './system-trust';


/** The Certificates service on the real file system; the device CA's trust is read from `<dataDir>/ca`. */
export function createNodeCertificateService(dataDir: string): CertificateService {
  return createCertificateService({
    fs: { readFile: async (p) => new Uint8Array(await readFile(p)), stat: (p) => stat(p) },
    clock: () => new Date(),
    keys: createNodeKeyReader(),
    bytes: nodeBytes,
    systemTrustPath: SYSTEM_TRUST_BUNDLE,
    deviceCaTrust: async () => {
      const [{ deviceCaTrust }, { nodeCaFs }] = await Promise.all([import('../ca/trust'), import('../ca/node-ca')]);
      return deviceCaTrust(nodeCaFs, join(dataDir, 'ca'), new Date());
    },
  });
}
