/** One armored block of a PEM file, decoded; or why it could not be. */
export type PemBlock =
  | { readonly ok: true; readonly index: number; readonly label: string; readonly der: Uint8Array; readonly headers: Readonly<Record<string, string>>; readonly text: string }
  | { readonly ok: false; readonly index: number; readonly label: string; readonly message: string };

const BEGIN = /-----BEGIN ([A-Z0-9 ]{1,64})-----/g;
const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64 strictly: any character outside the alphabet is an error, not skipped. */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(/[\r\n\t ]+/g, '');
  if (compact.length % 4 !== 0 || !B64.test(compact)) return null;
  const binary = atob(compact);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function encodeBase64(der: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < der.length; i += 0x8000) binary += String.fromCharCode(...der.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** PEM text for DER with a label, 64 columns as RFC 7468 asks. */
export function toPem(der: Uint8Array, label: string): string {
  const b64 = encodeBase64(der);
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Splits text into PEM blocks. Text between blocks (openssl -text output, "Bag Attributes")
 * is ignored; each block is decoded on its own so one bad block does not hide the others.
 */
export function splitPem(text: string): PemBlock[] {
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
    const body = text.slice(bodyStart, end);
    const headers: Record<string, string> = {};
    const lines = body.split(/\r?\n/);
    const base64Lines: string[] = [];
    for (const line of lines) {
      const header = /^([A-Za-z-]+):\s*(.*)$/.exec(line.trim());
      if (header && base64Lines.length === 0) headers[header[1] as string] = header[2] as string;
      else base64Lines.push(line);
    }
    const der = decodeBase64(base64Lines.join(''));
    if (!der || der.length === 0) {
      blocks.push({ ok: false, index, label, message: `block ${index + 1} (${label}) is not valid base64` });
      continue;
    }
    blocks.push({ ok: true, index, label, der, headers, text: text.slice(match.index, BEGIN.lastIndex) });
  }
  return blocks;
}
