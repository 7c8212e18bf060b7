// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * Lint with the architecture's import boundaries (DESIGN.md "Boundaries are enforced by lint").
 * Each folder gets one complete no-restricted-imports rule, because flat-config entries for the
 * same rule replace each other rather than merge.
 */

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `node:${m}`)];
const nodeOnly = { group: ['node:*'], message: 'Environment-bound: Node built-ins stay in electron/.' };
const builtinPaths = nodeBuiltins.map((name) => ({ name, message: 'Environment-bound: Node built-ins stay in electron/.' }));
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC lives only in electron/main/ipc.ts and electron/preload/index.ts.',
};
const intoFolder = (folders, message) => ({ regex: `^(\\.\\.?/)+(\\.\\./)*(${folders.join('|')})/`, message });

const restrict = (paths, patterns) => ['error', { paths, patterns }];

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='sendSync']", message: 'No synchronous IPC.' },
        { selector: "Property[key.name='rejectUnauthorized'][value.value=false]", message: 'TLS verification stays on.' },
      ],
    },
  },
  {
    // tsyringe needs the Reflect polyfill first: every non-test import goes through shared/pki/x509.ts.
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'shared/pki/x509.ts', '**/test-helpers.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@peculiar/x509', message: "Import from shared/pki/x509 so 'reflect-metadata' loads first." }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': restrict(
        [...builtinPaths, { name: 'electron', message: 'shared/ is environment-free.' }, { name: 'react', message: 'shared/ is environment-free.' }],
        [nodeOnly, intoFolder(['electron', 'renderer', 'e2e'], 'shared/ imports only shared/ and pure packages.')],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          ...builtinPaths,
          { name: 'electron', message: 'The renderer talks to main only through the bridge.' },
          { name: 'zod', message: 'Schemas run in main; the renderer imports contract types only.' },
        ],
        [
          nodeOnly,
          intoFolder(['electron', 'e2e'], 'The renderer imports shared/ only.'),
          { regex: 'shared/ipc/contract$', allowTypeImports: true, message: 'Import contract types with `import type` (keeps zod out of the bundle).' },
          { regex: '^zod/', message: 'Schemas run in main; the renderer imports contract types only.' },
          { regex: 'shared/ipc/zod$', allowTypeImports: true, message: 'Schemas run in main: `import type` only (keeps zod out of the bundle).' },
        ],
      ),
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/hosts/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [{ name: 'electron', allowTypeImports: true, message: 'Services and hosts run without Electron: type imports only.' }],
        [intoFolder(['renderer', 'main', 'preload'], 'Services and hosts never reach into main/, preload/ or the renderer.')],
      ),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([rawIpc], [intoFolder(['renderer', 'hosts'], 'main/ does not import the renderer or other hosts.')]),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/index.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [rawIpc, ...builtinPaths, { name: 'zod', message: 'The preload bundles channel names only.' }],
        [{ regex: '^\\.\\./\\.\\./shared/(?!ipc/channels$)', message: 'The preload imports shared/ipc/channels only.' }, { regex: '^zod/', message: 'The preload bundles channel names only.' }, intoFolder(['main', 'services', 'hosts'], 'The preload imports nothing from main.')],
      ),
    },
  },
  {
    files: ['electron/preload/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [...builtinPaths, { name: 'zod', message: 'The preload bundles channel names only.' }],
        [{ regex: '^\\.\\./\\.\\./shared/(?!ipc/channels$)', message: 'The preload imports shared/ipc/channels only.' }, { regex: '^zod/', message: 'The preload bundles channel names only.' }],
      ),
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
