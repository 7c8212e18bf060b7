import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { appVersionDefine, projectRoot } from '../build-constants';

const at = (p: string): string => resolve(projectRoot, p);

/**
 * Builds the loopback web host (ESM, out/hosts/web.mjs); runs before cli/vite.config.ts and
 * empties out/hosts. Neither host is packaged into app.asar.
 */
export default defineConfig({
  define: appVersionDefine,
  build: {
    outDir: at('out/hosts'),
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    rollupOptions: {
      input: { web: at('electron/hosts/web/main.ts') },
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'web/[name]-[hash].mjs' },
    },
  },
  ssr: { noExternal: true },
});
