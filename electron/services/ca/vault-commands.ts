import type { AuditLogView, CaOverview, IssuedCertificate, VaultState } from '../../../shared/model/ca';
import type { ParsedInput } from '../../../shared/ipc/types';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { CaContext } from './context';
import { caOverview, issuedView } from './overview';

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 200);

/** Vault state, unlock/lock/remember, the inventory list and the audit log view. */
export function stateCommands(ctx: CaContext) {
  const vault = ctx.deps.vault;
  return {
    'ca.status': (): Promise<CaOverview> => caOverview(ctx),

    async 'ca.unlock'(input: ParsedInput<'ca.unlock'>): Promise<VaultState> {
      if (!vault.state().initialized) throw new CommandFailure('NOT_FOUND', 'there is no vault yet: create a CA with ca init or ca import');
      try {
        await vault.unlock(input.passphrase);
      } catch (err) {
        // Failed attempts are evidence too; the original refusal is what the operator sees.
        await ctx.deps.audit.append('unlock', `refused: ${err instanceof CommandFailure ? err.code : 'error'}`).catch(() => undefined);
        if (err instanceof CommandFailure) throw err;
        throw new CommandFailure('UNAVAILABLE', `the vault could not be unlocked (${reason(err)})`);
      }
      try {
        await ctx.audit('unlock', 'vault unlocked');
      } catch (err) {
        vault.lock();
        throw err;
      }
      await ctx.changed();
      return vault.state();
    },

    async 'ca.lock'(): Promise<VaultState> {
      vault.lock();
      // Nothing to record (nor a folder to create) before the first CA exists.
      if (!vault.state().initialized) return vault.state();
      await ctx.changed();
      // The vault is locked whatever the log says; a failed line still reaches the operator.
      await ctx.audit('lock', 'vault locked on request');
      return vault.state();
    },

    async 'ca.remember'(input: ParsedInput<'ca.remember'>): Promise<VaultState> {
      if (input.enabled) ctx.requireUnlocked();
      try {
        await vault.remember(input.enabled);
      } catch (err) {
        if (err instanceof CommandFailure) throw err;
        throw new CommandFailure('UNAVAILABLE', `remembering the unlock failed (${reason(err)})`);
      }
      await ctx.changed();
      return vault.state();
    },

    async 'ca.list'(input: ParsedInput<'ca.list'>): Promise<readonly IssuedCertificate[]> {
      const now = ctx.now();
      const [file, inventory] = await Promise.all([ctx.store.loadCas(), ctx.store.loadInventory()]);
      const settings = ctx.settings(file);
      const all = inventory.certificates.map((c) => issuedView(c, now, settings));
      return input.filter === 'all' ? all : all.filter((c) => c.status === input.filter);
    },

    'ca.auditLog': (): Promise<AuditLogView> => ctx.deps.audit.view(),
  };
}
