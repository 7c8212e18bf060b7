import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `npm test`: every check the project has, in order, ending with one plain line
 * "N passed, N failed, N skipped" (CI reads that line, not vitest's or Playwright's).
 * A failing stage does not stop the later independent ones, so one run shows everything.
 */

const root = new URL('../..', import.meta.url).pathname;
const results = join(root, 'test-results');
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

function exec(command: string, args: readonly string[], onLine?: (line: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', onLine ? 'pipe' : 'inherit', 'inherit'], env: process.env });
    if (onLine && child.stdout) {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        process.stdout.write(chunk);
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

function record(stage: string, tally: Tally, note = ''): void {
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  lines.push(`${stage.padEnd(14)} ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped${note ? `  (${note})` : ''}`);
}

/** A stage that is one check: its exit code is the verdict. */
async function check(stage: string, command: string, args: readonly string[], keep?: RegExp): Promise<boolean> {
  console.log(`\n=== ${stage}: ${[command.split('/').pop(), ...args].join(' ')}`);
  const kept: string[] = [];
  const ok = (await exec(command, args, keep ? (line) => void (keep.test(line) && kept.push(line)) : undefined)) === 0;
  record(stage, { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  for (const line of kept) lines.push(`  ${line}`);
  return ok;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

async function vitest(stage: string, projects: readonly string[]): Promise<void> {
  const out = join(results, `vitest-${stage}.json`);
  console.log(`\n=== ${stage}: vitest ${projects.join(', ')}`);
  const args = ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile=${out}`];
  const code = await exec(bin('vitest'), args);
  try {
    const r = JSON.parse(await readFile(out, 'utf8')) as VitestJson;
    const failed = r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0);
    record(stage, { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests });
  } catch {
    record(stage, { passed: 0, failed: 1, skipped: 0 }, 'no vitest report');
  }
}

interface PlaywrightJson {
  stats: { expected: number; unexpected: number; skipped: number; flaky: number };
  suites: unknown[];
}

async function playwright(): Promise<void> {
  const report = join(results, 'e2e', 'report.json');
  console.log('\n=== e2e: playwright (projects web, electron)');
  await rm(report, { force: true });
  const args = ['test', '-c', 'e2e/playwright.config.ts'];
  // Electron needs a display when a binary exists; headless Chromium does not mind either way.
  const xvfb = !process.env['DISPLAY'] && existsSync('/usr/bin/xvfb-run');
  const code = xvfb ? await exec('/usr/bin/xvfb-run', ['-a', bin('playwright'), ...args]) : await exec(bin('playwright'), args);
  try {
    const { stats } = JSON.parse(await readFile(report, 'utf8')) as PlaywrightJson;
    const failed = stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
    const note = stats.skipped > 0 ? 'electron project skipped where no Electron binary exists' : '';
    record('e2e', { passed: stats.expected, failed, skipped: stats.skipped }, note);
  } catch {
    record('e2e', { passed: 0, failed: 1, skipped: 0 }, 'no Playwright report');
  }
}

async function main(): Promise<void> {
  await mkdir(results, { recursive: true });
  await check('typecheck', bin('tsc'), ['-b']);
  await check('lint', bin('eslint'), ['.']);
  await check('security-lint', bin('tsx'), ['e2e/tools/security-lint.ts']);
  await check('conformance', bin('tsx'), ['e2e/tools/conformance.ts'], /^(x509-limbo|nist-pkits): /);
  const built = await check('build', 'npm', ['run', '--silent', 'build']);
  await vitest('unit', ['node', 'dom']);
  if (built) {
    await vitest('built', ['built']);
    await playwright();
    await check('bench-short', bin('tsx'), ['e2e/tools/bench.ts', '--short'], /ratio/);
  } else {
    record('built+e2e', { passed: 0, failed: 1, skipped: 0 }, 'build failed, nothing to run against');
  }
  console.log('\n=== summary');
  for (const line of lines) console.log(line);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exitCode = total.failed === 0 ? 0 : 1;
}

void main();
