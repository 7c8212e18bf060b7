import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { children, rawOf, readTlv, valueOf, type Tlv } from '../../../shared/pki/der';

/**
 * Test support for the PKI readers: inputs are made at test time by the openssl CLI in a
 * temporary directory (no key fixtures in the repository), plus DER rewriting to craft
 * hostile or BER-encoded variants of what openssl wrote.
 */

const run = promisify(execFile);

/** A scratch directory with an openssl runner; `cleanup` removes it and everything in it. */
export interface OpensslLab {
  readonly dir: string;
  path(name: string): string;
  openssl(...args: string[]): Promise<Buffer>;
  read(name: string): Promise<Buffer>;
  cleanup(): Promise<void>;
}

/** Makes a lab in the system temp directory. */
export async function createLab(): Promise<OpensslLab> {
  const dir = await mkdtemp(join(tmpdir(), 'sc-pki-'));
  const path = (name: string): string => join(dir, name);
  return {
    dir,
    path,
    async openssl(...args: string[]) {
      const { stdout } = await run('openssl', args, { cwd: dir, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
      return stdout;
    },
    read: (name) => readFile(path(name)),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** One PEM block: label, decoded body and the block's own text (headers included). */
export interface TestPemBlock {
  readonly label: string;
  readonly der: Uint8Array;
  readonly pemText: string;
}

/** Splits PEM text (openssl output, including "Bag Attributes" noise) into blocks. */
export function pemBlocks(text: string): TestPemBlock[] {
  const out: TestPemBlock[] = [];
  for (const m of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g)) {
    const body = (m[2] as string).replace(/^[A-Za-z-]+:.*$/gm, '').replace(/\s+/g, '');
    out.push({ label: m[1] as string, der: new Uint8Array(Buffer.from(body, 'base64')), pemText: m[0] });
  }
  return out;
}

/** The only PEM block of a file. */
export function onlyBlock(text: string | Buffer): TestPemBlock {
  const blocks = pemBlocks(text.toString());
  if (blocks.length !== 1) throw new Error(`expected one PEM block, found ${blocks.length}`);
  return blocks[0] as TestPemBlock;
}

/** Lowercase hex SHA-256, as PublicKeyInfo.spkiSha256 is written. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function lengthOf(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** A TLV from a tag and value (definite length). */
export function tlv(tag: number, value: Uint8Array): Uint8Array {
  return Buffer.concat([Uint8Array.of(tag), lengthOf(value.length), value]);
}

export interface RewriteOptions {
  /** Replace a primitive value's whole TLV (return undefined to keep it). */
  readonly edit?: (tag: number, value: Uint8Array) => Uint8Array | undefined;
  /** Encode every constructed value with BER indefinite length, as Windows and Java do. */
  readonly indefinite?: boolean;
}

/** Re-encodes the DER tree of `der` (not descending into OCTET STRINGs), applying the options. */
export function rewriteDer(der: Uint8Array, options: RewriteOptions): Uint8Array {
  const visit = (node: Tlv): Uint8Array => {
    if (!node.constructed) return options.edit?.(node.tag, valueOf(der, node)) ?? rawOf(der, node);
    const inner = Buffer.concat(children(der, node).map(visit));
    return options.indefinite ? Buffer.concat([Uint8Array.of(node.tag, 0x80), inner, Uint8Array.of(0, 0)]) : tlv(node.tag, inner);
  };
  return new Uint8Array(visit(readTlv(der, 0)));
}

/** An OCTET STRING in BER constructed form: indefinite length, `size`-byte chunks. */
export function chunkedOctets(value: Uint8Array, size: number): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0x24, 0x80)];
  for (let i = 0; i < value.length; i += size) parts.push(tlv(0x04, value.subarray(i, i + size)));
  parts.push(Uint8Array.of(0, 0));
  return new Uint8Array(Buffer.concat(parts));
}

/** Whether two byte arrays hold the same bytes. */
export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
