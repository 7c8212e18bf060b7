import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditInput } from '../../../shared/posture';
import type { AuditResult } from '../../../shared/model/posture';
import { createPostureService } from './service';
import { testDeps } from './test-deps';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'posture-service-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// No console output anywhere: generated secrets and file contents must never reach a log.
const quiet = ['log', 'info', 'warn', 'error', 'debug'] as const;
beforeEach(() => quiet.forEach((m) => vi.spyOn(console, m)));
afterEach(() => {
  quiet.forEach((m) => expect(console[m]).not.toHaveBeenCalled());
  vi.restoreAllMocks();
});

const sha = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const service = createPostureService(testDeps());
let n = 0;
async function envFile(text: string | Uint8Array, mode = 0o600): Promise<string> {
  const path = join(dir, `case-${++n}.env`);
  await writeFile(path, text, { mode });
  return path;
}

describe('env.read', () => {
  it('returns the text with its BOM, the sha256 of the bytes, mode, entries, line endings', async () => {
    const text = '\uFEFFA=1\r\nSENTINEL_SECRET_KEY="x"\r\nA=2\r\n';
    const path = await envFile(text, 0o640);
    const doc = await service.read({ path });
    expect(doc).toEqual({
      path,
      text,
      sha256: sha(Buffer.from(text, 'utf8')),
      mode: 0o640,
      entries: [
        { key: 'A', value: '1', line: 1, overridden: true },
        { key: 'SENTINEL_SECRET_KEY', value: 'x', line: 2, overridden: false },
        { key: 'A', value: '2', line: 3, overridden: false },
      ],
      eol: 'crlf',
      bom: true,
    });
  });

  it('refuses a symlink, a directory, a missing file, an oversized file and bytes that are not UTF-8', async () => {
    const target = await envFile('A=1\n');
    const link = join(dir, 'link.env');
    await symlink(target, link);
    await expect(service.read({ path: link })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('symbolic link') });
    await mkdir(join(dir, 'a-dir.env'));
    await expect(service.read({ path: join(dir, 'a-dir.env') })).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('directory') });
    await expect(service.read({ path: join(dir, 'absent.env') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const big = await envFile(`A=${'x'.repeat(1024 * 1024)}\n`);
    await expect(service.read({ path: big })).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('1 MiB') });
    const latin1 = await envFile(new Uint8Array([0x41, 0x3d, 0xe9, 0x0a]));
    await expect(service.read({ path: latin1 })).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('not UTF-8') });
  });

  it("refuses a file owned by another user than the console's, saying whose it is and what to do", async () => {
    const path = await envFile('A=1\n');
    const other = createPostureService(testDeps({ uid: 4242 }));
    await expect(other.read({ path })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/belongs to uid \d+, but the console runs as uid 4242.*chown/) });
  });
});

describe('env.preview', () => {
  it('masks secret values in both columns of the diff and shows the rest', async () => {
    const text = 'SENTINEL_ALLOWED_ORIGINS=*\nSENTINEL_SECRET_KEY=change-me-dev-secret-value\n';
    const path = await envFile(text);
    const preview = await service.preview({
      path,
      baseSha256: sha(text),
      edits: [
        { kind: 'set', key: 'SENTINEL_ALLOWED_ORIGINS', value: 'https://console.example' },
        { kind: 'set', key: 'SENTINEL_SECRET_KEY', value: 'Zm9vYmFyYmF6cXV4cXV1eHF1dXpxdXV6cXV1enF1dXo' },
      ],
    });
    expect(preview.verified).toBe(true);
    expect(preview.refused).toEqual([]);
    const changed = preview.diff.rows.filter((r) => r.kind === 'changed');
    expect(changed.map((r) => [r.oldText, r.newText])).toEqual([
      ['SENTINEL_ALLOWED_ORIGINS=*', 'SENTINEL_ALLOWED_ORIGINS=https://console.example'],
      ['SENTINEL_SECRET_KEY=ch… (26 chars)', 'SENTINEL_SECRET_KEY=Zm… (43 chars)'],
    ]);
    expect(JSON.stringify(preview)).not.toMatch(/change-me-dev|Zm9vYmFy/);
  });

  it('lists a value no quoting can carry as refused, with the rest still previewed and verified', async () => {
    const text = 'A=1\n';
    const preview = await service.preview({ path: await envFile(text), baseSha256: sha(text), edits: [{ kind: 'set', key: 'A', value: `'"\`#` }, { kind: 'set', key: 'B', value: '2' }] });
    expect(preview.refused).toEqual([{ key: 'A', message: expect.stringContaining('cannot read this value back') }]);
    expect(preview.verified).toBe(true);
    expect(preview.diff.rows.at(-1)).toMatchObject({ kind: 'added', newText: 'B=2' });
  });

  it('refuses to preview against a file that changed on disk since it was opened', async () => {
    const path = await envFile('A=1\n');
    await expect(service.preview({ path, baseSha256: sha('A=0\n'), edits: [{ kind: 'remove', key: 'A' }] })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('changed on disk') });
  });
});

describe('env.generateSecret', () => {
  it('returns base64url from the CSPRNG, never under 256 bits', async () => {
    const { value } = await service.generateSecret({ bytes: 32 });
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await service.generateSecret({ bytes: 8 })).value).toHaveLength(43);
    expect((await service.generateSecret({ bytes: 64 })).value).toHaveLength(86);
  });
});

describe('posture.audit', () => {
  function capturing(): { service: ReturnType<typeof createPostureService>; inputs: AuditInput[] } {
    const inputs: AuditInput[] = [];
    const deps = testDeps();
    const auditEnv = (input: AuditInput): AuditResult => {
      inputs.push(input);
      return deps.rules.auditEnv(input);
    };
    return { service: createPostureService({ ...deps, rules: { ...deps.rules, auditEnv } }), inputs };
  }

  it('audits the file on disk with queued edits applied, and stats the key files it names', async () => {
    await writeFile(join(dir, 'signing.pem'), 'x', { mode: 0o644 });
    const text = 'SENTINEL_ALLOWED_ORIGINS=*\nSENTINEL_SIGNING_PRIVATE_KEY_PATH=./signing.pem\n';
    const path = await envFile(text);
    const { service: audited, inputs } = capturing();
    const result = await audited.audit({ source: { kind: 'path', path }, profile: 'production', proxyMode: 'nginx-mtls', edits: [{ kind: 'set', key: 'SENTINEL_ALLOWED_ORIGINS', value: 'https://a.example' }] });
    const input = inputs[0] as AuditInput;
    expect(input.file).toBe(path);
    expect(input.sha256).toBe(sha(text));
    expect(input.values.get('SENTINEL_ALLOWED_ORIGINS')).toBe('https://a.example');
    expect(input.paths.get('./signing.pem')).toMatchObject({ exists: true, mode: 0o644, insideProject: true });
    expect(result.summary.pass + result.summary.warn + result.summary.fail + result.summary.unchecked).toBe(result.results.length);
  });

  it('audits pasted text under its name, with no file facts', async () => {
    const { service: audited, inputs } = capturing();
    const text = 'SENTINEL_SIGNING_PRIVATE_KEY_PATH=./signing.pem\n';
    await audited.audit({ source: { kind: 'text', name: 'pasted.env', text }, profile: 'development', proxyMode: 'direct', edits: [] });
    expect(inputs[0]).toMatchObject({ file: 'pasted.env', sha256: sha(text), profile: 'development', proxyMode: 'direct' });
    expect(inputs[0]?.paths.size).toBe(0);
  });
});
