import { appendFile, chmod, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { writeAtomic } from '../fs/atomic-write';

/** What the Health area does to disk; the data directory's files are private to the operator. */
export interface HealthFs {
  /** A file's text, or null when it does not exist (other errors throw). */
  readText(path: string): Promise<string | null>;
  /** Whole-file replacement that readers never see half-written. */
  writeText(path: string, text: string): Promise<void>;
  appendText(path: string, text: string): Promise<void>;
  /** Creates the directory (and parents) if needed, and makes it private either way. */
  ensureDir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** For the operator's certificate and CRL files the expiry facts read. */
  readBytes(path: string): Promise<Uint8Array>;
  /** Change stamp of an operator file, so unchanged files are not parsed again. */
  stamp(path: string): Promise<string>;
}

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

function isMissing(err: unknown): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT';
}

export function createNodeHealthFs(): HealthFs {
  return {
    async readText(path) {
      try {
        return await readFile(path, 'utf8');
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    writeText: (path, text) => writeAtomic(path, text, { mode: PRIVATE_FILE_MODE, owner: null }),
    // The mode applies when the file is created; a torn append only costs the last line (see history.ts).
    appendText: (path, text) => appendFile(path, text, { mode: PRIVATE_FILE_MODE }),
    async ensureDir(path) {
      await mkdir(path, { recursive: true, mode: PRIVATE_DIR_MODE });
      // mkdir leaves an existing directory's mode alone, and umask may have narrowed a new one.
      await chmod(path, PRIVATE_DIR_MODE);
    },
    rename: (from, to) => rename(from, to),
    remove: (path) => rm(path, { force: true }),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    async stamp(path) {
      const s = await stat(path);
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    },
  };
}
