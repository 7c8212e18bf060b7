import { trustedCas } from '../../../shared/ca/rotation';
import type { CaFs } from './deps';
import { certDer } from './overview';
import { createCaStore } from './store';

/**
 * The device CA certificates a proxy should trust right now (the active CAs and, during a
 * rotation overlap, the previous ones), as DER: what cert.verify's 'device-ca' trust selection
 * means. Reads `<dataDir>/ca/cas.json` only; no key, no unlock needed.
 */
export async function deviceCaTrust(fs: CaFs, caDir: string, now: Date): Promise<Uint8Array[]> {
  const file = await createCaStore(fs, caDir).loadCas();
  return trustedCas(file.cas, now).map((ca) => certDer(ca.certPem));
}
