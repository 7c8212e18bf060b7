import type { NginxConfigSource } from '../../../shared/ipc/nginx-schemas';
import type { NginxLintReport } from '../../../shared/model/nginx';
import { lintNginx, referencedFiles } from '../../../shared/nginx/lint';
import { loadNginxConfig } from '../../../shared/nginx/parse/load';
import type { NginxFs } from './fs';
import type { NginxSettings } from './service-types';
import { confPrefix } from './settings';
import { configReader, isFullConfig, MAX_PKI_FILE_BYTES, resolveSource } from './source';

export interface LintDeps {
  readonly fs: NginxFs;
  readonly clock: () => Date;
  readonly settings: NginxSettings;
}

const parent = (path: string): string => path.replace(/\/+[^/]*$/, '') || '/';

/**
 * Lint of a config as nginx would load it: includes expanded from this machine's files, and the
 * certificate and CRL files it names read where they are readable (the rest are skipped, not errors).
 */
export async function lintConfig(deps: LintDeps, source: NginxConfigSource): Promise<NginxLintReport> {
  const config = await resolveSource(deps.fs, source);
  // A whole nginx.conf on disk resolves relative paths against its own directory; a conf.d
  // snippet (or pasted text) against the conf prefix of the nginx that will include it.
  const prefix = config.onDisk && (await isFullConfig(config)) ? parent(config.name) : confPrefix(deps.settings);
  const parsed = await loadNginxConfig(config.name, configReader(deps.fs), { prefix, text: config.text });
  const files = new Map<string, Uint8Array>();
  for (const path of referencedFiles(parsed, prefix)) {
    const read = await deps.fs.read(path, MAX_PKI_FILE_BYTES);
    if (read.state === 'read') files.set(path, read.bytes);
  }
  return { findings: lintNginx(parsed, { now: deps.clock(), prefix, files }), files: parsed.files };
}
