import type { z } from '../../../shared/ipc/zod';
import { crossCheckProxyEnv } from '../../../shared/env/proxy-cross-check';
import type { NginxRenderInputSchema } from '../../../shared/ipc/nginx-schemas';
import type { EnvCrossCheck, NginxRenderOutcome, ReferencedFileCheck } from '../../../shared/model/nginx';
import { checkClientCa, checkTlsCertificate } from '../../../shared/nginx/file-checks';
import { checkCrl } from '../../../shared/nginx/file-checks-crl';
import { lintNginx } from '../../../shared/nginx/lint';
import { loadNginxConfig } from '../../../shared/nginx/parse/load';
import { renderNginxConfig } from '../../../shared/nginx/render';
import { DEFAULT_DEPLOYED_PATH, type NginxRenderInput } from '../../../shared/nginx/types';
import { validateRenderDraft } from '../../../shared/nginx/validate';
import type { KeyReader } from '../../../shared/pki/inspect';
import type { NginxFs } from './fs';
import { checkTlsKey } from './key-check';
import { lintConfig } from './lint';
import type { NginxSettings } from './service-types';
import { confPrefix } from './settings';
import { MAX_PKI_FILE_BYTES } from './source';

export interface RenderDeps {
  readonly fs: NginxFs;
  readonly clock: () => Date;
  readonly keys: KeyReader;
  readonly settings: NginxSettings;
}

/** The name lint findings of the rendered text carry: the file it is meant to become. */
const RENDERED_NAME = DEFAULT_DEPLOYED_PATH.split('/').pop() ?? 'sentinel-secure-x.conf';
const MAX_ENV_BYTES = 1024 * 1024;

/**
 * The rendered text is clean by construction; what can still be wrong is in the files it names
 * (an expired CRL, a CRL missing for an intermediate, a chain deeper than the verify depth), so
 * with file checks on, the lint reads them like it does for any config.
 */
async function lintRendered(text: string, deps: RenderDeps, now: Date, withFiles: boolean) {
  if (withFiles) return (await lintConfig({ ...deps, clock: () => now }, { kind: 'text', name: RENDERED_NAME, text })).findings;
  const nothing = { read: async () => null, glob: async () => [] };
  const prefix = confPrefix(deps.settings);
  const parsed = await loadNginxConfig(RENDERED_NAME, nothing, { text, prefix });
  return lintNginx(parsed, { now, prefix, files: new Map() });
}

async function fileChecks(deps: RenderDeps, input: NginxRenderInput, now: Date): Promise<ReferencedFileCheck[]> {
  const read = (path: string) => deps.fs.read(path, MAX_PKI_FILE_BYTES);
  const [cert, key, ca, crl] = await Promise.all([read(input.tlsCertPath), read(input.tlsKeyPath), read(input.clientCaPath), input.crlPath ? read(input.crlPath) : null]);
  const ctx = { now, serverName: input.serverName };
  const checks = [
    checkTlsCertificate('tlsCertPath', input.tlsCertPath, cert, ctx),
    checkTlsKey(deps, 'tlsKeyPath', input.tlsKeyPath, key, input.tlsCertPath, cert, now),
    checkClientCa('clientCaPath', input.clientCaPath, ca, ctx),
  ];
  if (input.crlPath && crl) checks.push(checkCrl('crlPath', input.crlPath, crl, input.clientCaPath, ca, ctx));
  return Promise.all(checks);
}

async function envCheck(deps: RenderDeps, path: string): Promise<EnvCrossCheck> {
  const read = await deps.fs.read(path, MAX_ENV_BYTES);
  switch (read.state) {
    case 'read':
      return crossCheckProxyEnv(path, { ok: true, text: new TextDecoder().decode(read.bytes) });
    case 'absent':
      return crossCheckProxyEnv(path, { ok: false, reason: 'no such file' });
    case 'unreadable':
      return crossCheckProxyEnv(path, { ok: false, reason: read.reason });
  }
}

/**
 * The form → a config: refusals per field, else the text, its lint (empty for any valid input
 * whose files are sound), and, when asked, what the named files and the `.env` hold on this machine.
 */
export async function renderOutcome(deps: RenderDeps, input: z.output<typeof NginxRenderInputSchema>): Promise<NginxRenderOutcome> {
  const checked = validateRenderDraft(input.draft);
  if (!checked.ok) return { status: 'invalid', errors: checked.errors };
  const value = checked.value;
  const now = deps.clock();
  const text = renderNginxConfig(value);
  const [lint, files, env] = await Promise.all([
    lintRendered(text, deps, now, input.checkFiles),
    input.checkFiles ? fileChecks(deps, value, now) : Promise.resolve([]),
    input.checkFiles && value.envFilePath ? envCheck(deps, value.envFilePath) : Promise.resolve(null),
  ]);
  return { status: 'rendered', text, lint, files, env };
}
