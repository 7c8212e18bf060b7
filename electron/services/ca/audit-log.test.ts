import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, open, readFile, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandFailure } from '../../../shared/ipc/errors';
import { createAuditLog, type AuditLog } from './audit-log';

let dir = '';
let path = '';
let log: AuditLog;
let tick = 0;
const clock = (): Date => new Date(Date.UTC(2026, 0, 1, 12, 0, tick++));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sc-audit-'));
  path = join(dir, 'ca', 'audit.jsonl');
  log = createAuditLog({ path, clock });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const lines = async (): Promise<string[]> => (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '');
const rewrite = async (edit: (lines: string[]) => string[]): Promise<void> => writeFile(path, `${edit(await lines()).join('\n')}\n`);

async function fill(count: number): Promise<void> {
  for (let i = 1; i <= count; i++) await log.append('issue', `device-${i} serial 0${i}`);
}

describe('audit log', () => {
  it('appends hash-chained JSON lines, 0600, and verifies them', async () => {
    const first = await log.append('create', 'root CA abc (CN=Test Root)');
    const second = await log.append('issue', 'device-1 serial 01');
    expect(first).toMatchObject({ seq: 1, op: 'create', prevHash: '0'.repeat(64), at: '2026-01-01T12:00:00.000Z' });
    expect(second.prevHash).toBe(first.hash);
    // The hash, recomputed independently: SHA-256 over the sorted-key JSON of every other field.
    const { hash, ...rest } = second;
    const canonical = JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))));
    expect(hash).toBe(createHash('sha256').update(canonical).digest('hex'));
    expect((await lines()).map((l) => JSON.parse(l) as unknown)).toEqual([first, second]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await log.view()).toEqual({ entries: [first, second], verified: true, brokenAt: null, message: '2 entries; the hash chain is intact' });
  });

  it('fsyncs before an append resolves', async () => {
    const handle = await open('/dev/null');
    const proto = Object.getPrototypeOf(handle) as { sync(): Promise<void> };
    await handle.close();
    const sync = vi.spyOn(proto, 'sync');
    await log.append('lock', 'idle');
    expect(sync).toHaveBeenCalled();
  });

  it('keeps order and chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append('revoke', `serial ${i}`)));
    const view = await log.view();
    expect(view.verified).toBe(true);
    expect(view.entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('reports an edited detail as the first broken entry', async () => {
    await fill(4);
    await rewrite((all) => all.map((l, i) => (i === 1 ? l.replace('device-2', 'device-X') : l)));
    const view = await log.view();
    expect(view).toMatchObject({ verified: false, brokenAt: 2 });
    expect(view.message).toMatch(/entry 2 was altered/);
    expect(view.entries).toHaveLength(4);
  });

  it('reports a removed line and a recomputed-but-unchained forgery', async () => {
    await fill(4);
    await rewrite((all) => all.filter((_, i) => i !== 1));
    expect(await log.view()).toMatchObject({ verified: false, brokenAt: 3 });

    await rm(path);
    await fill(3);
    // A forger who recomputes entry 2's own hash still breaks entry 3's link to it.
    await rewrite((all) =>
      all.map((l, i) => {
        if (i !== 1) return l;
        const e = JSON.parse(l) as Record<string, unknown>;
        const fields = { at: e['at'], detail: 'forged', op: e['op'], prevHash: e['prevHash'], seq: e['seq'] };
        return JSON.stringify({ ...e, detail: 'forged', hash: createHash('sha256').update(JSON.stringify(fields)).digest('hex') });
      }),
    );
    const view = await log.view();
    expect(view).toMatchObject({ verified: false, brokenAt: 3 });
    expect(view.message).toMatch(/does not chain/);
  });

  it('reports a truncated final line, and keeps appending after it on a fresh line', async () => {
    await fill(3);
    const { size } = await stat(path);
    await truncate(path, size - 20);
    const view = await log.view();
    expect(view).toMatchObject({ verified: false, brokenAt: 3 });
    expect(view.message).toMatch(/last line is incomplete \(truncated\) after entry 2/);

    const next = await log.append('publish', 'CRL 5');
    expect(next.seq).toBe(3);
    const after = await log.view();
    expect(after.brokenAt).toBe(3);
    expect(after.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await readFile(path, 'utf8')).endsWith(`${JSON.stringify(next)}\n`)).toBe(true);
  });

  it('is empty and intact before the first entry', async () => {
    expect(await log.view()).toEqual({ entries: [], verified: true, brokenAt: null, message: 'no audit entries yet' });
  });

  it('fails closed with UNAVAILABLE when it cannot write or cannot chain', async () => {
    const codeOf = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: unknown) => (e instanceof CommandFailure ? `${e.code}: ${e.message}` : String(e)));
    await mkdir(path, { recursive: true });
    expect(await codeOf(log.append('issue', 'x'))).toMatch(/^UNAVAILABLE: .*operation is refused/);
    await rm(path, { recursive: true });

    await writeFile(join(dir, 'elsewhere.jsonl'), '');
    await symlink(join(dir, 'elsewhere.jsonl'), path);
    expect(await codeOf(log.append('issue', 'x'))).toMatch(/^UNAVAILABLE/);
    expect(await readFile(join(dir, 'elsewhere.jsonl'), 'utf8')).toBe('');
    await rm(path);

    await writeFile(path, 'not json\n');
    expect(await codeOf(log.append('issue', 'x'))).toMatch(/^UNAVAILABLE: .*cannot be chained/);
  });
});
