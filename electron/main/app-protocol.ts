import { UI_SECURITY_HEADERS } from '../../shared/security/csp';
import { readAsset } from '../services/static-assets';
import { APP_HOST } from './app-origin';

/**
 * The app:// handler: serves the renderer build with the shared CSP and the traversal guard
 * of static-assets.ts. Anything but GET on app://console/ is refused.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') {
      return new Response('Forbidden', { status: 403, headers: UI_SECURITY_HEADERS });
    }
    const asset = await readAsset(rendererDir, url.pathname);
    switch (asset.kind) {
      case 'ok':
        return new Response(new Uint8Array(asset.body), {
          status: 200,
          headers: { ...UI_SECURITY_HEADERS, 'Content-Type': asset.mime },
        });
      case 'refused':
        return new Response(`Refused: ${asset.reason}`, { status: 403, headers: UI_SECURITY_HEADERS });
      case 'not-found':
        return new Response('Not found', { status: 404, headers: UI_SECURITY_HEADERS });
    }
  };
}
