import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { createNodeCertificateService } from '../../electron/services/certificates/node-certificates';
import { median } from './median';

const run = promisify(execFile);

/**
 * `npm run bench` case: the bundle analysis as the running app does it (the main process or
 * the web host, already started), against the same openssl pipeline. This is the time an
 * operator waits after dropping the file on the Certificates screen.
 */
export async function benchBundleInProcess(rounds: number, bundle: string): Promise<string> {
  // The app's own composition; the data dir only locates the device CA, which inspect never reads.
  const service = createNodeCertificateService(tmpdir());
  const once = async () => {
    const result = await service.inspect({ sources: [{ kind: 'path', path: bundle }], role: 'any', deviceId: null, expiryWindowDays: 30 });
    if (result.objects.length < 100) throw new Error(`in-process inspect read only ${result.objects.length} objects`);
  };
  await once();
  const ours = await median(rounds, once);
  const theirs = await median(rounds, () => run('sh', ['-c', `openssl crl2pkcs7 -nocrl -certfile ${bundle} | openssl pkcs7 -print_certs -text -noout`], { maxBuffer: 64 * 1024 * 1024 }));
  return `system CA bundle, in the running app (warm service): ${ours.toFixed(1)} ms vs openssl pipeline ${theirs.toFixed(1)} ms, ratio ${(ours / theirs).toFixed(2)}x`;
}
