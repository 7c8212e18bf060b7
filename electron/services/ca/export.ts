import { join } from 'node:path';
import type { ParsedInput } from '../../../shared/ipc/types';
import { CommandFailure } from '../../../shared/ipc/errors';
import { trustedCas } from '../../../shared/ca/rotation';
import { hoursUntil } from '../../../shared/ca/status';
import type { CaContext } from './context';
import { publishCrls } from './crl';
import type { CasFile } from './store-types';

export const BUNDLE_NAME = 'ca-bundle.pem';
export const CRL_NAME = 'ca-crl.pem';

/** Every trusted CA has a CRL that is not yet inside the warning window: otherwise export republishes first. */
function crlsFresh(file: CasFile, now: Date, warningHours: number): boolean {
  return trustedCas(file.cas, now).every((c) => c.crl !== null && hoursUntil(c.crl.nextUpdate, now) > warningHours);
}

/**
 * ca.export: what the proxy needs, in one folder: `ca-bundle.pem` (ssl_client_certificate:
 * every CA trusted now, so both CAs of a rotation overlap) and `ca-crl.pem` (ssl_crl: one CRL
 * per CA in that bundle, republished first when missing or near nextUpdate).
 */
export function exportCommands(ctx: CaContext) {
  return {
    async 'ca.export'(input: ParsedInput<'ca.export'>): Promise<{ readonly files: readonly string[] }> {
      ctx.requireUnlocked();
      const out = await ctx.store.exclusive(async () => {
        const now = ctx.now();
        let file = await ctx.store.loadCas();
        if (trustedCas(file.cas, now).length === 0) throw new CommandFailure('NOT_FOUND', 'there is no trusted CA to export: create one with ca init');
        if (!crlsFresh(file, now, ctx.settings(file).crlWarningHours)) {
          file = (await publishCrls(ctx, file, await ctx.store.loadInventory(), 'export')).file;
        }
        const trusted = trustedCas(file.cas, now);
        const crls: string[] = [];
        for (const ca of trusted) {
          if (!ca.crl) throw new CommandFailure('INTERNAL', `CA ${ca.id} has no CRL after publishing`);
          crls.push(new TextDecoder().decode(await ctx.deps.fs.readFile(ca.crl.path)));
        }
        const ids = trusted.map((c) => `${c.id}${c.crl ? ` (CRL #${c.crl.crlNumber})` : ''}`).join(', ');
        await ctx.audit('export', `CA bundle and CRLs of ${ids} to ${input.outDir}`);
        await ctx.deps.fs.mkdir(input.outDir, 0o700);
        const bundlePath = join(input.outDir, BUNDLE_NAME);
        const crlPath = join(input.outDir, CRL_NAME);
        await ctx.deps.fs.writeFile(bundlePath, trusted.map((c) => c.certPem).join(''), 0o644);
        await ctx.deps.fs.writeFile(crlPath, crls.join(''), 0o644);
        return { files: [bundlePath, crlPath] };
      });
      await ctx.changed();
      return out;
    },
  };
}
