import type { CrlStatus, IssuedCertificate } from '../../../shared/model/ca';
import type { ParsedInput } from '../../../shared/ipc/types';
import { CommandFailure } from '../../../shared/ipc/errors';
import { algorithmProfile, signDer } from '../../../shared/ca/algorithms';
import { reasonCode, writeCrl, type CrlEntryInput } from '../../../shared/ca/crl-encode';
import { hexBytes } from '../../../shared/ca/der-writer';
import { trustedCas } from '../../../shared/ca/rotation';
import { hoursUntil } from '../../../shared/ca/status';
import { toPem } from '../../../shared/pki/pem';
import { caSigner } from './ca-material';
import type { CaContext } from './context';
import { issuedView } from './overview';
import type { CasFile, InventoryFile, StoredCa } from './store-types';

export interface Published {
  readonly crls: readonly CrlStatus[];
  readonly combinedPath: string;
  readonly file: CasFile;
}

/**
 * Signs a fresh CRL for every CA the proxy trusts (nginx needs one per CA in the chain, or it
 * rejects every device below a CA without one: proxy-matrix M-8), writes each and the combined
 * file for ssl_crl, and records the new CRLNumbers. The caller holds the store lock.
 */
export async function publishCrls(ctx: CaContext, file: CasFile, inventory: InventoryFile, why: string): Promise<Published> {
  const now = new Date(Math.floor(ctx.now().getTime() / 1000) * 1000);
  const settings = ctx.settings(file);
  const targets = trustedCas(file.cas, now);
  if (targets.length === 0) throw new CommandFailure('NOT_FOUND', 'there is no trusted CA to publish a CRL for: create one with ca init');
  const nextUpdate = new Date(now.getTime() + settings.crlWindowHours * 3_600_000);
  const revoked = new Map<string, CrlEntryInput[]>();
  for (const c of inventory.certificates) {
    if (c.revokedAt === null) continue;
    const list = revoked.get(c.caId) ?? [];
    list.push({ serial: hexBytes(c.serialNumber), revokedAt: new Date(c.revokedAt), reasonCode: reasonCode(c.revocationReason ?? 'unspecified') });
    revoked.set(c.caId, list);
  }
  const signed: { ca: StoredCa; pem: string; status: CrlStatus }[] = [];
  for (const ca of targets) {
    const signer = await caSigner(ctx, ca);
    const entries = revoked.get(ca.id) ?? [];
    const crlNumber = ca.lastCrlNumber + 1;
    const der = await writeCrl(
      {
        issuerDer: signer.subjectDer,
        signatureAlgorithmDer: algorithmProfile(ca.keyAlgorithm).signatureAlgorithmDer,
        thisUpdate: now,
        nextUpdate,
        crlNumber,
        authorityKeyId: hexBytes(signer.ski),
        entries,
      },
      (tbs) => signDer(ca.keyAlgorithm, signer.key, tbs),
    );
    const path = ctx.store.paths.crl(ca.id);
    const status = { crlNumber, thisUpdate: now.toISOString(), nextUpdate: nextUpdate.toISOString(), hoursLeft: hoursUntil(nextUpdate.toISOString(), now), entries: entries.length, path };
    signed.push({ ca, pem: toPem(der, 'X509 CRL'), status });
  }
  const summary = signed.map((s) => `CA ${s.ca.id} #${s.status.crlNumber} (${s.status.entries} revoked)`).join(', ');
  await ctx.audit('publish', `CRLs ${summary}, next update ${nextUpdate.toISOString()} (${why})`);
  const byId = new Map(signed.map((s) => [s.ca.id, s.status]));
  const updated: CasFile = {
    ...file,
    cas: file.cas.map((c) => {
      const st = byId.get(c.id);
      if (!st) return c;
      const { hoursLeft: _hoursLeft, ...crl } = st;
      return { ...c, lastCrlNumber: st.crlNumber, crl };
    }),
  };
  // The new CRLNumbers are durable before any CRL carrying them exists: after a crash a number
  // may be skipped, never issued twice with different contents.
  await ctx.store.saveCas(updated);
  await Promise.all([
    ...signed.map((s) => ctx.deps.fs.writeFile(s.status.path, s.pem, 0o644)),
    ctx.deps.fs.writeFile(ctx.store.paths.combinedCrl, signed.map((s) => s.pem).join(''), 0o644),
  ]);
  return { crls: signed.map((s) => s.status), combinedPath: ctx.store.paths.combinedCrl, file: updated };
}

export function crlCommands(ctx: CaContext) {
  return {
    async 'ca.publishCrl'(): Promise<{ readonly crls: readonly CrlStatus[]; readonly combinedPath: string }> {
      ctx.requireUnlocked();
      const out = await ctx.store.exclusive(async () => {
        const published = await publishCrls(ctx, await ctx.store.loadCas(), await ctx.store.loadInventory(), 'requested');
        return { crls: published.crls, combinedPath: published.combinedPath };
      });
      await ctx.changed();
      return out;
    },

    async 'ca.revoke'(input: ParsedInput<'ca.revoke'>): Promise<IssuedCertificate> {
      ctx.requireUnlocked();
      const out = await ctx.store.exclusive(async () => {
        const [file, inventory] = await Promise.all([ctx.store.loadCas(), ctx.store.loadInventory()]);
        const old = inventory.certificates.find((c) => c.serialNumber === input.serialNumber);
        if (!old) throw new CommandFailure('NOT_FOUND', `no certificate with serial ${input.serialNumber} was issued by this console (see ca list)`);
        if (old.revokedAt !== null) throw new CommandFailure('INVALID_INPUT', `certificate ${old.serialNumber} was already revoked on ${old.revokedAt} (${old.revocationReason ?? 'unspecified'})`);
        const now = ctx.now();
        const revoked = { ...old, revokedAt: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(), revocationReason: input.reason };
        await ctx.audit('revoke', `serial ${old.serialNumber} (${old.deviceId !== null ? `device ${old.deviceId}` : old.subject}) reason ${input.reason}`);
        const next = { ...inventory, certificates: inventory.certificates.map((c) => (c === old ? revoked : c)) };
        await ctx.store.saveInventory(next);
        await publishAfterRevocation(ctx, file, next, old.serialNumber);
        return issuedView(revoked, now, ctx.settings(file));
      });
      await ctx.changed();
      return out;
    },
  };
}

/** Revocation only reaches the proxy through a CRL, so every revocation publishes at once. */
export async function publishAfterRevocation(ctx: CaContext, file: CasFile, inventory: InventoryFile, serial: string): Promise<void> {
  try {
    await publishCrls(ctx, file, inventory, `revocation of ${serial}`);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new CommandFailure(err instanceof CommandFailure ? err.code : 'INTERNAL', `certificate ${serial} is revoked in the inventory, but the CRL could not be published (${detail}): run ca crl again`);
  }
}
