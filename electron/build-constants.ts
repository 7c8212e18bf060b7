import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';

/** Shared by the Vite configs: project root, the version to bake in, and the CSP meta injector. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
export const appVersionDefine = { __APP_VERSION__: JSON.stringify(pkg.version) };

/** Writes the one CSP constant into index.html, so the meta tag can never drift from the headers. */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'sentinel-csp-meta',
    transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', CONTENT_SECURITY_POLICY),
  };
}
