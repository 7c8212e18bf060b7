import type { ReferencedFileCheck } from '../../../shared/model/nginx';
import type { Finding, KeyObjectSummary } from '../../../shared/model/pki';
import { keyLabel, stateOf, unreadCheck, type FileBytes } from '../../../shared/nginx/file-checks';
import { DEFAULT_EXPIRY_WINDOW_DAYS } from '../../../shared/pki/findings';
import { inspect, type InspectInput, type KeyReader } from '../../../shared/pki/inspect';
import { checkKeyFileMode } from '../pki/key-file-mode';
import type { NginxFs } from './fs';

export interface KeyCheckDeps {
  readonly fs: NginxFs;
  readonly keys: KeyReader;
}

/**
 * `ssl_certificate_key`: the key is read here in the main process only, and paired with the
 * certificate by `inspect`, the same public-key comparison the Certificates area makes. nginx
 * refuses to start with a mismatched pair, and cannot load an encrypted key without ssl_password_file.
 */
export async function checkTlsKey(deps: KeyCheckDeps, field: string, path: string, key: FileBytes, certPath: string, cert: FileBytes, now: Date): Promise<ReferencedFileCheck> {
  if (key.state !== 'read') return unreadCheck(field, path, key);
  const inputs: InspectInput[] = [{ file: path, bytes: key.bytes }];
  if (cert.state === 'read') inputs.push({ file: certPath, bytes: cert.bytes });
  const result = await inspect(inputs, { role: 'proxy', deviceId: null, now, expiryWindowDays: DEFAULT_EXPIRY_WINDOW_DAYS, keys: deps.keys });
  const found = result.objects.filter((o): o is KeyObjectSummary => o.kind === 'key' && o.source.file === path);
  const findings: Finding[] = result.errors
    .filter((e) => e.source.file === path)
    .map((e) => ({ id: 'key.unreadable', severity: 'error', message: e.message, fix: 'nginx needs the key unencrypted (or ssl_password_file); point ssl_certificate_key at the PEM private key.' }));
  const mismatch = result.findings.filter((f) => f.id === 'key.mismatch');
  findings.push(...mismatch);
  const info = await deps.fs.info(path);
  const mode = info?.kind === 'file' ? checkKeyFileMode({ mode: info.mode, uid: info.uid }, path) : null;
  if (mode) findings.push(mode);
  const first = found[0];
  if (!first) {
    if (findings.length === 0) findings.push({ id: 'file.no-key', severity: 'error', message: `${path} holds no private key`, fix: 'Point ssl_certificate_key at the private key of the server certificate.' });
    return { field, path, state: 'error', summary: 'No readable private key in this file.', findings };
  }
  let pairing = 'not compared: the certificate is not available here';
  if (cert.state === 'read') pairing = mismatch.length > 0 ? 'does NOT match the certificate' : 'matches the certificate';
  else findings.push({ id: 'key.match-unchecked', severity: 'info', message: `the certificate ${certPath} was not read, so the pairing is not checked`, fix: 'Check again where the certificate is present.' });
  return { field, path, state: stateOf(findings), summary: `${keyLabel(first.publicKey)} private key, ${pairing}`, findings };
}
