import { CommandFailure } from '../../../shared/ipc/errors';
import type { NginxConfigSource } from '../../../shared/ipc/nginx-schemas';
import { loadNginxConfig, type ConfigReader } from '../../../shared/nginx/parse/load';
import type { NginxFs } from './fs';
import { globPaths } from './glob';

/** Config files are text of a few KB; this bounds what one include can pull in. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/** CRLs of a large fleet run to megabytes; the certificate service allows the same. */
export const MAX_PKI_FILE_BYTES = 64 * 1024 * 1024;

/** A config to work on: the name messages should use, and its text. */
export interface ConfigText {
  readonly name: string;
  readonly text: string;
  /** True when the text came from `name` on disk (its own directory then matters). */
  readonly onDisk: boolean;
}

/** Reads a `path` source (absent and unreadable fail with the path and what to do) or takes pasted text. */
export async function resolveSource(fs: NginxFs, source: NginxConfigSource): Promise<ConfigText> {
  switch (source.kind) {
    case 'text':
      return { name: source.name, text: source.text, onDisk: false };
    case 'path': {
      const read = await fs.read(source.path, MAX_CONFIG_BYTES);
      switch (read.state) {
        case 'read':
          return { name: source.path, text: new TextDecoder().decode(read.bytes), onDisk: true };
        case 'absent':
          throw new CommandFailure('NOT_FOUND', `${source.path} does not exist: check the path, or paste the config instead.`);
        case 'unreadable':
          throw new CommandFailure('UNREADABLE_FILE', `Cannot read ${source.path}: ${read.reason}.${read.denied ? ' Run the console as a user that may read it.' : ''}`);
      }
    }
  }
}

/** The loader's view of the real file system: unreadable files read as null, includes expand through glob. */
export function configReader(fs: NginxFs): ConfigReader {
  return {
    async read(path) {
      const read = await fs.read(path, MAX_CONFIG_BYTES);
      return read.state === 'read' ? new TextDecoder().decode(read.bytes) : null;
    },
    glob: (pattern) => globPaths(fs, pattern),
  };
}

const nothing: ConfigReader = { read: async () => null, glob: async () => [] };

/**
 * A whole nginx.conf (top-level `http` or `events` block) is checked as it is; anything else is
 * a conf.d snippet that nginx only accepts inside `http {}`.
 */
export async function isFullConfig(config: ConfigText): Promise<boolean> {
  const parsed = await loadNginxConfig(config.name, nothing, { text: config.text });
  return parsed.directives.some((d) => d.block !== null && (d.name === 'http' || d.name === 'events'));
}
