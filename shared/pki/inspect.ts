import type { CertificateObject, CrlObject, Finding, InspectResult, KeyObjectSummary, PkiObject, ReadError, SourceRef } from '../model/pki';
import type { ParsedCrl } from './crl';
import { certificateParts } from './tbs';
import type { BytesPort } from './bytes-port';
import { describeCrl } from './describe-crl';
import { describeCertificate, describeCsr } from './describe';
import { certificateFindings, csrFindings, type FindingContext } from './findings';
import { inputFindings } from './input-findings';
import { readInput, type InputBlock } from './read-input';

/** One thing the operator opened or pasted. */
export interface InspectInput {
  readonly file: string;
  readonly bytes: Uint8Array;
}

/**
 * Reads private keys and PKCS#12 files. Only the main process supplies one (node:crypto);
 * without it, key material is refused rather than parsed where it must not be.
 */
export interface KeyReader {
  readPrivateKey(block: InputBlock, passphrase: string | undefined): Promise<KeyObjectSummary | ReadError>;
  readPkcs12(block: InputBlock, passphrase: string | undefined): Promise<{ certificates: Uint8Array[]; keys: KeyObjectSummary[] } | ReadError>;
}

export interface InspectOptions extends FindingContext {
  readonly passphrase?: string;
  readonly keys?: KeyReader;
  /** Digests and base64; WebCrypto and plain JS unless the host passes native ones. */
  readonly bytes?: BytesPort;
}

const isError = (value: unknown): value is ReadError =>
  typeof value === 'object' && value !== null && 'message' in value && !('kind' in value);

const keyOf = (s: SourceRef): string => `${s.file}\u0000${s.index}`;

/** Raw DER and parsed CRLs by object, so issuer checks reuse what describing already did. */
interface Seen {
  readonly ders: Map<string, Uint8Array>;
  readonly crls: Map<string, ParsedCrl>;
}

async function describeBlock(block: InputBlock, options: InspectOptions, extra: InputBlock[], seen: Seen): Promise<PkiObject | ReadError | null> {
  seen.ders.set(keyOf(block.source), block.der);
  const where = (s: SourceRef): string => `object ${s.index + 1}`;
  try {
    switch (block.kind) {
      case 'certificate':
        return await describeCertificate(block.der, block.source, options.now, options.bytes, block.checked);
      case 'csr':
        return await describeCsr(block.der, block.source, options.bytes);
      case 'crl': {
        // The CRL walker loads with the first CRL: bundles of certificates never need it.
        const { parseCrl } = await import('./crl');
        const parsed = parseCrl(block.der);
        seen.crls.set(keyOf(block.source), parsed);
        return await describeCrl(block.der, block.source, options.now, parsed, options.bytes);
      }
      case 'pkcs8':
      case 'encrypted-pkcs8':
      case 'sec1':
      case 'pkcs1':
        if (!options.keys) return { source: block.source, message: `${where(block.source)} is a private key: keys are read by the desktop app's main process only` };
        return await options.keys.readPrivateKey(block, options.passphrase);
      case 'pkcs12': {
        if (!options.keys) return { source: block.source, message: `${where(block.source)} is a PKCS#12 file: it is read by the desktop app's main process only` };
        const p12 = await options.keys.readPkcs12(block, options.passphrase);
        if (isError(p12)) return p12;
        p12.certificates.forEach((der, i) => extra.push({ source: { file: block.source.file, index: block.source.index + i + 1 }, kind: 'certificate', der, checked: false }));
        return p12.keys[0] ?? null;
      }
    }
  } catch (err) {
    return { source: block.source, message: `${where(block.source)} (${block.kind}) could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Reads every input, describes every object and judges it: the engine behind the Certificates area and `inspect`. */
export async function inspect(inputs: readonly InspectInput[], options: InspectOptions): Promise<InspectResult> {
  const objects: PkiObject[] = [];
  const errors: ReadError[] = [];
  const seen: Seen = { ders: new Map(), crls: new Map() };
  for (const input of inputs) {
    const read = readInput(input.bytes, input.file, options.bytes?.fromBase64);
    errors.push(...read.errors);
    const queue = [...read.blocks];
    while (queue.length > 0) {
      const extra: InputBlock[] = [];
      const described = await Promise.all(queue.splice(0).map((b) => describeBlock(b, options, extra, seen)));
      for (const d of described) if (d) (isError(d) ? errors : objects).push(d as never);
      queue.push(...extra);
    }
  }
  // Code-unit order, not localeCompare: it only groups objects by file, and ICU's first collation costs milliseconds.
  objects.sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.source.index - b.source.index));
  const judged = await Promise.all(
    objects.map(async (o): Promise<PkiObject> => {
      switch (o.kind) {
        case 'certificate':
          return { ...o, findings: certificateFindings(o, options) };
        case 'csr':
          return { ...o, findings: csrFindings(o, options) };
        case 'crl':
          return { ...o, findings: [...o.findings, ...(await crlIssuerFindings(o, seen, objects))] };
        case 'key':
          return o;
      }
    }),
  );
  return { objects: judged, errors, findings: inputFindings(judged, options.role) };
}

/**
 * A CRL must come from a CA given alongside it: same name, and a signature that verifies
 * with that CA's key. nginx silently fails every client whose CA has no valid CRL.
 */
async function crlIssuerFindings(crl: CrlObject, seen: Seen, objects: readonly PkiObject[]): Promise<Finding[]> {
  const cas = objects.filter((o): o is CertificateObject => o.kind === 'certificate' && (o.basicConstraints?.ca ?? false));
  if (cas.length === 0) return [];
  const named = cas.filter((c) => c.subject === crl.issuer);
  const fix = 'Publish the CRL from the CA that issued the device certificates; nginx needs one CRL per CA in the chain.';
  if (named.length === 0) {
    return [{ id: 'crl.wrong-issuer', severity: 'error', message: `CRL issuer ${crl.issuer} is none of the CA certificates given (${cas.map((c) => c.subject).join('; ')})`, fix }];
  }
  const parsed = seen.crls.get(keyOf(crl.source));
  if (!parsed) return [];
  const { verifyCrlSignature } = await import('./crl');
  for (const ca of named) {
    const caDer = seen.ders.get(keyOf(ca.source));
    if (caDer && (await verifyCrlSignature(parsed, certificateParts(caDer).spki).catch(() => false))) return [];
  }
  return [{ id: 'crl.signature', severity: 'error', message: `CRL names ${crl.issuer} as issuer but its signature does not verify with that CA's key`, fix }];
}
