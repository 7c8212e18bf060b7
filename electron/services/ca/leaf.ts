import type { IssuedCertificate } from '../../../shared/model/ca';
import { certFacts, signCertificate, validityWindow } from '../../../shared/ca/certificate';
import { issuingCa } from '../../../shared/ca/rotation';
import { serialFromRandom } from '../../../shared/ca/serial';
import { encodeBase64 } from '../../../shared/pki/pem';
import type * as x509 from '../../../shared/pki/x509';
import { CommandFailure } from '../../../shared/ipc/errors';
import { caSigner, type CaSigner } from './ca-material';
import type { CaContext } from './context';
import { certDer } from './overview';
import type { CasFile, StoredIssued } from './store-types';

/** The CA that issues now, ready to sign, and its chain (issuer first, root last). */
export interface Issuer {
  readonly signer: CaSigner;
  readonly chain: readonly Uint8Array[];
}

export async function currentIssuer(ctx: CaContext, file: CasFile): Promise<Issuer> {
  const now = ctx.now();
  const ca = issuingCa(file.cas, now);
  if (!ca) {
    const any = file.cas.length > 0;
    throw new CommandFailure(any ? 'FORBIDDEN' : 'NOT_FOUND', any ? 'no CA can issue: the active CA expired or was retired; rotate to a new one' : 'there is no CA yet: create one with ca init');
  }
  const chain: Uint8Array[] = [];
  for (let c: typeof ca | undefined = ca; c; c = c.parentId === null ? undefined : file.cas.find((p) => p.id === c?.parentId)) {
    chain.push(certDer(c.certPem));
    if (chain.length > 8) break;
  }
  return { signer: await caSigner(ctx, ca), chain };
}

export interface LeafRequest {
  readonly kind: IssuedCertificate['kind'];
  readonly subject: x509.Name;
  readonly deviceId: string | null;
  readonly publicKey: x509.PublicKeyType;
  readonly extensions: readonly x509.Extension[];
  readonly validityDays: number;
  readonly origin: IssuedCertificate['origin'];
  readonly renewedFrom: string | null;
}

export interface SignedLeaf {
  readonly der: Uint8Array;
  readonly record: StoredIssued;
  /** The requested validity ran past the issuer's notAfter and was cut there. */
  readonly clamped: boolean;
}

/** Signs a leaf with the issuer and builds its inventory record (not yet saved). */
export async function signLeaf(ctx: CaContext, issuer: Issuer, req: LeafRequest): Promise<SignedLeaf> {
  const window = validityWindow(ctx.now(), req.validityDays, issuer.signer.notAfter);
  const der = await signCertificate({
    subject: req.subject,
    issuer: issuer.signer.name,
    publicKey: req.publicKey,
    signingKey: issuer.signer.key,
    signingAlgorithm: issuer.signer.ca.keyAlgorithm,
    serialHex: serialFromRandom(ctx.deps.random(16)),
    notBefore: window.notBefore,
    notAfter: window.notAfter,
    extensions: req.extensions,
  });
  const facts = await certFacts(der);
  const record: StoredIssued = {
    serialNumber: facts.serialNumber,
    kind: req.kind,
    deviceId: req.deviceId,
    subject: facts.subject,
    sans: [...facts.sans],
    caId: issuer.signer.ca.id,
    notBefore: facts.notBefore.toISOString(),
    notAfter: facts.notAfter.toISOString(),
    origin: req.origin,
    sha256: facts.sha256,
    spki: encodeBase64(facts.spki),
    revokedAt: null,
    revocationReason: null,
    renewedFrom: req.renewedFrom,
  };
  return { der, record, clamped: window.clamped };
}

/** The audit line of an issuance: what and for whom, never key material. */
export function issueDetail(leaf: SignedLeaf, extra = ''): string {
  const r = leaf.record;
  const who = r.deviceId !== null ? `device ${r.deviceId}` : `server "${r.subject}"${r.sans.length ? ` (${r.sans.join(', ')})` : ''}`;
  return `${who} serial ${r.serialNumber} by CA ${r.caId}, ${r.origin} key, until ${r.notAfter}${leaf.clamped ? " (cut to the CA's expiry)" : ''}${extra}`;
}

/** Records an issued certificate (after the audit line, before any file is handed out). */
export async function recordIssued(ctx: CaContext, record: StoredIssued): Promise<void> {
  const inventory = await ctx.store.loadInventory();
  await ctx.store.saveInventory({ ...inventory, certificates: [...inventory.certificates, record] });
}
