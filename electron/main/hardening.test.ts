import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  denyPermissionCheck,
  denyPermissionRequest,
  hardenContents,
  isAllowedNavigation,
  rejectCertificateError,
  safeExternalUrl,
  windowOpenDecision,
  type HardenableContents,
} from './hardening';

const ORIGINS = ['app://console'];

describe('isAllowedNavigation', () => {
  it('allows only the app origin, compared after parsing', () => {
    expect(isAllowedNavigation('app://console/index.html#/about', ORIGINS)).toBe(true);
    expect(isAllowedNavigation('APP://CONSOLE/index.html', ORIGINS)).toBe(true);
    for (const url of [
      'app://console.attacker.com/',
      'app://consolex/',
      'https://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'about:blank',
      'not a url',
      'http://127.0.0.1:5173/',
    ]) {
      expect(isAllowedNavigation(url, ORIGINS), url).toBe(false);
    }
  });
});

describe('safeExternalUrl', () => {
  it('passes parsed https URLs only', () => {
    expect(safeExternalUrl('https://example.com/docs')).toBe('https://example.com/docs');
    for (const url of ['http://example.com', 'file:///etc/passwd', 'smb://host/share', 'https://user:pw@example.com', 'javascript:x', '']) {
      expect(safeExternalUrl(url), url).toBeNull();
    }
  });
});

describe('window.open', () => {
  it('always denies, and hands only https links to the OS browser', () => {
    const open = vi.fn();
    expect(windowOpenDecision('https://example.com', open)).toEqual({ action: 'deny' });
    expect(windowOpenDecision('file:///etc/passwd', open)).toEqual({ action: 'deny' });
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://example.com/');
  });
});

describe('permissions and certificate errors', () => {
  it('grants plain clipboard writes only', () => {
    const callback = vi.fn();
    denyPermissionRequest(null, 'clipboard-sanitized-write', callback);
    expect(callback).toHaveBeenCalledWith(true);
    expect(denyPermissionCheck(null, 'clipboard-read', 'app://console', {} as never)).toBe(false);
  });

  it('refuses every other permission request and check', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'hid', 'openExternal']) {
      const callback = vi.fn();
      denyPermissionRequest(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(denyPermissionCheck(null, permission, 'app://console', {} as never)).toBe(false);
    }
  });

  it('never trusts a certificate Chromium rejected', () => {
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    rejectCertificateError(event as never, callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(callback).not.toHaveBeenCalledWith(true);
  });
});

describe('hardenContents', () => {
  function fakeContents(): HardenableContents & EventEmitter & { openHandler?: (d: { url: string }) => { action: 'deny' } } {
    const emitter = new EventEmitter() as EventEmitter & { openHandler?: (d: { url: string }) => { action: 'deny' } };
    return Object.assign(emitter, {
      setWindowOpenHandler(handler: (d: { url: string }) => { action: 'deny' }) {
        emitter.openHandler = handler;
      },
    }) as never;
  }

  it('blocks foreign navigation and redirects, webview attach and new windows', () => {
    const contents = fakeContents();
    const open = vi.fn();
    hardenContents(contents, ORIGINS, open);
    const event = (url: string) => ({ url, preventDefault: vi.fn() });

    const foreign = event('https://evil.example/');
    contents.emit('will-navigate', foreign);
    expect(foreign.preventDefault).toHaveBeenCalled();

    const own = event('app://console/index.html');
    contents.emit('will-navigate', own);
    expect(own.preventDefault).not.toHaveBeenCalled();

    const redirect = event('http://169.254.169.254/');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();

    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(contents.openHandler?.({ url: 'app://console/other' })).toEqual({ action: 'deny' });
    expect(open).not.toHaveBeenCalled();
  });
});
