import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { appVersionDefine, projectRoot } from '../build-constants';

const at = (p: string): string => resolve(projectRoot, p);

/** Builds the plain-Node hosts (CLI and loopback web host) into out/hosts; not packaged into app.asar. */
export default defineConfig({
  define: appVersionDefine,
  build: {
    outDir: at('out/hosts'),
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    rollupOptions: {
      input: { cli: at('electron/hosts/cli/main.ts'), web: at('electron/hosts/web/main.ts') },
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
  ssr: { noExternal: true },
});
