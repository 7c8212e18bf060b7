import type { ReadError, SourceRef } from '../model/pki';
import { classifyDer, kindForLabel, type DerKind } from './classify';
import { children, DerError, rawOf, readTlv, TAG } from './der';
import { decodeBase64, splitPem } from './pem';

/** A decoded, classified piece of an input file, ready to be described. */
export interface InputBlock {
  readonly source: SourceRef;
  readonly kind: Exclude<DerKind, 'unknown' | 'pkcs7'>;
  readonly der: Uint8Array;
  /** Legacy `Proc-Type: 4,ENCRYPTED` keys are only readable from their PEM text. */
  readonly pemText?: string;
  /** The DER already passed checkStructure here (as part of its file or bundle), so describing need not walk it again. */
  readonly checked: boolean;
}

export interface ReadOutcome {
  readonly blocks: InputBlock[];
  readonly errors: ReadError[];
}

const MAX_INPUT_BYTES = 64 * 1024 * 1024;

function describeKind(kind: DerKind): string {
  return kind === 'unknown' ? 'unrecognised structure' : kind;
}

/**
 * Certificates and CRLs out of a PKCS#7 SignedData bundle (`openssl crl2pkcs7` output),
 * walked with the bounded DER reader: bundles of hundreds of certificates are normal.
 */
function expandPkcs7(der: Uint8Array): Array<{ kind: 'certificate' | 'crl'; der: Uint8Array }> {
  const [, explicit] = children(der, readTlv(der, 0));
  const signed = explicit?.tag === 0xa0 ? children(der, explicit)[0] : undefined;
  if (!signed || signed.tag !== TAG.SEQUENCE) throw new DerError('ContentInfo holds no SignedData', 0);
  const out: Array<{ kind: 'certificate' | 'crl'; der: Uint8Array }> = [];
  for (const part of children(der, signed)) {
    if (part.tag !== 0xa0 && part.tag !== 0xa1) continue;
    const kind = part.tag === 0xa0 ? 'certificate' : 'crl';
    for (const item of children(der, part)) if (item.tag === TAG.SEQUENCE) out.push({ kind, der: rawOf(der, item) });
  }
  return out;
}

/** `SEQUENCE (indefinite) { INTEGER 3 ...`: how BER-encoded PKCS#12 files begin. */
function isBerPfx(der: Uint8Array): boolean {
  return der[0] === 0x30 && der[1] === 0x80 && der[2] === 0x02 && der[3] === 0x01 && der[4] === 0x03;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  return !sample.some((b) => b === 0 || (b < 0x09 && b !== 0x04));
}

/**
 * Reads any input an operator drops in: PEM with any number and mix of blocks, DER, bare
 * base64, PKCS#7 bundles. Every unreadable part becomes an error naming it; readable parts
 * of the same input are still returned.
 */
export function readInput(bytes: Uint8Array, file: string, decode: (base64: string) => Uint8Array | null = decodeBase64): ReadOutcome {
  const blocks: InputBlock[] = [];
  const errors: ReadError[] = [];
  let next = 0;
  // Everything reaching add() was classified, and classifyDer walks the whole structure, except
  // legacy encrypted keys (read from their text); a bundle's walk covers the certificates in it.
  const add = (kind: DerKind, der: Uint8Array, pemText?: string, checked = true): void => {
    const source = { file, index: next++ };
    if (kind === 'unknown') {
      errors.push({ source, message: `object ${source.index + 1} is not a certificate, CRL, CSR, key or bundle` });
    } else if (kind === 'pkcs7') {
      try {
        next--;
        for (const inner of expandPkcs7(der)) blocks.push({ source: { file, index: next++ }, kind: inner.kind, der: inner.der, checked });
      } catch (err) {
        errors.push({ source: { file, index: next++ }, message: `PKCS#7 bundle could not be read: ${(err as Error).message}` });
      }
    } else blocks.push({ source, kind, der, checked, ...(pemText ? { pemText } : {}) });
  };

  if (bytes.length > MAX_INPUT_BYTES) {
    return { blocks, errors: [{ source: { file, index: 0 }, message: `input of ${bytes.length} bytes is larger than the ${MAX_INPUT_BYTES}-byte limit` }] };
  }
  const text = looksLikeText(bytes) ? new TextDecoder('utf-8', { fatal: false }).decode(bytes) : null;
  if (text !== null && text.includes('-----BEGIN ')) {
    for (const block of splitPem(text, decode)) {
      if (!block.ok) {
        errors.push({ source: { file, index: next++ }, message: block.message });
        continue;
      }
      const labelled = kindForLabel(block.label);
      if ((block.headers['Proc-Type'] ?? '').includes('ENCRYPTED') && (labelled === 'pkcs1' || labelled === 'sec1')) {
        add(labelled, block.der, block.text, false);
        continue;
      }
      try {
        const kind = classifyDer(block.der);
        if (labelled !== null && kind !== labelled) {
          errors.push({ source: { file, index: next++ }, message: `block ${block.index + 1} is labelled ${block.label} but contains ${describeKind(kind)}` });
        } else add(kind, block.der, labelled === 'pkcs1' || labelled === 'sec1' ? block.text : undefined);
      } catch (err) {
        const reason = err instanceof DerError ? err.message : 'unreadable';
        errors.push({ source: { file, index: next++ }, message: `block ${block.index + 1} (${block.label}): ${reason}` });
      }
    }
    if (blocks.length === 0 && errors.length === 0) errors.push({ source: { file, index: 0 }, message: 'no PEM blocks found' });
    return { blocks, errors };
  }
  const der = bytes[0] === 0x30 ? bytes : text !== null ? decode(text.trim()) : null;
  if (!der || der.length === 0) {
    errors.push({ source: { file, index: 0 }, message: 'not PEM, DER or base64: nothing to read' });
    return { blocks, errors };
  }
  try {
    add(classifyDer(der), der);
  } catch (err) {
    // PKCS#12 files from some tools use BER indefinite lengths; the PFX reader accepts BER.
    if (err instanceof DerError && isBerPfx(der)) return { blocks: [{ source: { file, index: 0 }, kind: 'pkcs12', der, checked: false }], errors };
    const reason = err instanceof DerError ? err.message : 'unreadable';
    errors.push({ source: { file, index: 0 }, message: `not valid DER: ${reason}` });
  }
  return { blocks, errors };
}
