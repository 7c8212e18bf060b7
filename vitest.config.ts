import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests beside their subjects. Node for shared/, electron/ and the e2e
 * support code (real nginx, real TLS); happy-dom for React (jsdom breaks WebCrypto).
 * e2e/built (packaging, the built CLI) runs separately after a build (see e2e/tools/test-all.ts).
 */
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'e2e/support/**/*.test.ts', 'e2e/integration/**/*.test.ts'],
          setupFiles: ['e2e/support/setup-reflect.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['e2e/support/setup-reflect.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'built',
          environment: 'node',
          include: ['e2e/built/**/*.test.ts'],
          testTimeout: 180_000,
        },
      },
    ],
  },
});
