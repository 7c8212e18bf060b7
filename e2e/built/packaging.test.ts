import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packs the built app with electron-builder's `dir` target against a stub Electron dist
 * (no binary can be downloaded here) and checks what app.asar holds. Fuses cannot be
 * flipped in a stub binary, so they are checked as configuration instead.
 */

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const asar = createRequire(import.meta.url)('@electron/asar') as { listPackage(path: string, options?: object): string[] };

interface PackageJson {
  main: string;
  devDependencies: Record<string, string>;
  dependencies?: Record<string, string>;
  build: Record<string, unknown> & { electronFuses: Record<string, boolean> };
}

let work: string;
let pkg: PackageJson;
let files: string[];

beforeAll(async () => {
  pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as PackageJson;
  work = await mkdtemp(join(tmpdir(), 'sc-pack-'));
  const dist = join(work, 'electron-dist');
  await mkdir(join(dist, 'resources'), { recursive: true });
  await writeFile(join(dist, 'electron'), '#!/bin/sh\necho "stub electron $@"\n');
  await chmod(join(dist, 'electron'), 0o755);
  await writeFile(join(dist, 'version'), `${pkg.devDependencies['electron']}\n`);
  const { electronFuses: _fuses, ...config } = pkg.build;
  const configPath = join(work, 'builder.json');
  await writeFile(configPath, JSON.stringify({ ...config, electronDist: dist, directories: { output: join(work, 'release'), buildResources: 'assets' } }));
  await run(join(root, 'node_modules/.bin/electron-builder'), ['--linux', 'dir', '--config', configPath, '--projectDir', root], {
    cwd: root,
    timeout: 150_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  files = asar.listPackage(join(work, 'release', 'linux-unpacked', 'resources', 'app.asar'), { isPack: false });
}, 180_000);

afterAll(async () => rm(work, { recursive: true, force: true }));

describe('electron-builder package', () => {
  it('holds main, the CommonJS preload and the renderer build', () => {
    expect(files).toContain(`/${pkg.main}`);
    expect(files).toContain('/out/preload/index.cjs');
    expect(files).toContain('/out/renderer/index.html');
    expect(files.some((f) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(f))).toBe(true);
  });

  it('holds no test code, sources, hosts or node_modules', () => {
    const forbidden = files.filter((f) =>
      /\.(test|spec)\.|\/e2e\/|\/electron\/|\/shared\/|\/renderer\/[^/]+\.tsx?$|\/out\/hosts\/|\/out\/tsc\/|node_modules|\.map$/.test(f),
    );
    expect(forbidden).toEqual([]);
  });

  it('ships with no runtime dependencies because Vite bundled them', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('configures the hardening fuses (Electron security checklist 19)', () => {
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
