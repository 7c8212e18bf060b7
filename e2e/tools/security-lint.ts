import { execFile } from 'node:child_process';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Electron security lint: runs @doyensec/electronegativity over electron/ and renderer/
 * together (its global checks, such as CSP and navigation limits, need both in one scan)
 * and fails on any finding of MEDIUM or above. The tool always exits 0, so this parses its
 * CSV. A canary tree with a known-bad window is scanned alongside: if the scanner finds
 * nothing there, it is broken and this lint fails rather than passing silently.
 */

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const FAILING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

export interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly confidence: string;
  readonly file: string;
  readonly location: string;
}

/** The first five CSV columns never contain commas; the code sample after them may. */
export function parseFindings(csv: string): Finding[] {
  const lines = csv.split('\n').filter((l) => l.trim() !== '');
  if (!lines[0]?.startsWith('issue, severity')) throw new Error('electronegativity wrote no report header');
  return lines.slice(1).map((line) => {
    const [check, severity, confidence, file, location] = line.split(',').map((f) => f.replace(/^"|"$/g, ''));
    return { check: check ?? '', severity: severity ?? '', confidence: confidence ?? '', file: file ?? '', location: location ?? '' };
  });
}

async function electronVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const version = pkg.devDependencies['electron'];
  if (!version) throw new Error('package.json does not pin electron');
  return version;
}

async function scan(dir: string, version: string): Promise<Finding[]> {
  const report = join(dir, '..', `${dir.split('/').pop() ?? 'scan'}.csv`);
  const bin = join(root, 'node_modules', '.bin', 'electronegativity');
  await run(bin, ['-i', dir, '-e', version, '-r', '-o', report], { maxBuffer: 32 * 1024 * 1024, timeout: 180_000 });
  return parseFindings(await readFile(report, 'utf8'));
}

async function main(): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'sc-eng-'));
  try {
    const version = await electronVersion();
    const app = join(work, 'app');
    const noTests = (src: string): boolean => !/\.test\.tsx?$/.test(src);
    await cp(join(root, 'electron'), join(app, 'electron'), { recursive: true, filter: noTests });
    await cp(join(root, 'renderer'), join(app, 'renderer'), { recursive: true, filter: noTests });
    const canary = join(work, 'canary');
    await mkdir(canary);
    await writeFile(
      join(canary, 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const [findings, canaryFindings] = await Promise.all([scan(app, version), scan(canary, version)]);
    if (!canaryFindings.some((f) => f.severity === 'HIGH')) {
      console.error('security lint: electronegativity found nothing in a known-bad canary; the scanner is not working.');
      return 1;
    }
    const failing = findings.filter((f) => FAILING.has(f.severity));
    for (const f of findings) {
      const mark = FAILING.has(f.severity) ? 'FAIL' : 'info';
      console.log(`${mark} ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.location}`);
    }
    console.log(`security lint: ${findings.length} finding(s), ${failing.length} at MEDIUM or above (electronegativity, Electron ${version})`);
    return failing.length === 0 ? 0 : 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`security lint: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
