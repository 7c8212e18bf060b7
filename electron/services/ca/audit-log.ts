import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CommandFailure } from '../../../shared/ipc/errors';
import type { AuditLogEntry, AuditLogView } from '../../../shared/model/ca';
import { GENESIS, lastEntry, verifyLog } from './audit-log-chain';

/**
 * The CA's append-only audit log, `<dataDir>/ca/audit.jsonl`: one JSON object a line, each
 * hash-chained to the one before (see audit-log-chain.ts). An append is on disk (fsync) before it
 * resolves, and any failure to write is UNAVAILABLE so the caller refuses the operation:
 * nothing happens to the CA without a record.
 */

export interface AuditLog {
  append(op: AuditLogEntry['op'], detail: string): Promise<AuditLogEntry>;
  view(): Promise<AuditLogView>;
}

/** Longer details are cut: a line must stay well inside the tail append reads back. */
const MAX_DETAIL = 2000;
/** Enough to hold the last line whatever its detail (JSON escaping can grow it sixfold). */
const TAIL_BYTES = 64 * 1024;

const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The hash each entry carries: SHA-256 over the canonical JSON (sorted keys) of every other field. */
export function entryHash(fields: Omit<AuditLogEntry, 'hash'>): string {
  const canonical = JSON.stringify({ at: fields.at, detail: fields.detail, op: fields.op, prevHash: fields.prevHash, seq: fields.seq });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

async function readTail(path: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (handle === null) return '';
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    // Drop a partial first line when the tail starts mid-file.
    const text = buffer.toString('utf8');
    return size > length ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    await handle.close();
  }
}

export function createAuditLog(deps: { path: string; clock: () => Date }): AuditLog {
  const { path } = deps;
  let queue: Promise<unknown> = Promise.resolve();

  async function write(op: AuditLogEntry['op'], detail: string): Promise<AuditLogEntry> {
    const tail = await readTail(path);
    const previous = lastEntry(tail);
    if (previous === 'unreadable') {
      throw new CommandFailure('UNAVAILABLE', `the audit log ${path} ends with a line that is not an entry, so the next one cannot be chained; move the file aside (and keep it) to start a new log`);
    }
    const fields = {
      seq: previous === null ? 1 : previous.seq + 1,
      at: deps.clock().toISOString(),
      op,
      detail: detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail,
      prevHash: previous === null ? GENESIS : previous.hash,
    };
    const entry: AuditLogEntry = { ...fields, hash: entryHash(fields) };
    // A torn last line (crash mid-append) stays as evidence; the new entry starts on its own line.
    const line = `${tail !== '' && !tail.endsWith('\n') ? '\n' : ''}${JSON.stringify(entry)}\n`;
    const created = tail === '';
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const handle = await open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
    try {
      await handle.writeFile(line, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (created) {
      // The new file's directory entry must survive a crash too.
      const dir = await open(dirname(path), constants.O_RDONLY);
      await dir.sync().finally(() => dir.close());
    }
    return entry;
  }

  return {
    append(op, detail) {
      const run = queue.then(() =>
        write(op, detail).catch((err: unknown) => {
          if (err instanceof CommandFailure) throw err;
          throw new CommandFailure('UNAVAILABLE', `the audit log ${path} could not be written (${reason(err)}); the operation is refused so that nothing happens without a record`);
        }),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    async view() {
      const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return '';
        throw new CommandFailure('UNREADABLE_FILE', `the audit log ${path} could not be read (${reason(err)})`);
      });
      return verifyLog(text, entryHash);
    },
  };
}
