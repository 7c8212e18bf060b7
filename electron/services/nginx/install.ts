import type { z } from '../../../shared/ipc/zod';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { NginxInstallInputSchema } from '../../../shared/ipc/nginx-schemas';
import type { InstallStep, NginxInstallPlan, NginxInstallReport } from '../../../shared/model/nginx';
import { errnoReason, type NginxFs, type PathInfo, type WriteAttrs } from './fs';
import { describeFailure, type ProcessRunner } from './runner';
import type { NginxSettings } from './service-types';
import { MAX_CONFIG_BYTES } from './source';
import { assertConfigTarget, assertParsableConfig } from './target';

type InstallInput = z.output<typeof NginxInstallInputSchema>;

export interface InstallDeps {
  readonly fs: NginxFs;
  readonly run: ProcessRunner;
  readonly settings: NginxSettings;
}

const split = (path: string): { dir: string; base: string } => {
  const at = path.lastIndexOf('/');
  return { dir: at <= 0 ? '/' : path.slice(0, at), base: path.slice(at + 1) };
};

/**
 * The backup sits beside the file under a dot name, which nginx's `conf.d/*.conf` and
 * `sites-enabled/*` includes never match, stamped with the previous file's mtime: the stamp
 * says which version it holds and stays the same between the plan and the install it confirms.
 */
export function backupPathFor(deployedPath: string, previous: PathInfo): string {
  const { dir, base } = split(deployedPath);
  // Rounded: restoring the mtime round-trips through seconds as a double, off by a few ns.
  const stamp = new Date(Math.round(previous.mtimeMs)).toISOString().replace(/[-:]/g, '');
  return `${dir === '/' ? '' : dir}/.${base}.bak-${stamp}`;
}

/** What install will do; refuses paths it could not install to before the operator confirms anything. */
export async function planInstall(deps: InstallDeps, input: InstallInput): Promise<{ plan: NginxInstallPlan; previous: PathInfo | null }> {
  const path = input.deployedPath;
  assertConfigTarget(path);
  assertParsableConfig(input.text, path);
  const { dir } = split(path);
  const parent = await deps.fs.info(dir);
  if (parent?.kind !== 'directory') {
    throw new CommandFailure('NOT_FOUND', `${dir} does not exist on this machine: install nginx, or name a directory that the main nginx config includes.`);
  }
  const previous = await deps.fs.info(path);
  if (previous?.kind === 'symlink') throw new CommandFailure('INVALID_INPUT', `${path} is a symbolic link: name the file it points to, so the link keeps working.`);
  if (previous && previous.kind !== 'file') throw new CommandFailure('INVALID_INPUT', `${path} exists and is not a regular file: name a file path.`);
  const { binary, mainConfigArgs, reloadCommand } = deps.settings;
  const commands = [[binary, ...mainConfigArgs, '-t'], ...(input.reload ? [[...reloadCommand]] : [])];
  return { plan: { deployedPath: path, backupPath: previous ? backupPathFor(path, previous) : null, commands }, previous };
}

async function fileStep(label: string, action: () => Promise<string>): Promise<InstallStep> {
  try {
    return { label, command: null, ok: true, output: await action() };
  } catch (err) {
    const hint = ['EACCES', 'EPERM'].includes((err as NodeJS.ErrnoException).code ?? '') ? ' Run the console as a user that may write there (root for /etc/nginx).' : '';
    return { label, command: null, ok: false, output: `${errnoReason(err)}.${hint}` };
  }
}

async function commandStep(deps: InstallDeps, label: string, argv: readonly string[]): Promise<InstallStep> {
  const run = await deps.run(argv, { timeoutMs: deps.settings.timeoutMs });
  const failure = describeFailure(run, deps.settings.timeoutMs);
  const output = [run.stderr.trim(), run.stdout.trim(), failure ?? ''].filter((s) => s !== '').join('\n');
  return { label, command: argv, ok: failure === null && run.exitCode === 0, output: output || `exit code ${run.exitCode ?? 'none'}` };
}

const octal = (mode: number): string => mode.toString(8).padStart(4, '0');

/**
 * Backup, atomic write, `nginx -t` of the main config; on failure the previous file goes back
 * (or the new one is removed) and nothing is reloaded; on success the reload, if asked.
 */
export async function runInstall(deps: InstallDeps, input: InstallInput): Promise<NginxInstallReport> {
  const { plan, previous } = await planInstall(deps, input);
  const path = plan.deployedPath;
  const steps: InstallStep[] = [];
  const report = (installed: boolean, restored: boolean): NginxInstallReport => ({ plan, steps, installed, restored });
  let before: { bytes: Uint8Array; attrs: WriteAttrs } | null = null;
  if (previous) {
    const read = await deps.fs.read(path, MAX_CONFIG_BYTES);
    if (read.state !== 'read') throw new CommandFailure('UNREADABLE_FILE', `Cannot read ${path} to back it up: ${read.state === 'absent' ? 'it disappeared' : read.reason}. Nothing was changed.`);
    before = { bytes: read.bytes, attrs: { mode: previous.mode, owner: { uid: previous.uid, gid: previous.gid }, mtimeMs: previous.mtimeMs } };
  }
  if (before && plan.backupPath) {
    const { bytes, attrs } = before;
    const backup = plan.backupPath;
    steps.push(
      await fileStep('Keep the previous file as a backup', async () => {
        await deps.fs.writeAtomic(backup, bytes, attrs);
        return `Copied ${path} to ${backup} (mode ${octal(attrs.mode)}).`;
      }),
    );
    if (!steps.at(-1)?.ok) return report(false, false);
  }
  const attrs: WriteAttrs = before ? { mode: before.attrs.mode, owner: before.attrs.owner } : { mode: 0o644, owner: null };
  const bytes = new TextEncoder().encode(input.text);
  steps.push(
    await fileStep('Write the new config', async () => {
      await deps.fs.writeAtomic(path, bytes, attrs);
      return `Wrote ${bytes.length} bytes to ${path} (mode ${octal(attrs.mode)}).`;
    }),
  );
  if (!steps.at(-1)?.ok) return report(false, false);

  const [testCommand, reloadCommand] = plan.commands;
  steps.push(await commandStep(deps, 'Check the main config (nginx -t)', testCommand ?? []));
  if (!steps.at(-1)?.ok) {
    const undo = before;
    const restore = await fileStep(undo ? 'Restore the previous file' : 'Remove the new file', async () => {
      if (!undo) {
        await deps.fs.remove(path);
        return `Removed ${path}; nginx was not reloaded.`;
      }
      // The previous mtime goes back too, so the next plan names the same backup file.
      await deps.fs.writeAtomic(path, undo.bytes, undo.attrs);
      return `Put the previous content back in ${path}; nginx was not reloaded.`;
    });
    steps.push(restore);
    return report(false, restore.ok);
  }
  if (reloadCommand) {
    steps.push(await commandStep(deps, 'Reload nginx', reloadCommand));
    return report(steps.at(-1)?.ok ?? false, false);
  }
  return report(true, false);
}
