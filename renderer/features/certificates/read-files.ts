import type { PkiSource } from './draft-store';

/** The contract's limit on one text or bytes source (16 MiB before encoding). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** What the native dialog offers; the browser file input accepts anything (DER files have many names). */
export const FILE_FILTERS = [
  { name: 'Certificates, keys, CRLs', extensions: ['pem', 'crt', 'cer', 'der', 'key', 'csr', 'crl', 'p7b', 'p7c', 'p12', 'pfx'] },
  { name: 'All files', extensions: ['*'] },
];

/** Base64 of bytes, in chunks so a large bundle neither overflows the call stack nor builds one huge string twice. */
export function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

export interface ReadFilesOutcome {
  readonly sources: PkiSource[];
  /** One line per file that could not be read or is too large. */
  readonly problems: string[];
}

/** Reads browser Files (drop or file input) into `bytes` sources. */
export async function readFiles(files: Iterable<File>): Promise<ReadFilesOutcome> {
  const sources: PkiSource[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) {
      problems.push(`${file.name} is ${file.size} bytes, over the ${MAX_FILE_BYTES}-byte limit.`);
      continue;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      sources.push({ kind: 'bytes', name: file.name || 'unnamed file', base64: toBase64(bytes) });
    } catch (err) {
      problems.push(`${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { sources, problems };
}
