import type { Input } from '../../../shared/ipc/types';
import type { ValidationResult } from '../../../shared/pki/path/types';
import { defineCommand, usage, type UsageError } from './define';
import { all, parseAt, parseRole, pathSource, single } from './flag-values';

function renderVerify(result: ValidationResult): string {
  const lines = [result.valid ? 'VALID: the path validates' : `INVALID: ${result.failure?.message ?? 'validation failed'}`];
  if (result.failure) lines.push(`  rule: ${result.failure.rule}`);
  result.path.forEach((step, i) => {
    const mark = step.ok ? 'ok  ' : 'FAIL';
    lines.push(`  ${mark} ${i}. ${step.role.padEnd(12)} ${step.subject}`);
    lines.push(`       serial ${step.serialNumber}  valid ${step.notBefore} .. ${step.notAfter}`);
    if (step.note) lines.push(`       ${step.note}`);
  });
  if (!result.revocationChecked) lines.push('  revocation: not checked (no --crl given)');
  return lines.join('\n');
}

/** `sentinel-console verify <leaf> --trust <file>`: RFC 5280 path validation with a named failing rule. */
export const verifyCommand = defineCommand({
  dispatches: 'cert.verify',
  summary: 'Validate a certificate path to chosen trust anchors (RFC 5280)',
  usage: 'sentinel-console verify <leaf> --trust <file>|system [--intermediates <file>]... [--crl <file>]... [--role device|proxy] [--at TIME] [--json]',
  details: 'The leaf file may also hold its chain; every later certificate in it is used as an intermediate candidate.',
  flags: ['--trust', '--intermediates', '--crl', '--role', '--at', '--max-depth'],
  toInput: (args, ctx): Input<'cert.verify'> | UsageError => {
    if (args.positionals.length !== 1) return usage('verify needs exactly one leaf certificate file');
    const trust = all(args, '--trust');
    if (trust.length === 0) return usage('verify needs --trust <file> (or --trust system)');
    const role = parseRole(single(args, '--role'));
    if (typeof role === 'object') return role;
    const at = parseAt(single(args, '--at'));
    if (typeof at === 'object') return at;
    const depth = single(args, '--max-depth');
    if (depth !== undefined && !/^\d{1,2}$/.test(depth)) return usage(`--max-depth must be a small whole number, got "${depth}"`);
    return {
      leaf: pathSource(ctx, args.positionals[0] as string),
      intermediates: all(args, '--intermediates').map((p) => pathSource(ctx, p)),
      trust: trust.includes('system') ? { kind: 'system' } : { kind: 'sources', sources: trust.map((p) => pathSource(ctx, p)) },
      crls: all(args, '--crl').map((p) => pathSource(ctx, p)),
      role,
      ...(at !== undefined ? { at } : {}),
      ...(depth !== undefined ? { maxDepth: Number(depth) } : {}),
    };
  },
  render: renderVerify,
  failed: (result) => !result.valid,
});
