import type { CaInfo, CaOverview, IssuedCertificate } from '../../../shared/model/ca';
import { certFacts } from '../../../shared/ca/certificate';
import { effectiveStatus } from '../../../shared/ca/rotation';
import { hoursUntil, issuedStatus } from '../../../shared/ca/status';
import { daysUntil } from '../../../shared/pki/describe';
import { splitPem } from '../../../shared/pki/pem';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { CaContext } from './context';
import type { CaSettings, StoredCa, StoredIssued } from './store-types';

/** The DER of a stored PEM certificate (cas.json keeps PEM so operators can read it). */
export function certDer(pem: string): Uint8Array<ArrayBuffer> {
  const block = splitPem(pem)[0];
  if (!block?.ok) throw new CommandFailure('UNREADABLE_FILE', 'cas.json holds a CA certificate that is not valid PEM');
  return Uint8Array.from(block.der);
}

/** CA certificates never change under their PEM: parse each once per process (issuance runs in bulk). */
const factsCache = new Map<string, Promise<Awaited<ReturnType<typeof certFacts>>>>();

export function caFacts(certPem: string): Promise<Awaited<ReturnType<typeof certFacts>>> {
  let facts = factsCache.get(certPem);
  if (!facts) {
    facts = certFacts(certDer(certPem));
    factsCache.set(certPem, facts);
    facts.catch(() => factsCache.delete(certPem));
  }
  return facts;
}

export async function caInfo(ca: StoredCa, now: Date): Promise<CaInfo> {
  const facts = await caFacts(ca.certPem);
  return {
    id: ca.id,
    role: ca.role,
    status: effectiveStatus(ca, now),
    subject: facts.subject,
    issuer: facts.issuer,
    parentId: ca.parentId,
    serialNumber: facts.serialNumber,
    notBefore: facts.notBefore.toISOString(),
    notAfter: facts.notAfter.toISOString(),
    daysLeft: daysUntil(facts.notAfter, now),
    sha256: facts.sha256,
    keyAlgorithm: ca.keyAlgorithm,
    crl: ca.crl ? { ...ca.crl, hoursLeft: hoursUntil(ca.crl.nextUpdate, now) } : null,
  };
}

export function issuedView(c: StoredIssued, now: Date, settings: CaSettings): IssuedCertificate {
  return {
    serialNumber: c.serialNumber,
    kind: c.kind,
    deviceId: c.deviceId,
    subject: c.subject,
    sans: c.sans,
    caId: c.caId,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    daysLeft: daysUntil(new Date(c.notAfter), now),
    status: issuedStatus(c, now, settings.expiringWindowDays),
    origin: c.origin,
    sha256: c.sha256,
    revokedAt: c.revokedAt,
    revocationReason: c.revocationReason,
    renewedFrom: c.renewedFrom,
  };
}

/** ca.status: the vault state, every CA with its CRL countdown, and the inventory's counts. */
export async function caOverview(ctx: CaContext): Promise<CaOverview> {
  const now = ctx.now();
  const [file, inventory] = await Promise.all([ctx.store.loadCas(), ctx.store.loadInventory()]);
  const settings = ctx.settings(file);
  const counts = { valid: 0, expiring: 0, expired: 0, revoked: 0 };
  for (const c of inventory.certificates) counts[issuedStatus(c, now, settings.expiringWindowDays)]++;
  return {
    vault: ctx.deps.vault.state(),
    cas: await Promise.all(file.cas.map((ca) => caInfo(ca, now))),
    counts,
    expiringWindowDays: settings.expiringWindowDays,
    crlWarningHours: settings.crlWarningHours,
  };
}
