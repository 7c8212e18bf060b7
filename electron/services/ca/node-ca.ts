import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventSink } from '../../../shared/ipc/types';
import { writeAtomic } from '../fs/atomic-write';
import { createAuditLog } from './audit-log';
import type { CaFs } from './deps';
import type { CaService } from './service-types';
import { createCaModule } from './service';
import type { CaSettingsInput } from './store-types';
import { createVault, type SafeStoragePort } from './vault/vault';

/** Locks the vault after this much inactivity unless the host says otherwise. */
export const DEFAULT_IDLE_LOCK_SECONDS = 15 * 60;

export const nodeCaFs: CaFs = {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, data, mode) => writeAtomic(path, data, { mode, owner: null }),
  mkdir: async (path, mode) => {
    // Only a directory this call creates gets `mode`; an operator's existing folder keeps its own.
    if ((await mkdir(path, { recursive: true, mode })) !== undefined) await chmod(path, mode);
  },
};

/** Unref'd, so a pending idle lock never keeps a CLI run (or a test) alive. */
const unrefTimers = {
  setTimeout: (fn: () => void, ms: number): unknown => setTimeout(fn, ms).unref(),
  clearTimeout: (handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface NodeCaOptions {
  readonly dataDir: string;
  readonly events: EventSink;
  /** Electron main passes its safeStorage adapter; Node hosts (web, CLI) have none. */
  readonly safeStorage?: SafeStoragePort | null;
  readonly idleLockSeconds?: number;
  readonly settings?: CaSettingsInput;
  readonly clock?: () => Date;
}

/**
 * The CA service on Node adapters: `<dataDir>/ca/` for metadata and CRLs, `<dataDir>/ca/vault`
 * for keys, `<dataDir>/ca/audit.jsonl` for the log. Nothing touches the disk until a command runs.
 */
export function createNodeCaService(options: NodeCaOptions): CaService {
  const dir = join(options.dataDir, 'ca');
  const clock = options.clock ?? ((): Date => new Date());
  let vaultChanged: () => void = () => undefined;
  const vault = createVault({
    dir: join(dir, 'vault'),
    clock,
    timers: unrefTimers,
    safeStorage: options.safeStorage ?? null,
    idleLockSeconds: options.idleLockSeconds ?? DEFAULT_IDLE_LOCK_SECONDS,
    onChange: () => vaultChanged(),
  });
  const { service, changed } = createCaModule({
    dir,
    fs: nodeCaFs,
    clock,
    random: (size) => new Uint8Array(randomBytes(size)),
    vault,
    audit: createAuditLog({ path: join(dir, 'audit.jsonl'), clock }),
    events: options.events,
    ...(options.settings ? { settings: options.settings } : {}),
  });
  vaultChanged = () => void changed();
  return service;
}
