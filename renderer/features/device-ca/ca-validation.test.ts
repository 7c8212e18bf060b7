import { describe, expect, it } from 'vitest';
import { CaIssueDeviceInputSchema } from '../../../shared/ipc/ca-schemas';
import { z } from '../../../shared/ipc/zod';
import { deviceIdProblem, parseWholeNumber, passphraseProblems, strengthHint } from './ca-validation';
import { crlCountdown, durationText, fingerprintText, shortSerial } from './format';

const schemaAccepts = (deviceId: string): boolean =>
  z.safeParse(CaIssueDeviceInputSchema, { deviceId, outDir: '/tmp', key: { passphrase: 'x'.repeat(12) } }).success;

describe('device id check', () => {
  it('agrees with the contract schema, so the form never sends what main would refuse', () => {
    const samples = ['device-0042', 'a', 'Sensor_7.plant:4', 'device 01', '-leading', '.dot', 'ümlaut', '', 'x'.repeat(128), 'x'.repeat(129), 'a/b'];
    for (const sample of samples) expect([sample, deviceIdProblem(sample) === null]).toEqual([sample, schemaAccepts(sample)]);
  });
});

describe('form parsing', () => {
  it('takes whole numbers within range only', () => {
    expect(parseWholeNumber(' 90 ', 1, 825)).toEqual({ ok: true, value: 90 });
    expect(parseWholeNumber('826', 1, 825).ok).toBe(false);
    expect(parseWholeNumber('1.5', 1, 825).ok).toBe(false);
    expect(parseWholeNumber('', 1, 825).ok).toBe(false);
  });

  it('asks for 12 characters and a matching confirmation, and never echoes the passphrase', () => {
    expect(passphraseProblems('short', 'short')).toEqual({ passphrase: 'At least 12 characters.', confirm: null });
    expect(passphraseProblems('long enough here', 'long enough there').confirm).toBe('The two passphrases differ.');
    for (const secret of ['abc', 'long enough here', 'Tr0ub4dor&3-and-more']) expect(strengthHint(secret).text).not.toContain(secret);
  });
});

describe('format', () => {
  it('counts CRL time down in two units and says when it is overdue', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    expect(crlCountdown('2025-06-03T15:30:00Z', now, 24)).toEqual({ tone: 'ok', text: 'next update in 2 d 3 h' });
    expect(crlCountdown('2025-06-01T12:45:00Z', now, 24)).toEqual({ tone: 'warning', text: 'next update in 45 min' });
    expect(crlCountdown('2025-06-01T12:00:00Z', now, 24).tone).toBe('danger');
    expect(durationText(-90 * 60_000)).toBe('1 h 30 min');
  });

  it('shortens serials and spaces fingerprints', () => {
    expect(shortSerial('4f1e2d3c4b5a69788796a5b4c3d2e1f0')).toBe('4f1e2d3c…e1f0');
    expect(shortSerial('beef02')).toBe('beef02');
    expect(fingerprintText('9f86d0')).toBe('9F:86:D0');
  });
});
