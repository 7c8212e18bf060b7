import { describe, expect, it } from 'vitest';
import { createTrustedSenders } from './trusted-senders';

describe('trusted senders', () => {
  const senders = createTrustedSenders(['app://console']);
  senders.trust(7);

  it('trusts the app window main frame on the app origin', () => {
    expect(senders.isTrusted({ senderId: 7, frameUrl: 'app://console/index.html', isMainFrame: true })).toBe(true);
  });

  it('refuses unknown WebContents, sub-frames, foreign origins and missing frames', () => {
    expect(senders.isTrusted({ senderId: 8, frameUrl: 'app://console/index.html', isMainFrame: true })).toBe(false);
    expect(senders.isTrusted({ senderId: 7, frameUrl: 'app://console/index.html', isMainFrame: false })).toBe(false);
    expect(senders.isTrusted({ senderId: 7, frameUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(senders.isTrusted({ senderId: 7, frameUrl: 'app://console.evil/', isMainFrame: true })).toBe(false);
    expect(senders.isTrusted({ senderId: 7, frameUrl: undefined, isMainFrame: true })).toBe(false);
    expect(senders.isTrusted({ senderId: 7, frameUrl: 'about:blank', isMainFrame: true })).toBe(false);
  });

  it('stops trusting a window once forgotten', () => {
    const local = createTrustedSenders(['app://console']);
    local.trust(3);
    local.forget(3);
    expect(local.isTrusted({ senderId: 3, frameUrl: 'app://console/', isMainFrame: true })).toBe(false);
  });
});
