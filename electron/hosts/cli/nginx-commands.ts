import { defineCommand, usage } from './define';
import { pathSource } from './flag-values';
import { renderDraftFromArgs, RENDER_FLAGS } from './nginx-render-args';
import { checkText, fieldErrorsText, hasHighFindings, lintText, renderChecksText, renderFailed } from './nginx-render-text';
import { single } from './flag-values';

/** `sentinel-console nginx render ...`: the installer's config, checked, on stdout or into --output. */
export const nginxRenderCommand = defineCommand({
  dispatches: 'nginx.render',
  summary: 'Render the NGINX device-mTLS config from the installer inputs',
  usage:
    'sentinel-console nginx render --server-name NAME --tls-cert FILE --tls-key FILE --client-ca FILE [--upstream URL] [--listen ADDR:PORT]... [--env-file FILE] [--crl FILE] [--ocsp on|leaf --ocsp-responder URL --ocsp-resolver IP] [--verify-depth N] [--tls-versions TLSv1.2,TLSv1.3] [--hsts off|SECONDS] [--header ROLE=NAME]... [--allow-remote-upstream] [--no-file-checks] [--output FILE] [--json]',
  details: [
    'The config goes to stdout, or atomically into --output (the previous file is kept as FILE.bak).',
    'Checks of the referenced files and the .env go to stderr. Header roles: verify, subjectDn, issuerDn, serial, fingerprint, validFrom, validTo, cert.',
    'Exit 2 when an input is refused (the message names the flag), 1 when a referenced file or the .env fails its check.',
  ].join('\n'),
  flags: RENDER_FLAGS,
  switches: ['--allow-remote-upstream', '--no-file-checks'],
  toInput: (args, ctx) => {
    const draft = renderDraftFromArgs(args, ctx);
    if ('usageError' in draft) return draft;
    return { draft, checkFiles: !args.switches.has('--no-file-checks') };
  },
  invalid: (outcome) => (outcome.status === 'invalid' ? `nginx render refused the input:\n  ${fieldErrorsText(outcome.errors)}` : null),
  render: (outcome) => (outcome.status === 'rendered' ? outcome.text.replace(/\n$/, '') : ''),
  deliver: async (outcome, args, ctx) => {
    if (outcome.status !== 'rendered') return null;
    const checks = renderChecksText(outcome);
    if (checks) ctx.stderr(`${checks}\n`);
    const output = single(args, '--output');
    if (output === undefined) return null;
    const path = pathSource(ctx, output).path;
    const { backupPath } = await ctx.writeFile(path, outcome.text);
    return `wrote ${path}${backupPath ? ` (previous file kept as ${backupPath})` : ''}`;
  },
  failed: renderFailed,
});

/** `sentinel-console nginx lint <file>`: the mTLS misconfiguration catalogue over any config. */
export const nginxLintCommand = defineCommand({
  dispatches: 'nginx.lint',
  summary: 'Find mTLS misconfigurations in an NGINX config (includes resolved)',
  usage: 'sentinel-console nginx lint <file> [--json]',
  details: 'JSON: { "findings": [ { "id", "severity", "file", "line", "message", "fix" } ], "files": [...] }. Exit 1 on a high or critical finding.',
  flags: [],
  toInput: (args, ctx) => {
    if (args.positionals.length !== 1) return usage('nginx lint needs exactly one config file');
    return { source: pathSource(ctx, args.positionals[0] as string) };
  },
  render: lintText,
  failed: (report) => hasHighFindings(report.findings),
});

/** `sentinel-console nginx check <file>`: nginx's own verdict, messages mapped to the operator's file. */
export const nginxCheckCommand = defineCommand({
  dispatches: 'nginx.check',
  summary: 'Run nginx -t on a config file (a conf.d file or a whole nginx.conf)',
  usage: 'sentinel-console nginx check <file> [--json]',
  details: 'A conf.d file is tested inside a private temporary prefix; nothing running is touched. Exit 1 when nginx rejects it.',
  flags: [],
  toInput: (args, ctx) => {
    if (args.positionals.length !== 1) return usage('nginx check needs exactly one config file');
    return { source: pathSource(ctx, args.positionals[0] as string) };
  },
  render: checkText,
  failed: (result) => !result.ok,
});
