import { isIP } from 'node:net';
import type { IssueResult, KeyAlgorithm } from '../../../shared/model/ca';
import type { ParsedInput } from '../../../shared/ipc/types';
import { CommandFailure } from '../../../shared/ipc/errors';
import { generateKeyPair } from '../../../shared/ca/algorithms';
import { commonNameOnly } from '../../../shared/ca/certificate';
import { deviceProfile, serverProfile, type ServerNames } from '../../../shared/ca/profiles';
import type * as x509 from '../../../shared/pki/x509';
import type { CaContext } from './context';
import { fileBase, writeCertificateFiles, writeKeyFiles, type KeyDelivery } from './deliver';
import { currentIssuer, issueDetail, recordIssued, signLeaf, type LeafRequest } from './leaf';
import { issuedView } from './overview';

/** Keys the console generates for devices and the proxy: P-256, what every TLS stack takes. */
export const GENERATED_KEY: KeyAlgorithm = 'ec-p256';

const HOSTNAME = /^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** SANs for a server certificate; with none given, a CN that is a host name or IP becomes the SAN. */
export function serverNames(commonName: string, dnsNames: readonly string[], ipAddresses: readonly string[]): ServerNames {
  for (const d of dnsNames) if (!HOSTNAME.test(d)) throw new CommandFailure('INVALID_INPUT', `"${d.slice(0, 80)}" is not a DNS name`);
  for (const ip of ipAddresses) if (isIP(ip) === 0) throw new CommandFailure('INVALID_INPUT', `"${ip.slice(0, 80)}" is not an IP address`);
  if (dnsNames.length > 0 || ipAddresses.length > 0) return { dnsNames, ipAddresses };
  if (isIP(commonName) !== 0) return { dnsNames: [], ipAddresses: [commonName] };
  if (HOSTNAME.test(commonName)) return { dnsNames: [commonName], ipAddresses: [] };
  throw new CommandFailure('INVALID_INPUT', 'a server certificate needs a DNS name or IP address: give dnsNames/ipAddresses or a host name as the CN');
}

interface GeneratedIssue {
  readonly op: 'issue' | 'renew';
  readonly request: (publicKey: x509.PublicKeyType, issuerSki: string) => Promise<Omit<LeafRequest, 'publicKey'>>;
  readonly outDir: string;
  readonly base: string;
  /** null: no key is generated; `existingSpki` is certified again. */
  readonly delivery: KeyDelivery | null;
  readonly existingSpki?: Uint8Array;
  readonly auditExtra?: string;
  /** Runs once the new certificate is recorded and its files are written (renewal revokes the old one). */
  readonly afterRecord?: (serial: string) => Promise<void>;
}

/** The shared path of every issuance: sign, audit, record, then hand out files. Holds the store lock. */
export async function issueWithKey(ctx: CaContext, spec: GeneratedIssue): Promise<IssueResult> {
  const file = await ctx.store.loadCas();
  const settings = ctx.settings(file);
  const issuer = await currentIssuer(ctx, file);
  const pair = spec.delivery ? await generateKeyPair(GENERATED_KEY) : null;
  const pkcs8 = pair ? new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)) : null;
  try {
    const publicKey = pair?.publicKey ?? spec.existingSpki;
    if (!publicKey) throw new CommandFailure('INTERNAL', 'no key to certify');
    const req = await spec.request(publicKey, issuer.signer.ski);
    const leaf = await signLeaf(ctx, issuer, { ...req, publicKey });
    await ctx.audit(spec.op, issueDetail(leaf, spec.auditExtra ?? ''));
    await recordIssued(ctx, leaf.record);
    const files = await writeCertificateFiles(ctx.deps.fs, spec.outDir, spec.base, leaf.der, issuer.chain);
    if (pkcs8 && spec.delivery) {
      files.push(...(await writeKeyFiles(ctx.deps.fs, spec.outDir, spec.base, pkcs8, [leaf.der, ...issuer.chain], spec.delivery, req.deviceId ?? spec.base)));
    }
    await spec.afterRecord?.(leaf.record.serialNumber);
    return { certificate: issuedView(leaf.record, ctx.now(), settings), files };
  } finally {
    pkcs8?.fill(0);
  }
}

export function issueCommands(ctx: CaContext) {
  const settingsNow = async () => ctx.settings(await ctx.store.loadCas());
  return {
    async 'ca.issueDevice'(input: ParsedInput<'ca.issueDevice'>): Promise<IssueResult> {
      ctx.requireUnlocked();
      const out = await ctx.store.exclusive(async () => {
        const settings = await settingsNow();
        return issueWithKey(ctx, {
          op: 'issue',
          outDir: input.outDir,
          base: fileBase(input.deviceId),
          delivery: input.key,
          request: async (publicKey, ski) => ({
            kind: 'device',
            subject: commonNameOnly(input.deviceId),
            deviceId: input.deviceId,
            extensions: await deviceProfile(publicKey, ski, settings),
            validityDays: input.validityDays,
            origin: 'generated',
            renewedFrom: null,
          }),
        });
      });
      await ctx.changed();
      return out;
    },

    async 'ca.issueServer'(input: ParsedInput<'ca.issueServer'>): Promise<IssueResult> {
      ctx.requireUnlocked();
      const names = serverNames(input.commonName, input.dnsNames, input.ipAddresses);
      const out = await ctx.store.exclusive(async () => {
        const settings = await settingsNow();
        return issueWithKey(ctx, {
          op: 'issue',
          outDir: input.outDir,
          base: fileBase(input.commonName),
          delivery: input.key,
          request: async (publicKey, ski) => ({
            kind: 'server',
            subject: commonNameOnly(input.commonName),
            deviceId: null,
            extensions: await serverProfile(publicKey, GENERATED_KEY, ski, names, settings),
            validityDays: input.validityDays,
            origin: 'generated',
            renewedFrom: null,
          }),
        });
      });
      await ctx.changed();
      return out;
    },
  };
}
