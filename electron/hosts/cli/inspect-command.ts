import type { Input } from '../../../shared/ipc/types';
import { defineCommand, usage, type UsageError } from './define';
import { parseAt, parseRole, pathSource, single } from './flag-values';
import { hasErrors, renderInspect } from './inspect-render';

/** `sentinel-console inspect <file>...`: every object in the files, with findings. */
export const inspectCommand = defineCommand({
  dispatches: 'cert.inspect',
  summary: 'Read certificates, CRLs, CSRs, keys and bundles and report findings',
  usage: 'sentinel-console inspect <file>... [--role device|proxy] [--device-id ID] [--expiry-days N] [--at TIME] [--passphrase-env VAR] [--json]',
  details: 'Reads PEM (any mix of blocks), DER, PKCS#7 and PKCS#12. A passphrase is taken from the named environment variable, never from the command line.',
  flags: ['--role', '--device-id', '--expiry-days', '--at', '--passphrase-env'],
  toInput: (args, ctx): Input<'cert.inspect'> | UsageError => {
    if (args.positionals.length === 0) return usage('inspect needs at least one file');
    const role = parseRole(single(args, '--role'));
    if (typeof role === 'object') return role;
    const at = parseAt(single(args, '--at'));
    if (typeof at === 'object') return at;
    const days = single(args, '--expiry-days');
    if (days !== undefined && !/^\d{1,4}$/.test(days)) return usage(`--expiry-days must be a whole number of days, got "${days}"`);
    const passVar = single(args, '--passphrase-env');
    const passphrase = passVar !== undefined ? ctx.env[passVar] : undefined;
    if (passVar !== undefined && passphrase === undefined) return usage(`environment variable ${passVar} (from --passphrase-env) is not set`);
    return {
      sources: args.positionals.map((p) => pathSource(ctx, p)),
      role,
      deviceId: single(args, '--device-id') ?? null,
      ...(days !== undefined ? { expiryWindowDays: Number(days) } : {}),
      ...(at !== undefined ? { at } : {}),
      ...(passphrase !== undefined ? { passphrase } : {}),
    };
  },
  render: renderInspect,
  failed: hasErrors,
});
