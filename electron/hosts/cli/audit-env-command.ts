import { CHECKLIST_GROUPS, POSTURE_PROFILES, PROXY_MODES, type AuditResult, type PostureProfile, type ProxyMode, type RuleStatus } from '../../../shared/model/posture';
import { GROUP_TITLES } from '../../../shared/posture/group-titles';
import { defineCommand, usage } from './define';
import { pathSource, single } from './flag-values';

/**
 * The documented `--json` shape: `{ file, profile, summary: { pass, warn, fail, unchecked },
 * results: [{ rule, key, status, severity, message }] }`, then extra fields after the documented ones.
 * Messages never contain secret values, so this is safe to keep in CI logs.
 */
export function toCliJson(audit: AuditResult): object {
  const { pass, warn, fail, unchecked } = audit.summary;
  return {
    file: audit.file,
    profile: audit.profile,
    summary: { pass, warn, fail, unchecked },
    results: audit.results.map((r) => ({
      rule: r.rule,
      key: r.key,
      status: r.status,
      severity: r.severity,
      message: r.message,
      group: r.group,
      inferred: r.inferred,
      fix: r.fix,
      recommended: r.recommended,
    })),
    proxyMode: audit.proxyMode,
    sha256: audit.sha256,
  };
}

const LABEL: Readonly<Record<RuleStatus, string>> = { pass: 'pass', warn: 'WARN', fail: 'FAIL', unchecked: '----' };

/** For people: the checklist's groups in order, one line per result, the fix under anything not passing. */
export function renderAuditText(audit: AuditResult): string {
  const s = audit.summary;
  const lines = [
    `${audit.file}  (sha256 ${audit.sha256.slice(0, 12)}…, profile ${audit.profile}, proxy mode ${audit.proxyMode})`,
    `${s.fail} fail, ${s.warn} warn, ${s.pass} pass, ${s.unchecked} not checked`,
  ];
  for (const group of CHECKLIST_GROUPS) {
    const results = audit.results.filter((r) => r.group === group);
    if (results.length === 0) continue;
    lines.push('', GROUP_TITLES[group]);
    for (const r of results) {
      lines.push(`  ${LABEL[r.status]}  ${r.rule}${r.inferred ? ' (inferred)' : ''}  ${r.message}`);
      if (r.status === 'warn' || r.status === 'fail') lines.push(`        fix: ${r.fix}`);
    }
  }
  return lines.join('\n');
}

const isProfile = (v: string): v is PostureProfile => (POSTURE_PROFILES as readonly string[]).includes(v);
const isProxyMode = (v: string): v is ProxyMode => (PROXY_MODES as readonly string[]).includes(v);

/** `sentinel-console audit env <file>`: the production-profile checklist over a control-plane `.env`. */
export const auditEnvCommand = defineCommand({
  dispatches: 'posture.audit',
  summary: 'Audit a Sentinel Secure X .env against the production checklist',
  usage: 'sentinel-console audit env <file> [--profile production|development] [--proxy-mode nginx-mtls|direct|unknown] [--json]',
  details: [
    'Defaults: --profile production, --proxy-mode nginx-mtls (the documented NGINX flow).',
    'Results are grouped like the checklist; rules marked (inferred) rest on inference, not the documented checklist.',
    'Unknown SENTINEL_* keys are listed as not checked. Secret values are never printed.',
    'JSON: { "file", "profile", "summary": { "pass", "warn", "fail", "unchecked" }, "results": [ { "rule", "key", "status", "severity", "message", ... } ], ... }.',
    'Exit 1 when any rule fails.',
  ].join('\n'),
  flags: ['--profile', '--proxy-mode'],
  toInput: (args, ctx) => {
    if (args.positionals.length !== 1) return usage('audit env needs exactly one .env file');
    const profile = single(args, '--profile');
    if (profile !== undefined && !isProfile(profile)) return usage(`--profile must be ${POSTURE_PROFILES.join(' or ')}, got "${profile}"`);
    const proxyMode = single(args, '--proxy-mode');
    if (proxyMode !== undefined && !isProxyMode(proxyMode)) return usage(`--proxy-mode must be ${PROXY_MODES.join(', ')}, got "${proxyMode}"`);
    return {
      source: pathSource(ctx, args.positionals[0] as string),
      ...(profile === undefined ? {} : { profile }),
      ...(proxyMode === undefined ? {} : { proxyMode }),
    };
  },
  render: renderAuditText,
  json: toCliJson,
  failed: (audit) => audit.summary.fail > 0,
});
