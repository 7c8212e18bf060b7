import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { appVersionDefine, cspMetaPlugin, projectRoot } from './build-constants';

const at = (p: string): string => resolve(projectRoot, p);

/** Builds main (ESM), preload (one sandbox-compatible CommonJS file) and the renderer into out/. */
export default defineConfig({
  main: {
    define: appVersionDefine,
    build: {
      outDir: at('out/main'),
      target: 'node22',
      lib: { entry: at('electron/main/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      externalizeDeps: false,
      lib: { entry: at('electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rollupOptions: { external: ['electron'], output: { format: 'cjs', inlineDynamicImports: true } },
    },
  },
  renderer: {
    root: at('renderer'),
    base: './',
    plugins: [react(), cspMetaPlugin()],
    build: {
      outDir: at('out/renderer'),
      target: 'chrome130',
      minify: true,
      rollupOptions: { input: at('renderer/index.html') },
    },
  },
});
