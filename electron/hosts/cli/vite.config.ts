import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { appVersionDefine, projectRoot } from '../../build-constants';

const at = (p: string): string => resolve(projectRoot, p);

/** out/hosts/package.json: the CLI's .js files are CommonJS (the web host is web.mjs). */
function commonJsScope(): Plugin {
  return {
    name: 'sentinel-cli-commonjs-scope',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'package.json', source: `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n` });
    },
  };
}

/**
 * Builds the CLI as CommonJS: the launcher out/hosts/cli.js and the bundle it loads, with its
 * lazily required chunks, in out/hosts/cli/. CommonJS because a plain script starts faster
 * than an ES module graph in Node 20, and because V8 code caches (bundle-loader.ts) need
 * vm.Script, which has no ES module form there.
 */
export default defineConfig({
  define: appVersionDefine,
  plugins: [commonJsScope()],
  build: {
    outDir: at('out/hosts'),
    // The web host's build has just emptied out/hosts; keep its output.
    emptyOutDir: false,
    target: 'node20',
    ssr: true,
    minify: false,
    rollupOptions: {
      input: { cli: at('electron/hosts/cli/launcher.ts'), 'cli/main': at('electron/hosts/cli/main.ts') },
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: {
        format: 'cjs',
        entryFileNames: '[name].js',
        chunkFileNames: 'cli/[name]-[hash].js',
        banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
  ssr: { noExternal: true },
});
