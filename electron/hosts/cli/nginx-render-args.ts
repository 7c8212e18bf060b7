import type { NginxRenderDraftInput } from '../../../shared/ipc/nginx-schemas';
import { HEADER_ROLES, type HeaderRole } from '../../../shared/nginx/types';
import type { ParsedArgs } from './args';
import { usage, type CliContext, type UsageError } from './define';
import { all, pathSource, single } from './flag-values';

export const RENDER_FLAGS = [
  '--server-name',
  '--tls-cert',
  '--tls-key',
  '--client-ca',
  '--upstream',
  '--listen',
  '--env-file',
  '--crl',
  '--ocsp',
  '--ocsp-responder',
  '--ocsp-resolver',
  '--verify-depth',
  '--tls-versions',
  '--hsts',
  '--header',
  '--output',
] as const;

const REQUIRED = [
  ['--server-name', 'the name browsers and devices use, e.g. sentinel.example.com'],
  ['--tls-cert', "the proxy's TLS certificate file"],
  ['--tls-key', "the proxy's TLS private key file"],
  ['--client-ca', 'the device CA file nginx verifies client certificates against'],
] as const;

/** Paths in the config are as the proxy host sees them; relative ones resolve against the shell's directory. */
const maybePath = (ctx: CliContext, value: string | undefined): string | null => (value === undefined ? null : pathSource(ctx, value).path);

function isRole(value: string): value is HeaderRole {
  return (HEADER_ROLES as readonly string[]).includes(value);
}

function headerNames(args: ParsedArgs): Partial<Record<HeaderRole, string>> | UsageError {
  const names: Partial<Record<HeaderRole, string>> = {};
  for (const spec of all(args, '--header')) {
    const eq = spec.indexOf('=');
    const role = spec.slice(0, eq);
    if (eq < 1 || !isRole(role)) return usage(`--header takes ROLE=NAME with ROLE one of ${HEADER_ROLES.join(', ')}; got "${spec}"`);
    names[role] = spec.slice(eq + 1);
  }
  return names;
}

type OcspDraft = NonNullable<NginxRenderDraftInput['ocsp']>;

function ocsp(args: ParsedArgs): OcspDraft | UsageError {
  const mode = single(args, '--ocsp') ?? (single(args, '--ocsp-responder') !== undefined ? 'on' : 'off');
  if (mode === 'off') return { mode: 'off' };
  if (mode !== 'on' && mode !== 'leaf') return usage(`--ocsp must be on, leaf or off, got "${mode}"`);
  return { mode, responderUrl: single(args, '--ocsp-responder') ?? null, resolver: single(args, '--ocsp-resolver') ?? null };
}

function hsts(value: string | undefined): NginxRenderDraftInput['hsts'] | UsageError | undefined {
  if (value === undefined) return undefined;
  if (value === 'off') return null;
  if (!/^\d{1,9}$/.test(value)) return usage(`--hsts takes off or a max-age in seconds, got "${value}"`);
  return { maxAgeSeconds: Number(value), includeSubdomains: false };
}

/** `nginx render` flags → the same draft the NGINX screen sends; field rules are the service's. */
export function renderDraftFromArgs(args: ParsedArgs, ctx: CliContext): NginxRenderDraftInput | UsageError {
  if (args.positionals.length > 0) return usage(`nginx render takes only flags; unexpected "${args.positionals[0] as string}"`);
  for (const [flag, what] of REQUIRED) if (single(args, flag) === undefined) return usage(`nginx render needs ${flag} (${what})`);
  const depth = single(args, '--verify-depth');
  if (depth !== undefined && !/^\d{1,3}$/.test(depth)) return usage(`--verify-depth must be a whole number, got "${depth}"`);
  const names = headerNames(args);
  if ('usageError' in names) return names;
  const ocspSetting = ocsp(args);
  if ('usageError' in ocspSetting) return ocspSetting;
  const hstsSetting = hsts(single(args, '--hsts'));
  if (hstsSetting && 'usageError' in hstsSetting) return hstsSetting;
  const versions = single(args, '--tls-versions')?.split(',');
  if (versions && !versions.every((v) => v === 'TLSv1.2' || v === 'TLSv1.3')) return usage('--tls-versions takes TLSv1.2,TLSv1.3 or one of them');
  const listen = all(args, '--listen');
  return {
    serverName: single(args, '--server-name') as string,
    tlsCertPath: maybePath(ctx, single(args, '--tls-cert')) as string,
    tlsKeyPath: maybePath(ctx, single(args, '--tls-key')) as string,
    clientCaPath: maybePath(ctx, single(args, '--client-ca')) as string,
    envFilePath: maybePath(ctx, single(args, '--env-file')),
    crlPath: maybePath(ctx, single(args, '--crl')),
    ocsp: ocspSetting,
    headerNames: names,
    allowRemoteUpstream: args.switches.has('--allow-remote-upstream'),
    ...(single(args, '--upstream') !== undefined ? { upstreamUrl: single(args, '--upstream') } : {}),
    ...(listen.length > 0 ? { listen: [...listen] } : {}),
    ...(depth !== undefined ? { verifyDepth: Number(depth) } : {}),
    ...(versions ? { tlsVersions: versions as ('TLSv1.2' | 'TLSv1.3')[] } : {}),
    ...(hstsSetting !== undefined ? { hsts: hstsSetting } : {}),
  };
}
