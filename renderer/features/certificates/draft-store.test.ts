import { beforeEach, describe, expect, it } from 'vitest';
import { baseName, MAX_INPUTS, resetCertDraft, useCertDraft } from './draft-store';

beforeEach(resetCertDraft);

describe('useCertDraft', () => {
  it('numbers pasted inputs and gives every input its own name', () => {
    const store = useCertDraft.getState();
    store.addPasted('A');
    store.addSources([
      { kind: 'bytes', name: 'pasted #1', base64: 'QQ==' },
      { kind: 'bytes', name: 'device.pem', base64: 'Qg==' },
      { kind: 'bytes', name: 'device.pem', base64: 'Qw==' },
    ]);
    store.addPasted('B');
    expect(useCertDraft.getState().inputs.map((input) => input.name)).toEqual([
      'pasted #1',
      'pasted #1 (2)',
      'device.pem',
      'device.pem (2)',
      'pasted #2',
    ]);
    expect(useCertDraft.getState().inputs.map((input) => input.source)).toContainEqual({ kind: 'bytes', name: 'device.pem (2)', base64: 'Qw==' });
  });

  it('skips what is already loaded and what is over the limit, saying why', () => {
    const store = useCertDraft.getState();
    expect(store.addSources([{ kind: 'path', path: '/a.pem' }]).added).toBe(1);
    const again = store.addSources([{ kind: 'path', path: '/a.pem' }]);
    expect(again).toEqual({ added: 0, skipped: ['/a.pem is already loaded.'] });
    const many = Array.from({ length: MAX_INPUTS + 2 }, (_, i) => ({ kind: 'path' as const, path: `/bulk/${i}.pem` }));
    const outcome = store.addSources(many);
    expect(outcome.added).toBe(MAX_INPUTS - 1);
    expect(outcome.skipped).toHaveLength(3);
    expect(outcome.skipped[0]).toMatch(/at most 64 inputs/);
  });

  it('clears inputs, passphrase and the verify selection with "Clear all"', () => {
    const store = useCertDraft.getState();
    store.addPasted('A');
    store.setPassphrase('secret');
    store.updateVerify({ anchors: ['x'], trustMode: 'system' });
    store.clearAll();
    const state = useCertDraft.getState();
    expect(state.inputs).toEqual([]);
    expect(state.passphrase).toBe('');
    expect(state.verify).toEqual({ leaf: null, trustMode: 'loaded', anchors: [], crls: [], at: '' });
  });

  it('keeps the expiry window a whole number of days within the contract range', () => {
    const store = useCertDraft.getState();
    store.setExpiryWindowDays(-5);
    expect(useCertDraft.getState().expiryWindowDays).toBe(0);
    store.setExpiryWindowDays(99999);
    expect(useCertDraft.getState().expiryWindowDays).toBe(3650);
    store.setExpiryWindowDays(14.7);
    expect(useCertDraft.getState().expiryWindowDays).toBe(14);
  });

  it('shows a path by its base name', () => {
    expect(baseName('/etc/ssl/certs/ca-certificates.crt')).toBe('ca-certificates.crt');
    expect(baseName('C:\\pki\\root.pem')).toBe('root.pem');
  });
});
