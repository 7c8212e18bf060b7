import type { ProbeReport } from '../../../shared/model/probe';
import { defineCommand, usage } from './define';
import { pathSource, single } from './flag-values';

const mark = (ok: boolean, ran: boolean): string => (!ran ? 'skip' : ok ? 'ok  ' : 'FAIL');

function renderProbe(report: ProbeReport): string {
  const lines = [`${report.ok ? 'OK' : 'FAILED'}: ${report.summary}${report.insecure ? '  [INSECURE: the proxy certificate was not verified]' : ''}`];
  for (const step of report.steps) {
    const status = step.status === null ? (step.error ?? '-') : String(step.status);
    lines.push(`  ${mark(step.ok, step.ran)} ${step.id.padEnd(24)} ${status.padEnd(18)} ${String(Math.round(step.ms)).padStart(5)} ms  ${step.reason}`);
  }
  const tls = report.tls;
  if (tls) {
    lines.push(`  tls: ${tls.version ?? '?'} ${tls.cipher ?? ''}; hostname ${tls.hostnameVerified ? 'verified' : 'NOT verified'}; client certificate ${tls.requestsClientCert === null ? 'request unknown' : tls.requestsClientCert ? 'requested' : 'not requested'}`);
    for (const cert of tls.chain) lines.push(`    ${cert.subject}  (${cert.daysLeft} days left)`);
  }
  for (const c of report.matrix ?? []) {
    lines.push(`  matrix ${c.ok ? 'ok  ' : c.outcome === 'skipped' ? 'skip' : 'FAIL'} ${c.id.padEnd(20)} expected ${c.expected.padEnd(6)} got ${c.outcome.padEnd(8)} ${c.detail}`);
  }
  return lines.join('\n');
}

/** `sentinel-console probe --base-url URL`: the seed's smoke test, TLS details and the enforcement matrix. */
export const probeCommand = defineCommand({
  dispatches: 'probe.run',
  summary: 'Smoke-test a proxy: health, heartbeat enforcement, TLS details, enforcement matrix',
  usage:
    'sentinel-console probe --base-url URL [--ca-file F] [--insecure] [--client-cert F --client-key F --device-id ID] [--matrix DIR] [--timeout MS] [--json]',
  details: [
    'Steps: live and ready must answer 2xx, POST heartbeat without a certificate must get 401, and with',
    '--client-cert/--client-key/--device-id an authenticated heartbeat must be accepted (the certificate CN',
    'must equal the device id, or it is not sent). The authenticated heartbeat can change platform state:',
    'use a dedicated probe device id. --matrix DIR runs the enforcement matrix with the certificates in DIR',
    '(valid-leaf, valid-chain, expired, revoked, wrong-ca, impostor, no-client-auth; each NAME.pem + NAME.key).',
    'Exit 1 when any step fails.',
  ].join('\n'),
  flags: ['--base-url', '--ca-file', '--client-cert', '--client-key', '--device-id', '--matrix', '--timeout'],
  switches: ['--insecure'],
  toInput: (args, ctx) => {
    if (args.positionals.length > 0) return usage(`probe takes only flags; unexpected "${args.positionals[0] as string}"`);
    const baseUrl = single(args, '--base-url');
    if (baseUrl === undefined) return usage('probe needs --base-url https://host[:port]');
    const cert = single(args, '--client-cert');
    const key = single(args, '--client-key');
    const deviceId = single(args, '--device-id');
    const given = [cert, key, deviceId].filter((v) => v !== undefined).length;
    if (given !== 0 && given !== 3) return usage('--client-cert, --client-key and --device-id go together');
    const timeout = single(args, '--timeout');
    if (timeout !== undefined && !/^\d{3,6}$/.test(timeout)) return usage(`--timeout takes milliseconds (100..120000), got "${timeout}"`);
    const file = (value: string | undefined): string | null => (value === undefined ? null : pathSource(ctx, value).path);
    const matrixDir = file(single(args, '--matrix'));
    return {
      target: {
        kind: 'adhoc',
        profile: {
          name: baseUrl,
          baseUrl,
          caFile: file(single(args, '--ca-file')),
          insecure: args.switches.has('--insecure'),
          device: cert && key && deviceId ? { certFile: file(cert) as string, keyFile: file(key) as string, deviceId } : null,
          matrixDir,
          ...(timeout !== undefined ? { timeouts: { connectMs: Math.min(Number(timeout), 60_000), totalMs: Number(timeout) } } : {}),
        },
      },
      matrix: matrixDir !== null,
      tls: true,
    };
  },
  render: renderProbe,
  failed: (report) => !report.ok,
});
