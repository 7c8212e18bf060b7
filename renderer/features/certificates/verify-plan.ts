import type { Input } from '../../../shared/ipc/types';
import type { CertificateObject, CertRole, CrlObject, PkiObject } from '../../../shared/model/pki';
import type { LoadedInput, PkiSource, VerifyDraft } from './draft-store';
import { isCa, isEndEntity, shortName } from './format';

/** The contract's limit on intermediates, trust sources and CRL sources. */
export const MAX_VERIFY_SOURCES = 16;
const MAX_NAME = 256;

export type VerifyInput = Input<'cert.verify'>;

/** What the panel offers and what a run would send. */
export interface VerifyPlan {
  /** Certificates once each (by SHA-256), in input order. */
  readonly certificates: readonly CertificateObject[];
  readonly leaf: CertificateObject | null;
  /** Certificates that may be ticked as trust anchors: CA or self-issued, never the leaf. */
  readonly anchorChoices: readonly CertificateObject[];
  readonly crlChoices: readonly CrlObject[];
  /** The other loaded certificates, offered to the path builder as untrusted intermediates. */
  readonly intermediates: readonly CertificateObject[];
  /** Null when something is missing; `problem` says what. */
  readonly input: VerifyInput | null;
  readonly problem: string | null;
}

export function uniqueCertificates(objects: readonly PkiObject[]): CertificateObject[] {
  const seen = new Set<string>();
  const out: CertificateObject[] = [];
  for (const object of objects) {
    if (object.kind !== 'certificate' || seen.has(object.fingerprints.sha256)) continue;
    seen.add(object.fingerprints.sha256);
    out.push(object);
  }
  return out;
}

/** The leaf the panel starts with: the first end-entity certificate, else the first certificate. */
export function defaultLeaf(certificates: readonly CertificateObject[]): CertificateObject | null {
  return certificates.find(isEndEntity) ?? certificates[0] ?? null;
}

function sourceName(text: string): string {
  return text.length <= MAX_NAME ? text : `${text.slice(0, MAX_NAME - 1)}…`;
}

/** A certificate as a text source: its own PEM, so any certificate can be the leaf. */
export function pemSource(cert: CertificateObject, role: string): PkiSource {
  return { kind: 'text', name: sourceName(`${role}: ${shortName(cert)}`), text: cert.pem };
}

/** One source per certificate while the contract allows it, else one bundle of all their PEMs. */
export function pemSources(certs: readonly CertificateObject[], role: string): PkiSource[] {
  if (certs.length <= MAX_VERIFY_SOURCES) return certs.map((cert) => pemSource(cert, role));
  const text = certs.map((cert) => (cert.pem.endsWith('\n') ? cert.pem : `${cert.pem}\n`)).join('');
  return [{ kind: 'text', name: `${role}s (${certs.length} certificates)`, text }];
}

/** `datetime-local` (the operator's local time) → ISO; empty or unreadable → undefined (main's clock). */
export function validationTime(local: string): string | undefined {
  if (local.trim() === '') return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** Works out the verify selection from the latest inspection and the operator's choices. */
export function planVerify(
  objects: readonly PkiObject[],
  inputs: readonly LoadedInput[],
  draft: VerifyDraft,
  role: CertRole,
): VerifyPlan {
  const certificates = uniqueCertificates(objects);
  const leaf = certificates.find((cert) => cert.fingerprints.sha256 === draft.leaf) ?? defaultLeaf(certificates);
  const leafPrint = leaf?.fingerprints.sha256 ?? null;
  const anchorChoices = certificates.filter((cert) => cert.fingerprints.sha256 !== leafPrint && (isCa(cert) || cert.selfIssued));
  const crlChoices = objects.filter((object): object is CrlObject => object.kind === 'crl');
  const anchors = draft.trustMode === 'loaded' ? anchorChoices.filter((cert) => draft.anchors.includes(cert.fingerprints.sha256)) : [];
  const anchorPrints = new Set(anchors.map((cert) => cert.fingerprints.sha256));
  const intermediates = certificates.filter((cert) => cert.fingerprints.sha256 !== leafPrint && !anchorPrints.has(cert.fingerprints.sha256));

  const base = { certificates, leaf, anchorChoices, crlChoices, intermediates };
  if (leaf === null) return { ...base, input: null, problem: 'Load a certificate to validate.' };
  if (draft.trustMode === 'loaded' && anchors.length === 0) {
    return { ...base, input: null, problem: 'Tick at least one trust anchor, or trust the system store.' };
  }

  // CRLs have no PEM of their own in the result: send the input they came from (once).
  const crlSources: PkiSource[] = [];
  const usedInputs = new Set<string>();
  for (const crl of crlChoices) {
    if (!draft.crls.includes(crl.fingerprints.sha256)) continue;
    const input = inputs.find((candidate) => candidate.name === crl.source.file);
    if (input === undefined || usedInputs.has(input.id)) continue;
    usedInputs.add(input.id);
    crlSources.push(input.source);
  }
  if (crlSources.length > MAX_VERIFY_SOURCES) {
    return { ...base, input: null, problem: `Tick CRLs from at most ${MAX_VERIFY_SOURCES} inputs.` };
  }

  const at = validationTime(draft.at);
  const input: VerifyInput = {
    leaf: pemSource(leaf, 'leaf'),
    intermediates: pemSources(intermediates, 'intermediate'),
    trust: draft.trustMode === 'system' ? { kind: 'system' } : { kind: 'sources', sources: pemSources(anchors, 'anchor') },
    crls: crlSources,
    role,
    ...(at !== undefined ? { at } : {}),
  };
  return { ...base, input, problem: null };
}
