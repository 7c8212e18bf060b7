import type { IssueResult } from '../../../shared/model/ca';
import type { ParsedInput } from '../../../shared/ipc/types';
import { CommandFailure } from '../../../shared/ipc/errors';
import { commonNameOnly } from '../../../shared/ca/certificate';
import { deviceProfile, serverProfile } from '../../../shared/ca/profiles';
import { describeSpki } from '../../../shared/pki/spki';
import { decodeBase64 } from '../../../shared/pki/pem';
import type { CaContext } from './context';
import { publishAfterRevocation } from './crl';
import { fileBase } from './deliver';
import { GENERATED_KEY, issueWithKey, serverNames } from './issue';
import type { StoredIssued } from './store-types';

/** The CN back out of a stored one-CN subject ("CN=name", RFC 4514-escaped). */
function commonNameOf(subject: string): string {
  const m = /^CN=(.*)$/s.exec(subject);
  if (!m) throw new CommandFailure('INVALID_INPUT', `cannot renew "${subject.slice(0, 120)}": the console renews only certificates whose subject is one CN`);
  return (m[1] as string).replace(/\\(.)/g, '$1');
}

const sansOf = (c: StoredIssued, prefix: string): string[] => c.sans.filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length));

/**
 * ca.renew: a new certificate for the same device id (or server names) from the CA that issues
 * today, so renewals also move devices onto a rotated CA. With `key` a new key is generated and
 * handed out; without, the recorded public key is certified again (a CSR device keeps its key).
 */
export function renewCommands(ctx: CaContext) {
  return {
    async 'ca.renew'(input: ParsedInput<'ca.renew'>): Promise<IssueResult> {
      ctx.requireUnlocked();
      const out = await ctx.store.exclusive(async () => {
        const [file, inventory] = await Promise.all([ctx.store.loadCas(), ctx.store.loadInventory()]);
        const settings = ctx.settings(file);
        const old = inventory.certificates.find((c) => c.serialNumber === input.serialNumber);
        if (!old) throw new CommandFailure('NOT_FOUND', `no certificate with serial ${input.serialNumber} was issued by this console (see ca list)`);
        if (old.revokedAt !== null && !input.key) {
          throw new CommandFailure('INVALID_INPUT', `certificate ${old.serialNumber} is revoked (${old.revocationReason ?? 'unspecified'}): renew it with a new key, never the old one`);
        }
        const spki = decodeBase64(old.spki);
        if (!spki) throw new CommandFailure('UNREADABLE_FILE', `the inventory entry of ${old.serialNumber} has a damaged public key`);
        const rsa = (await describeSpki(spki)).algorithm === 'RSA';
        const cn = old.kind === 'device' ? (old.deviceId ?? commonNameOf(old.subject)) : commonNameOf(old.subject);
        const names = old.kind === 'server' ? serverNames(cn, sansOf(old, 'DNS:'), sansOf(old, 'IP:')) : null;
        const revokeOld = input.revokeOld && old.revokedAt === null;
        return issueWithKey(ctx, {
          op: 'renew',
          outDir: input.outDir,
          base: fileBase(cn),
          delivery: input.key ?? null,
          existingSpki: spki,
          auditExtra: `; renews ${old.serialNumber}${revokeOld ? ', which is revoked as superseded' : ''}`,
          request: async (publicKey, ski) => ({
            kind: old.kind,
            subject: commonNameOnly(cn),
            deviceId: old.deviceId,
            extensions: names
              ? await serverProfile(publicKey, input.key || !rsa ? GENERATED_KEY : 'rsa-3072', ski, names, settings)
              : await deviceProfile(publicKey, ski, settings),
            validityDays: Math.max(1, Math.round((Date.parse(old.notAfter) - Date.parse(old.notBefore)) / 86_400_000)),
            origin: input.key ? 'generated' : old.origin,
            renewedFrom: old.serialNumber,
          }),
          afterRecord: async (serial) => {
            if (!revokeOld) return;
            const now = new Date(Math.floor(ctx.now().getTime() / 1000) * 1000).toISOString();
            await ctx.audit('revoke', `serial ${old.serialNumber} reason superseded (renewed by ${serial})`);
            const current = await ctx.store.loadInventory();
            const next = {
              ...current,
              certificates: current.certificates.map((c) => (c.serialNumber === old.serialNumber ? { ...c, revokedAt: now, revocationReason: 'superseded' as const } : c)),
            };
            await ctx.store.saveInventory(next);
            await publishAfterRevocation(ctx, await ctx.store.loadCas(), next, old.serialNumber);
          },
        });
      });
      await ctx.changed();
      return out;
    },
  };
}
