import { createSecureContext } from 'node:tls';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { TlsIdentity } from './target';

export interface ProbeFs {
  readFile(path: string): Promise<Uint8Array>;
}

export type FileResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function why(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return err instanceof Error ? err.message : String(err);
}

export async function readText(fs: ProbeFs, path: string): Promise<FileResult<string>> {
  try {
    return { ok: true, value: new TextDecoder('utf-8').decode(await fs.readFile(path)) };
  } catch (err) {
    return { ok: false, message: `cannot read ${path}: ${why(err)}` };
  }
}

/** The trust file is the one hard failure: without it no result would mean anything. */
export async function readTrust(fs: ProbeFs, path: string): Promise<string> {
  const text = await readText(fs, path);
  if (!text.ok) throw new CommandFailure('UNREADABLE_FILE', `The profile's CA file is unusable: ${text.message}.`);
  if (!text.value.includes('-----BEGIN CERTIFICATE-----')) {
    throw new CommandFailure('UNREADABLE_FILE', `The profile's CA file ${path} holds no PEM certificate.`);
  }
  return text.value;
}

/**
 * Reads a certificate + key pair and lets OpenSSL load them once, so an encrypted key or a key
 * for another certificate is reported as such rather than as a failed handshake.
 */
export async function readIdentity(fs: ProbeFs, certPath: string, keyPath: string): Promise<FileResult<TlsIdentity>> {
  const [cert, key] = await Promise.all([readText(fs, certPath), readText(fs, keyPath)]);
  if (!cert.ok) return cert;
  if (!key.ok) return key;
  try {
    createSecureContext({ cert: cert.value, key: key.value });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, message: `${certPath} and ${keyPath} cannot be used together: ${message}` };
  }
  return { ok: true, value: { cert: cert.value, key: key.value } };
}
