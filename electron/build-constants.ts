import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from '../shared/security/csp';

/** Shared by the Vite configs: project root, the version to bake in, and the CSP meta injector. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
export const appVersionDefine = { __APP_VERSION__: JSON.stringify(pkg.version) };

const CSP_META = /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/;

/**
 * Writes the one CSP constant into the built index.html, so the shipped meta tag can never
 * drift from the headers. The source keeps a literal copy for static scanners; the build
 * fails if the meta tag is missing.
 */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'sentinel-csp-meta',
    transformIndexHtml(html) {
      if (!CSP_META.test(html)) throw new Error('renderer/index.html lost its Content-Security-Policy meta tag');
      return html.replace(CSP_META, `$1${CONTENT_SECURITY_POLICY_META}$2`);
    },
  };
}
