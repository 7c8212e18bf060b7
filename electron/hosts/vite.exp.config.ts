import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { appVersionDefine } from '/work/main/electron/build-constants';
export default defineConfig({
  define: appVersionDefine,
  build: {
    outDir: '/tmp/exp/out', emptyOutDir: true, target: 'node20', ssr: true, minify: false,
    rollupOptions: {
      input: { cli: '/tmp/exp/main-src.ts' },
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'assets/[name]-[hash].cjs' },
    },
  },
  ssr: { noExternal: true },
});
