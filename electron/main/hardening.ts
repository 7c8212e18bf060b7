import { originOf } from './origin';
import type { Event as ElectronEvent, PermissionCheckHandlerHandlerDetails, WebContents } from 'electron';

/**
 * Decisions of the hardening layer as pure functions, and one installer that wires them to
 * Electron's events. Sources: Electron security checklist items 5, 11-15 and the
 * `certificate-error` rule (the UI loads no remote content; TLS probes use node:tls).
 */

/** Navigation stays inside the app origin; compared by parsed origin, never by prefix. */
export function isAllowedNavigation(target: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(target);
  return origin !== null && allowedOrigins.includes(origin);
}

/** The only URLs the console hands to the OS browser: parsed, https, with a host and no credentials. */
export function safeExternalUrl(target: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname === '' || parsed.username || parsed.password) return null;
  return parsed.toString();
}

/**
 * The only permission the UI uses: writing plain text to the clipboard (the "copy field"
 * buttons). Reading the clipboard, media, notifications, HID and the rest stay refused.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Every permission request outside GRANTED_PERMISSIONS is refused. */
export function denyPermissionRequest(
  _contents: WebContents | null,
  permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(GRANTED_PERMISSIONS.has(permission));
}

export function denyPermissionCheck(
  _contents: WebContents | null,
  permission: string,
  _origin: string,
  _details: PermissionCheckHandlerHandlerDetails,
): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

/** A certificate error in Chromium is never overridden. */
export function rejectCertificateError(event: ElectronEvent, callback: (trust: boolean) => void): void {
  event.preventDefault();
  callback(false);
}

/** The window.open answer: always deny; an https link may go to the OS browser instead. */
export function windowOpenDecision(
  url: string,
  openExternal: (safeUrl: string) => void,
): { action: 'deny' } {
  const safe = safeExternalUrl(url);
  if (safe) openExternal(safe);
  return { action: 'deny' };
}

/** The subset of WebContents the installer touches, so tests can pass an EventEmitter. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Applies navigation, window-open and webview denial to one WebContents. */
export function hardenContents(
  contents: HardenableContents,
  allowedOrigins: readonly string[],
  openExternal: (safeUrl: string) => void,
): void {
  const guard = (event: { preventDefault(): void; url: string }): void => {
    if (!isAllowedNavigation(event.url, allowedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url, openExternal));
}
