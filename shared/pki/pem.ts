/** One armored block of a PEM file, decoded; or why it could not be. */
export type PemBlock =
  | { readonly ok: true; readonly index: number; readonly label: string; readonly der: Uint8Array; readonly headers: Readonly<Record<string, string>>; readonly text: string }
  | { readonly ok: false; readonly index: number; readonly label: string; readonly message: string };

const BEGIN = /-----BEGIN ([A-Z0-9 ]{1,64})-----/g;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// Every UTF-16 code unit maps (to -1 outside the alphabet), so the hot loop needs no range check.
const DECODE = new Int8Array(65536).fill(-1);
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/**
 * Decodes base64 strictly in one pass (CRLs of 100,000 entries are 5 MB of PEM): whitespace
 * is skipped, any other character outside the alphabet makes the whole input invalid.
 */
export function decodeBase64(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let acc = 0;
  let bits = 0;
  let n = 0;
  let pad = 0;
  let count = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    // Fast path: four alphabet characters on a quad boundary become three bytes at once.
    if (bits === 0 && pad === 0 && i + 3 < len) {
      const a = DECODE[text.charCodeAt(i)] as number;
      const b = DECODE[text.charCodeAt(i + 1)] as number;
      const c3 = DECODE[text.charCodeAt(i + 2)] as number;
      const d = DECODE[text.charCodeAt(i + 3)] as number;
      if ((a | b | c3 | d) >= 0) {
        out[n++] = (a << 2) | (b >> 4);
        out[n++] = ((b & 15) << 4) | (c3 >> 2);
        out[n++] = ((c3 & 3) << 6) | d;
        count += 4;
        i += 3;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (c === 0x3d) {
      pad++;
      count++;
      continue;
    }
    const v = DECODE[c] as number;
    if (v < 0 || pad > 0) return null;
    count++;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  if (count % 4 !== 0 || pad > 2) return null;
  return out.subarray(0, n);
}

// Pairs of sextets at once: a 4096-entry table halves the string work of a per-sextet loop.
// Built on first use: hosts with native base64 (the CLI) never need it.
let pairTable: readonly string[] | null = null;

/** Base64 without btoa, whose Node implementation is a slow JS loop over a binary string. */
export function encodeBase64(der: Uint8Array): string {
  const PAIRS = (pairTable ??= Array.from({ length: 4096 }, (_, i) => (ALPHABET[i >> 6] as string) + (ALPHABET[i & 63] as string)));
  const parts: string[] = [];
  const full = der.length - (der.length % 3);
  let chunk = '';
  for (let i = 0; i < full; i += 3) {
    const v = ((der[i] as number) << 16) | ((der[i + 1] as number) << 8) | (der[i + 2] as number);
    chunk += (PAIRS[v >> 12] as string) + (PAIRS[v & 0xfff] as string);
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = der.length - full;
  if (rest === 1) {
    const v = (der[full] as number) << 16;
    chunk += `${PAIRS[v >> 12] as string}==`;
  } else if (rest === 2) {
    const v = ((der[full] as number) << 16) | ((der[full + 1] as number) << 8);
    chunk += `${PAIRS[v >> 12] as string}${ALPHABET[(v >> 6) & 63] as string}=`;
  }
  parts.push(chunk);
  return parts.join('');
}

/** PEM text for DER with a label, 64 columns as RFC 7468 asks. */
export function toPem(der: Uint8Array, label: string, base64: (der: Uint8Array) => string = encodeBase64): string {
  const b64 = base64(der);
  // Lines joined once: appending line by line leaves a chain of string pieces per certificate.
  const lines = [`-----BEGIN ${label}-----`];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  lines.push(`-----END ${label}-----`, '');
  return lines.join('\n');
}

/**
 * Splits text into PEM blocks. Text between blocks (openssl -text output, "Bag Attributes")
 * is ignored; each block is decoded on its own so one bad block does not hide the others.
 */
export function splitPem(text: string, decode: (base64: string) => Uint8Array | null = decodeBase64): PemBlock[] {
  const blocks: PemBlock[] = [];
  BEGIN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = BEGIN.exec(text)) !== null) {
    const label = match[1] as string;
    const index = blocks.length;
    const bodyStart = match.index + match[0].length;
    const end = text.indexOf('-----END ', bodyStart);
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    if (end < 0 || (nextBegin >= 0 && nextBegin < end)) {
      blocks.push({ ok: false, index, label, message: `block ${index + 1} (${label}) has no END line: the file is truncated` });
      continue;
    }
    const endLine = /^-----END ([A-Z0-9 ]{1,64})-----/.exec(text.slice(end));
    const endLabel = endLine?.[1];
    BEGIN.lastIndex = end + (endLine?.[0].length ?? 9);
    if (endLabel !== label) {
      blocks.push({ ok: false, index, label, message: `block ${index + 1} (${label}) ends with "END ${endLabel ?? '?'}"` });
      continue;
    }
    // RFC 1421 headers (Proc-Type, DEK-Info) come first; the base64 starts after them.
    const headers: Record<string, string> = {};
    let dataStart = bodyStart;
    while (text[dataStart] === '\r' || text[dataStart] === '\n') dataStart++;
    for (;;) {
      const lineEnd = text.indexOf('\n', dataStart);
      if (lineEnd < 0 || lineEnd > end) break;
      const header = /^\s*([A-Za-z-]+):\s*(.*?)\s*$/.exec(text.slice(dataStart, lineEnd));
      if (!header) {
        if (text.slice(dataStart, lineEnd).trim() !== '' || Object.keys(headers).length === 0) break;
        dataStart = lineEnd + 1;
        continue;
      }
      headers[header[1] as string] = header[2] as string;
      dataStart = lineEnd + 1;
    }
    const der = decode(text.slice(dataStart, end));
    if (!der || der.length === 0) {
      blocks.push({ ok: false, index, label, message: `block ${index + 1} (${label}) is not valid base64` });
      continue;
    }
    blocks.push({ ok: true, index, label, der, headers, text: text.slice(match.index, BEGIN.lastIndex) });
  }
  return blocks;
}
