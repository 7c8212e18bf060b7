import type { EventSink } from '../../../shared/ipc/types';
import type { AuditLog } from './audit-log';
import type { CaSettingsInput } from './store-types';
import type { Vault } from './vault/vault';

/** The file operations the CA needs; Node's adapter is in node-ca.ts, tests may pass their own. */
export interface CaFs {
  /** Rejects with an error whose `code` is 'ENOENT' when the file is missing. */
  readFile(path: string): Promise<Uint8Array>;
  /** Atomic replace (temp file, fsync, rename); the file has `mode` before it becomes visible. */
  writeFile(path: string, data: string | Uint8Array, mode: number): Promise<void>;
  /** Creates the directory and its parents; the last one ends with exactly `mode`. */
  mkdir(path: string, mode: number): Promise<void>;
}

export interface CaDeps {
  /** `<dataDir>/ca`: cas.json, inventory.json, crl/ (the vault and the audit log are the caller's). */
  readonly dir: string;
  readonly fs: CaFs;
  readonly clock: () => Date;
  /** Cryptographically random bytes (serials, CA ids). */
  readonly random: (size: number) => Uint8Array;
  readonly vault: Vault;
  readonly audit: AuditLog;
  readonly events: EventSink;
  /** Host defaults (crlUrl, ocspUrl, windows); cas.json's `settings` override them. */
  readonly settings?: CaSettingsInput;
}
