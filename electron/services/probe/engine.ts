import { randomUUID } from 'node:crypto';
import type { ProbeReport, ProxyProfile } from '../../../shared/model/probe';
import { summarizeRun } from '../../../shared/probe/report';
import { type CertRequestResult, probeCertificateRequest } from './cert-request';
import type { ProbeEngine, ProbeOptions } from './engine-types';
import { type ProbeFs, readTrust } from './files';
import { runMatrix } from './matrix';
import { runSmoke } from './smoke';
import { type ConnectionSettings, targetOf } from './target';
import { collectTlsDetails } from './tls-details';

export interface ProbeEngineDeps extends ProbeFs {
  clock(): Date;
}

/** Runs `make` at most once, on first use, so two consumers share one connection's result. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= make());
}

/**
 * The probe engine the Health service drives. The trust file is read once per run; an
 * unreadable one throws CommandFailure(UNREADABLE_FILE). Everything the proxy does is a value
 * in the report. The smoke steps, the TLS details and the matrix run side by side.
 */
export function createProbeEngine(deps: ProbeEngineDeps): ProbeEngine {
  const fs: ProbeFs = { readFile: (path) => deps.readFile(path) };
  return {
    async run(profile: ProxyProfile, options: ProbeOptions): Promise<ProbeReport> {
      const at = deps.clock();
      const started = performance.now();
      const target = targetOf(profile.baseUrl);
      const ca = profile.caFile === null ? undefined : await readTrust(fs, profile.caFile);
      const conn: ConnectionSettings = { target, ca, verify: !profile.insecure, timeouts: profile.timeouts };
      const certRequest = once<CertRequestResult>(() => probeCertificateRequest(target, profile.timeouts.connectMs));
      const [steps, tls, matrix] = await Promise.all([
        runSmoke(fs, profile, conn),
        options.tls ? collectTlsDetails(conn, certRequest(), at) : Promise.resolve(null),
        options.matrix ? runMatrix(profile, { fs, conn, certRequest, token: randomUUID() }) : Promise.resolve(null),
      ]);
      const { ok, summary } = summarizeRun(steps, matrix, profile.insecure);
      return {
        profileId: profile.id,
        baseUrl: profile.baseUrl,
        insecure: profile.insecure,
        at: at.toISOString(),
        ms: Math.round(performance.now() - started),
        tls,
        steps,
        matrix,
        ok,
        summary,
      };
    },
  };
}
