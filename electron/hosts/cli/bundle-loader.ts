import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Script } from 'node:vm';

/** What a bundle file exports once evaluated; the launcher knows the entry's shape. */
type Exports = Record<string, unknown>;

export interface BundleLoader {
  /** Evaluates a bundle file once (later calls return the same exports). */
  load(file: string): Exports;
  /** Loads every bundle file not yet loaded, then writes each one's V8 code cache beside it. */
  writeCodeCache(): number;
  /** How each file loaded so far was compiled: from its cache, or from source (cache missing or rejected). */
  cacheUse(): { readonly cached: number; readonly rejected: readonly string[]; readonly missing: readonly string[] };
}

const CACHE_SUFFIX = '.v8cache';

// The CommonJS wrapper on the first line, so line numbers in stack traces stay right.
const wrap = (source: string): string => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file + CACHE_SUFFIX);
  } catch {
    return undefined;
  }
}

/**
 * Loads the CLI's CommonJS bundle (out/hosts/cli/) with V8 code caches written at build time.
 * Node 20 has no compile cache of its own (module.enableCompileCache arrived in Node 22), and
 * parsing 600 KB of bundle on every start was a third of a short command's time. V8 checks
 * each cache against its own version, flags and the source, and rejects a stale one; the
 * file then compiles as usual. Relative requires stay inside the bundle; anything else
 * (the bundle's only externals are node: built-ins) goes to `requireBuiltin`, the launcher's
 * own require: node:module's createRequire would load the ES module loader for nothing.
 */
export function createBundleLoader(dir: string, requireBuiltin: (id: string) => unknown): BundleLoader {
  const modules = new Map<string, { exports: Exports }>();
  const scripts = new Map<string, { script: Script; hadCache: boolean }>();

  function load(file: string): Exports {
    const path = resolve(dir, file);
    const known = modules.get(path);
    if (known) return known.exports;
    const cachedData = readCache(path);
    const script = new Script(wrap(readFileSync(path, 'utf8')), { filename: path, ...(cachedData ? { cachedData } : {}) });
    const module = { exports: {} as Exports };
    // Registered before it runs, as Node does, so a require cycle sees the partial exports.
    modules.set(path, module);
    scripts.set(path, { script, hadCache: cachedData !== undefined });
    const localRequire = (id: string): unknown => (id.startsWith('./') || id.startsWith('../') ? load(join(dirname(path), id)) : requireBuiltin(id));
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(module.exports, module.exports, localRequire, module, path, dirname(path));
    return module.exports;
  }

  return {
    load,
    cacheUse() {
      const rejected: string[] = [];
      const missing: string[] = [];
      let cached = 0;
      for (const [path, { script, hadCache }] of scripts) {
        if (!hadCache) missing.push(basename(path));
        else if (script.cachedDataRejected === true) rejected.push(basename(path));
        else cached++;
      }
      return { cached, rejected, missing };
    },
    writeCodeCache() {
      for (const name of readdirSync(dir)) if (name.endsWith('.js')) load(name);
      for (const [path, { script }] of scripts) writeFileSync(path + CACHE_SUFFIX, script.createCachedData());
      return scripts.size;
    },
  };
}
