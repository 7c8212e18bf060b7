import { join } from 'node:path';
import { z } from '../../../shared/ipc/zod';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { CaFs } from './deps';
import { CasFileSchema, InventoryFileSchema, type CasFile, type InventoryFile } from './store-types';

/** Where everything of the CA lives under `<dataDir>/ca`. */
export function caPaths(dir: string) {
  return {
    dir,
    cas: join(dir, 'cas.json'),
    inventory: join(dir, 'inventory.json'),
    crlDir: join(dir, 'crl'),
    crl: (caId: string) => join(dir, 'crl', `${caId}.crl.pem`),
    combinedCrl: join(dir, 'crl', 'combined.crl.pem'),
  };
}
export type CaPaths = ReturnType<typeof caPaths>;

const isMissing = (err: unknown): boolean => err instanceof Error && 'code' in err && err.code === 'ENOENT';

/** The bytes last read or written per file and what they parsed to: an unchanged file is not parsed and validated again. */
type ParseCache = Map<string, { readonly bytes: Uint8Array; readonly value: unknown }>;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

async function loadJson<S extends z.ZodMiniType>(fs: CaFs, cache: ParseCache, path: string, schema: S, empty: z.output<S>): Promise<z.output<S>> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (err) {
    if (isMissing(err)) return empty;
    throw new CommandFailure('UNREADABLE_FILE', `${path} could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
  const hit = cache.get(path);
  if (hit && sameBytes(hit.bytes, bytes)) return hit.value as z.output<S>;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new CommandFailure('UNREADABLE_FILE', `${path} is not valid JSON: restore it from a backup`);
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) throw new CommandFailure('UNREADABLE_FILE', `${path} is damaged: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
  cache.set(path, { bytes, value: parsed.data });
  return parsed.data;
}

/**
 * Reads and writes cas.json and inventory.json: 0600 files, atomic replace, in a 0700 directory.
 * Loaded values are shared with the cache: callers build new objects, never mutate them.
 */
export interface CaStore {
  readonly paths: CaPaths;
  loadCas(): Promise<CasFile>;
  saveCas(file: CasFile): Promise<void>;
  loadInventory(): Promise<InventoryFile>;
  saveInventory(file: InventoryFile): Promise<void>;
  /** Creates `<dataDir>/ca` (0700) and its crl/ folder. */
  ensureDirs(): Promise<void>;
  /** Runs read-modify-write sequences one at a time (the screen, the idle timer and the CLI may overlap). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

export function createCaStore(fs: CaFs, dir: string): CaStore {
  const paths = caPaths(dir);
  let tail: Promise<unknown> = Promise.resolve();
  const cache: ParseCache = new Map();
  const ensureDirs = async (): Promise<void> => {
    await fs.mkdir(paths.dir, 0o700);
    await fs.mkdir(paths.crlDir, 0o700);
  };
  /** cas.json stays readable for an operator editing its settings; the inventory (10k+ entries) is compact. */
  const save = async (path: string, value: unknown, indent: number): Promise<void> => {
    await ensureDirs();
    const bytes = new TextEncoder().encode(`${JSON.stringify(value, null, indent)}\n`);
    cache.delete(path);
    await fs.writeFile(path, bytes, 0o600);
    cache.set(path, { bytes, value });
  };
  return {
    paths,
    loadCas: () => loadJson(fs, cache, paths.cas, CasFileSchema, { version: 1, settings: {}, cas: [] }),
    saveCas: (file) => save(paths.cas, file, 1),
    loadInventory: () => loadJson(fs, cache, paths.inventory, InventoryFileSchema, { version: 1, certificates: [] }),
    saveInventory: (file) => save(paths.inventory, file, 0),
    ensureDirs,
    exclusive<T>(fn: () => Promise<T>): Promise<T> {
      const next = tail.then(fn, fn);
      tail = next.catch(() => undefined);
      return next;
    },
  };
}
