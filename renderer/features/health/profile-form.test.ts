import { describe, expect, it } from 'vitest';
import { sampleProfile } from '../../test-support/health-samples';
import { draftOf, EMPTY_FORM, formOf, suggestedDeviceId, validateForm } from './profile-form';

const valid = { ...EMPTY_FORM, name: 'Edge', baseUrl: 'https://edge.example.com' };

describe('validateForm', () => {
  it('accepts a name and an https base URL with the defaults', () => {
    expect(validateForm(valid)).toEqual({});
    expect(validateForm({ ...valid, baseUrl: 'https://edge.example.com:8443/' })).toEqual({});
  });

  it.each([
    ['https://', 'Required'],
    ['http://edge.example.com', 'https://'],
    ['https://edge.example.com/api', 'Scheme, host and port only'],
    ['https://edge.example.com?x=1', 'Scheme, host and port only'],
    ['https://user:pw@edge.example.com', 'No credentials'],
    ['https://exa mple.com', 'Not a URL'],
  ])('refuses the base URL %s', (baseUrl, message) => {
    expect(validateForm({ ...valid, baseUrl }).baseUrl).toContain(message);
  });

  it('wants the device fields all or none', () => {
    expect(validateForm({ ...valid, certFile: '/a.pem', keyFile: '/a.key', deviceId: 'probe-a' })).toEqual({});
    expect(Object.keys(validateForm({ ...valid, keyFile: '/a.key' }))).toEqual(['certFile', 'deviceId']);
  });

  it('checks paths and timeouts', () => {
    const errors = validateForm({ ...valid, live: 'health', ready: '/ready?x', connectMs: '99', totalMs: '2.5' });
    expect(Object.keys(errors)).toEqual(['live', 'ready', 'connectMs', 'totalMs']);
  });
});

describe('draftOf', () => {
  it('round-trips a stored profile under its id', () => {
    const profile = sampleProfile();
    const { id, headerNames, ...rest } = profile;
    expect(draftOf(formOf(profile), profile)).toEqual({ id, headerNames, ...rest });
  });

  it('sends a half-empty device as null only when no certificate is named', () => {
    expect(draftOf(valid, null).device).toBeNull();
    expect('id' in draftOf(valid, null)).toBe(false);
  });
});

describe('suggestedDeviceId', () => {
  it.each([
    ['https://edge-a.example.com', 'Anything', 'probe-edge-a'],
    ['https://10.0.0.5:8443', 'x', 'probe-10-0-0-5'],
    ['not yet', 'Lab Proxy #2', 'probe-lab-proxy-2'],
    ['', '', 'probe-proxy'],
  ])('%s / %s → %s', (baseUrl, name, expected) => {
    expect(suggestedDeviceId({ ...EMPTY_FORM, baseUrl, name })).toBe(expected);
  });
});
