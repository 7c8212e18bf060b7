import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { CommandFailure } from '../../../../shared/ipc/errors';
import { MAX_PBKDF2_ITERATIONS } from '../../pki/kdf';
import { VAULT_PBKDF2_ITERATIONS } from './pkcs8-encrypt';

/**
 * vault.json: the format version and a passphrase verifier, so a wrong passphrase is refused
 * before any key is touched. The verifier is PBKDF2-HMAC-SHA256 with its own salt at the same
 * work factor as the keys: guessing against it is no cheaper than guessing against a key file.
 * The passphrase itself is never stored.
 */

export interface VaultMeta {
  readonly version: 1;
  readonly createdAt: string;
  readonly check: {
    readonly kdf: 'pbkdf2-hmac-sha256';
    readonly iterations: number;
    readonly salt: string;
    readonly verifier: string;
  };
}

const derive = promisify(pbkdf2);

export async function createMeta(passphrase: Uint8Array, now: Date): Promise<VaultMeta> {
  const salt = randomBytes(16);
  const verifier = await derive(passphrase, salt, VAULT_PBKDF2_ITERATIONS, 32, 'sha256');
  return {
    version: 1,
    createdAt: now.toISOString(),
    check: { kdf: 'pbkdf2-hmac-sha256', iterations: VAULT_PBKDF2_ITERATIONS, salt: salt.toString('base64'), verifier: verifier.toString('base64') },
  };
}

/** Whether `passphrase` (UTF-8 bytes) is the vault's. */
export async function verifyPassphrase(meta: VaultMeta, passphrase: Uint8Array): Promise<boolean> {
  const expected = Buffer.from(meta.check.verifier, 'base64');
  const actual = await derive(passphrase, Buffer.from(meta.check.salt, 'base64'), meta.check.iterations, expected.length, 'sha256');
  return timingSafeEqual(actual, expected);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses vault.json, refusing anything that is not exactly what createMeta writes. */
export function parseMeta(text: string, path: string): VaultMeta {
  const bad = (why: string): CommandFailure => new CommandFailure('UNREADABLE_FILE', `${path} is damaged (${why}); restore it from a backup`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad('not JSON');
  }
  if (!isRecord(value) || value['version'] !== 1) throw bad('unknown format version');
  const check = value['check'];
  if (!isRecord(check) || check['kdf'] !== 'pbkdf2-hmac-sha256') throw bad('no passphrase check');
  const { iterations, salt, verifier } = check;
  if (typeof iterations !== 'number' || !Number.isSafeInteger(iterations) || iterations < VAULT_PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS) throw bad('bad iteration count');
  if (typeof salt !== 'string' || Buffer.from(salt, 'base64').length < 16) throw bad('bad salt');
  if (typeof verifier !== 'string' || Buffer.from(verifier, 'base64').length !== 32) throw bad('bad verifier');
  const createdAt = typeof value['createdAt'] === 'string' ? value['createdAt'] : '';
  return { version: 1, createdAt, check: { kdf: 'pbkdf2-hmac-sha256', iterations, salt, verifier } };
}
