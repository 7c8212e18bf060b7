import type { CaInfo, VaultState } from '../../../shared/model/ca';
import type { ParsedInput } from '../../../shared/ipc/types';
import { CommandFailure } from '../../../shared/ipc/errors';
import { demote, effectiveStatus } from '../../../shared/ca/rotation';
import type { CaContext } from './context';
import { caSigner, describeForAudit, mintCa, parseSubject } from './ca-material';
import { caInfo } from './overview';
import type { CasFile, StoredCa } from './store-types';

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 200);

/**
 * The passphrase given to ca.init / ca.import: it creates the vault the first time; later it
 * must be the vault's (it unlocks a locked vault, and is checked against an unlocked one).
 */
export async function openVaultWith(ctx: CaContext, passphrase: string): Promise<void> {
  const vault = ctx.deps.vault;
  const before: VaultState = vault.state();
  try {
    if (!before.initialized) await vault.initialize(passphrase);
    if (!vault.state().unlocked) await vault.unlock(passphrase);
    else if (before.initialized && !(await vault.checkPassphrase(passphrase))) {
      throw new CommandFailure('FORBIDDEN', "that is not the vault's passphrase: use the passphrase the first CA was created with");
    }
  } catch (err) {
    if (err instanceof CommandFailure) throw err;
    throw new CommandFailure('UNAVAILABLE', `the vault could not be opened (${reason(err)})`);
  }
  vault.touch();
  if (before.initialized && !before.unlocked) await ctx.audit('unlock', 'vault unlocked by a CA command');
}

const inUse = (file: CasFile, now: Date): StoredCa[] => file.cas.filter((c) => effectiveStatus(c, now) !== 'retired');

async function commit(ctx: CaContext, file: CasFile, added: StoredCa, op: 'create' | 'rotate', extra = ''): Promise<CaInfo> {
  await ctx.audit(op, `${await describeForAudit(added)}${extra}`);
  await ctx.store.saveCas({ ...file, cas: [...file.cas, added] });
  return caInfo(added, ctx.now());
}

export function lifecycleCommands(ctx: CaContext) {
  return {
    async 'ca.init'(input: ParsedInput<'ca.init'>): Promise<CaInfo> {
      const info = await ctx.store.exclusive(async () => {
        const file = await ctx.store.loadCas();
        const existing = inUse(file, ctx.now());
        if (existing.length > 0) {
          throw new CommandFailure('FORBIDDEN', `a CA already exists (${existing.map((c) => c.id).join(', ')}): use ca rotate to replace it`);
        }
        const subject = parseSubject(input.subject);
        await openVaultWith(ctx, input.passphrase);
        const root = await mintCa(ctx, { subject, keyAlgorithm: input.keyAlgorithm, validityDays: input.validityDays, parent: null });
        return commit(ctx, file, root, 'create');
      });
      await ctx.changed();
      return info;
    },

    async 'ca.createIntermediate'(input: ParsedInput<'ca.createIntermediate'>): Promise<CaInfo> {
      ctx.requireUnlocked();
      const info = await ctx.store.exclusive(async () => {
        const now = ctx.now();
        const file = await ctx.store.loadCas();
        const parent = file.cas.find((c) => c.id === input.parentId);
        if (!parent) throw new CommandFailure('NOT_FOUND', `there is no CA with id ${input.parentId}`);
        if (parent.role !== 'root') throw new CommandFailure('INVALID_INPUT', `CA ${parent.id} is an intermediate (path length 0): only a root can sign an intermediate`);
        if (parent.status !== 'active' || Date.parse(parent.notAfter) <= now.getTime()) {
          throw new CommandFailure('INVALID_INPUT', `CA ${parent.id} is not the active, unexpired root: rotate first`);
        }
        const subject = parseSubject(input.subject);
        const signer = await caSigner(ctx, parent);
        const inter = await mintCa(ctx, { subject, keyAlgorithm: input.keyAlgorithm, validityDays: input.validityDays, parent: signer });
        // The intermediate it replaces keeps its trust for the overlap, as in a rotation.
        const replaced = new Set(file.cas.filter((c) => c.role === 'intermediate' && c.status === 'active').map((c) => c.id));
        const overlap = ctx.settings(file).intermediateOverlapDays;
        const note = replaced.size > 0 ? `; previous intermediate ${[...replaced].join(', ')} trusted for ${overlap} more days` : '';
        return commit(ctx, { ...file, cas: demote(file.cas, replaced, now, overlap) }, inter, 'create', note);
      });
      await ctx.changed();
      return info;
    },

    async 'ca.rotate'(input: ParsedInput<'ca.rotate'>): Promise<CaInfo> {
      ctx.requireUnlocked();
      const info = await ctx.store.exclusive(async () => {
        const now = ctx.now();
        const file = await ctx.store.loadCas();
        const active = new Set(file.cas.filter((c) => c.status === 'active').map((c) => c.id));
        if (active.size === 0) throw new CommandFailure('NOT_FOUND', 'there is no active CA to rotate: create one with ca init');
        const subject = parseSubject(input.subject);
        const root = await mintCa(ctx, { subject, keyAlgorithm: input.keyAlgorithm, validityDays: input.validityDays, parent: null });
        const note = `; replaces ${[...active].join(', ')}, trusted for ${input.overlapDays} more days`;
        return commit(ctx, { ...file, cas: demote(file.cas, active, now, input.overlapDays) }, root, 'rotate', note);
      });
      await ctx.changed();
      return info;
    },
  };
}
