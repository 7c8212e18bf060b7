import type { EnvEdit, EnvEntry, EnvSaved } from '../../../shared/model/posture';
import { ok, type Result } from '../../../shared/ipc/result';
import type { CliCommand, CliOutcome, Dispatcher } from './define';
import { all, pathSource } from './flag-values';
import type { ParsedArgs } from './args';

const KEY = /^[\w.-]+$/;

interface Request {
  readonly file: string;
  readonly sets: readonly { readonly key: string; readonly value: string }[];
  readonly generate: readonly string[];
}

/** The operator's words into edits; a bad argument is named by position, never echoed (it may hold a secret). */
function parseRequest(args: ParsedArgs): Request | { readonly usageError: string } {
  const [file, ...pairs] = args.positionals;
  if (file === undefined) return { usageError: 'env set needs a .env file, then KEY=VALUE pairs and/or --generate KEY' };
  const sets: { key: string; value: string }[] = [];
  for (const [i, pair] of pairs.entries()) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? '' : pair.slice(0, eq);
    if (!KEY.test(key)) {
      const shown = eq < 0 ? `argument ${i + 2} has no "="` : `"${key}" is not a key dotenv reads (letters, digits, _ . - only)`;
      return { usageError: `env set takes KEY=VALUE pairs: ${shown}` };
    }
    sets.push({ key, value: pair.slice(eq + 1) });
  }
  const generate = all(args, '--generate');
  const bad = generate.find((k) => !KEY.test(k));
  if (bad !== undefined) return { usageError: `--generate takes a key name (letters, digits, _ . - only), got "${bad}"` };
  const keys = [...sets.map((s) => s.key), ...generate];
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice !== undefined) return { usageError: `${twice} is given more than once` };
  if (keys.length === 0) return { usageError: 'env set needs at least one KEY=VALUE or --generate KEY' };
  return { file, sets, generate };
}

/** One line per key: what happened to it, never its value. */
function describe(request: Request, before: readonly EnvEntry[], saved: EnvSaved): string {
  const current = new Map(before.map((e) => [e.key, e.value]));
  const lines = [`Saved ${saved.path} (previous file kept as ${saved.backupPath})`];
  for (const { key, value } of request.sets) {
    const what = !current.has(key) ? 'added' : current.get(key) === value ? 'unchanged' : 'changed';
    lines.push(`  ${what.padEnd(10)} ${key}`);
  }
  for (const key of request.generate) lines.push(`  ${'generated'.padEnd(10)} ${key}  (a new 256-bit secret, written to the file only and not shown)`);
  if (saved.modeAdvice) lines.push(`warning: ${saved.modeAdvice}`);
  return lines.join('\n');
}

const failedWith = (result: Result<unknown>): CliOutcome => ({ kind: 'done', result, text: null, failed: true });

/**
 * `sentinel-console env set <file> KEY=VALUE... [--generate KEY]...`: env.read, then env.preview
 * (a value dotenv cannot read back is refused before anything is written), then env.save against
 * the sha256 that was read, so a file changed meanwhile is a conflict, not an overwrite.
 */
export const envSetCommand: CliCommand = {
  summary: 'Set keys in a .env safely: backup, atomic write, read back as dotenv would',
  usage: 'sentinel-console env set <file> KEY=VALUE... [--generate KEY]... [--json]',
  details: [
    'Each value is quoted so that dotenv reads back exactly that value; comments, order, quoting and',
    'line endings of everything else stay as they were. The previous file is kept as <file>.bak-<UTC time>.',
    '--generate KEY writes a fresh 256-bit URL-safe secret into the file; it is never printed.',
    'Exit 1 when a value cannot be written (the reason is printed) or the file changed while saving; 2 on bad arguments.',
  ].join('\n'),
  flags: ['--generate'],
  switches: [],
  async execute(args, ctx, dispatch: Dispatcher): Promise<CliOutcome> {
    const request = parseRequest(args);
    if ('usageError' in request) return { kind: 'usage', error: request.usageError };
    const path = pathSource(ctx, request.file).path;
    const read = await dispatch('env.read', { path });
    if (!read.ok) return failedWith(read);
    const edits: EnvEdit[] = request.sets.map(({ key, value }) => ({ kind: 'set', key, value }));
    for (const key of request.generate) {
      const secret = await dispatch('env.generateSecret', { bytes: 32 });
      if (!secret.ok) return failedWith(secret);
      edits.push({ kind: 'set', key, value: secret.value.value });
    }
    const input = { path, baseSha256: read.value.sha256, edits };
    const preview = await dispatch('env.preview', input);
    if (!preview.ok) return failedWith(preview);
    const { refused } = preview.value;
    if (refused.length > 0) {
      const text = [`Not written: ${path} is unchanged.`, ...refused.map((r) => `  ${r.key}: ${r.message}`)].join('\n');
      return { kind: 'done', result: ok({ status: 'refused', path, refused }), text, failed: true };
    }
    const save = await dispatch('env.save', input);
    if (!save.ok) return failedWith(save);
    const outcome = save.value;
    if (outcome.status === 'conflict') return { kind: 'done', result: save, text: `Not written: ${outcome.message}`, failed: true };
    return { kind: 'done', result: save, text: describe(request, read.value.entries, outcome), failed: false };
  },
};
