import type { AuditLogEntry, AuditLogView } from '../../../shared/model/ca';

/**
 * Reading and verifying the audit log's hash chain. Every entry commits to the previous
 * entry's hash, so an edited, removed or reordered line breaks the chain from that point on.
 * (A chain alone cannot show lines cut off the end; the last seq and hash, noted elsewhere,
 * can.)
 */

/** prevHash of the first entry. */
export const GENESIS = '0'.repeat(64);

const OPS = ['create', 'import', 'unlock', 'lock', 'issue', 'sign-csr', 'renew', 'revoke', 'publish', 'export', 'rotate'] as const satisfies readonly AuditLogEntry['op'][];
// Fails to compile when the model gains an op this list lacks.
const _allOps: Exclude<AuditLogEntry['op'], (typeof OPS)[number]> extends never ? true : never = true;
const HEX64 = /^[0-9a-f]{64}$/;

const isOp = (value: unknown): value is AuditLogEntry['op'] => (OPS as readonly unknown[]).includes(value);

/** One line as an entry, or null when it is not one (wrong shape, torn, not JSON). */
export function parseEntry(line: string): AuditLogEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { seq, at, op, detail, prevHash, hash } = value as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return null;
  if (typeof at !== 'string' || typeof detail !== 'string' || !isOp(op)) return null;
  if (typeof prevHash !== 'string' || !HEX64.test(prevHash) || typeof hash !== 'string' || !HEX64.test(hash)) return null;
  return { seq, at, op, detail, prevHash, hash };
}

/**
 * The entry to chain the next append from, given the file's tail: null for an empty log,
 * 'unreadable' when the last complete line is not an entry. An unterminated last line (a
 * crash mid-append) is used when it is a whole entry, else skipped.
 */
export function lastEntry(tail: string): AuditLogEntry | null | 'unreadable' {
  const lines = tail.split('\n');
  const unterminated = lines.pop() ?? '';
  if (unterminated !== '') {
    const whole = parseEntry(unterminated);
    if (whole) return whole;
  }
  const last = lines.pop();
  if (last === undefined) return null;
  return parseEntry(last) ?? 'unreadable';
}

/** Verifies the whole chain and reports the first break; entries after it are still listed. */
export function verifyLog(text: string, hashOf: (fields: Omit<AuditLogEntry, 'hash'>) => string): AuditLogView {
  const lines = text.split('\n');
  const terminated = lines[lines.length - 1] === '';
  if (terminated) lines.pop();
  const entries: AuditLogEntry[] = [];
  let brokenAt: number | null = null;
  let message = '';
  let previous: AuditLogEntry | null = null;
  const breakAt = (seq: number, why: string): void => {
    if (brokenAt !== null) return;
    brokenAt = seq;
    message = why;
  };
  lines.forEach((line, index) => {
    const entry = parseEntry(line);
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (!entry) {
      const torn = index === lines.length - 1 && !terminated;
      breakAt(expectedSeq, torn ? `the last line is incomplete (truncated) after entry ${expectedSeq - 1}` : `line ${index + 1} is not a valid audit entry`);
      return;
    }
    entries.push(entry);
    if (entry.seq !== expectedSeq) breakAt(entry.seq, `entry ${entry.seq} follows entry ${expectedSeq - 1}: entries were removed or reordered`);
    else if (entry.prevHash !== (previous?.hash ?? GENESIS)) breakAt(entry.seq, `entry ${entry.seq} does not chain to the entry before it`);
    else if (hashOf(entry) !== entry.hash) breakAt(entry.seq, `entry ${entry.seq} was altered: its hash does not match its content`);
    previous = entry;
  });
  const intact = entries.length === 0 ? 'no audit entries yet' : `${entries.length} entries; the hash chain is intact`;
  return { entries, verified: brokenAt === null, brokenAt, message: brokenAt === null ? intact : `${message}: the log was damaged or tampered with from entry ${String(brokenAt)} on` };
}
