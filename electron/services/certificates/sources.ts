import type { z } from '../../../shared/ipc/zod';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { PkiSource } from '../../../shared/ipc/pki-schemas';
import type { InspectInput } from '../../../shared/pki/inspect';

type Source = z.infer<typeof PkiSource>;

/** The file-system reads the certificate service needs; the host passes node:fs. */
export interface SourceFs {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ mode: number; uid: number; size: number; isFile(): boolean }>;
}

const MAX_FILE_BYTES = 64 * 1024 * 1024;

function reason(err: unknown): string {
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/** Turns one source into bytes with a name; unreadable files fail with the path and the cause. */
export async function loadSource(fs: SourceFs, source: Source): Promise<InspectInput> {
  switch (source.kind) {
    case 'text':
      return { file: source.name, bytes: new TextEncoder().encode(source.text) };
    case 'bytes': {
      const binary = atob(source.base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return { file: source.name, bytes };
    }
    case 'path': {
      try {
        const info = await fs.stat(source.path);
        if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: info.isFile() ? undefined : 'EISDIR' });
        if (info.size > MAX_FILE_BYTES) {
          throw new CommandFailure('INVALID_INPUT', `${source.path} is ${info.size} bytes, over the ${MAX_FILE_BYTES}-byte limit for certificate files.`);
        }
        return { file: source.path, bytes: await fs.readFile(source.path) };
      } catch (err) {
        if (err instanceof CommandFailure) throw err;
        throw new CommandFailure('UNREADABLE_FILE', `Cannot read ${source.path}: ${reason(err)}.`);
      }
    }
  }
}
