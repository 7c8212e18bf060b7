import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPSTREAM_URL } from '../../../shared/nginx/types';
import { INVALID } from '../../test-support/nginx-samples';
import { field, ok, REQUIRED_VALUES, renderSample, setup, type, useNginxLifecycle } from './nginx-test-harness';

useNginxLifecycle();

const sleep = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

/** The error text tied to an input through aria-describedby. */
function describedErrors(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '');
  return ids
    .map((id) => document.getElementById(id))
    .filter((element): element is HTMLElement => element?.dataset.testid === 'nginx-field-error')
    .map((element) => element.textContent)
    .join(' ');
}

describe('NginxScreen: the render form', () => {
  it('renders nothing until the operator starts, and says what to fill in', async () => {
    const { inputsOf } = setup();
    expect(screen.getByTestId('nginx-render-status').textContent).toContain('Fill in the server name');
    expect(field('Upstream URL').value).toBe(DEFAULT_UPSTREAM_URL);
    expect(field('Verify depth').value).toBe('2');
    await sleep(400);
    expect(inputsOf('nginx.render')).toHaveLength(0);
  });

  it('sends one debounced nginx.render with the whole draft after typing settles', async () => {
    const { inputsOf } = setup();
    type('Server name', 'p');
    type('Server name', 'pro');
    type('Server name', ' proxy.example.com ');
    expect(inputsOf('nginx.render')).toHaveLength(0);
    await waitFor(() => expect(inputsOf('nginx.render')).toHaveLength(1));
    await sleep(400);
    expect(inputsOf('nginx.render')).toEqual([
      {
        checkFiles: true,
        draft: {
          serverName: 'proxy.example.com',
          tlsCertPath: '',
          tlsKeyPath: '',
          clientCaPath: '',
          upstreamUrl: DEFAULT_UPSTREAM_URL,
          envFilePath: null,
          listen: ['443'],
          crlPath: null,
          ocsp: { mode: 'off' },
          verifyDepth: 2,
          tlsVersions: ['TLSv1.2', 'TLSv1.3'],
          hsts: { maxAgeSeconds: 31536000, includeSubdomains: false },
          headerNames: {},
          allowRemoteUpstream: false,
        },
      },
    ]);
  });

  it('sends the options the operator sets: OCSP, CRL, .env, TLS versions, HSTS, header names', async () => {
    const { inputsOf } = await renderSample();
    fireEvent.change(screen.getByLabelText('OCSP mode'), { target: { value: 'leaf' } });
    type('Responder URL (optional)', 'http://ocsp.example.com');
    type('CRL file (optional)', '/etc/nginx/tls/device-ca.crl');
    type('.env file (optional)', '/opt/sentinel/.env');
    fireEvent.click(screen.getByLabelText('TLS 1.2'));
    fireEvent.click(screen.getByLabelText('Send Strict-Transport-Security'));
    fireEvent.click(screen.getByTestId('nginx-advanced-toggle'));
    expect(field('Serial').placeholder).toBe('X-SSL-Client-Serial');
    type('Serial', 'X-Device-Serial');
    fireEvent.click(screen.getByRole('button', { name: 'Add an address' }));
    type('Address 2', '[::]:443');

    await waitFor(() =>
      expect(inputsOf('nginx.render').at(-1)?.draft).toMatchObject({
        ocsp: { mode: 'leaf', responderUrl: 'http://ocsp.example.com', resolver: null },
        crlPath: '/etc/nginx/tls/device-ca.crl',
        envFilePath: '/opt/sentinel/.env',
        tlsVersions: ['TLSv1.3'],
        hsts: null,
        headerNames: { serial: 'X-Device-Serial' },
        listen: ['443', '[::]:443'],
      }),
    );
  });

  it('shows field errors beside their fields, with aria-invalid and aria-describedby', async () => {
    setup({ render: () => ok(INVALID) });
    type('Server name', 'bad name;');
    type('Address 1', '44x3');

    await waitFor(() => expect(field('Server name').getAttribute('aria-invalid')).toBe('true'));
    expect(describedErrors(field('Server name'))).toBe('A server name may not contain spaces or ";".');
    expect(field('Address 1').getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(field('Address 1'))).toBe('Not a listen address: "44x3".');
    // A header-name error opens the folded Advanced section so it can be seen.
    expect(screen.getByTestId('nginx-advanced-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(describedErrors(field('Serial'))).toBe('Header names are letters, digits and "-".');
    // Fields without errors stay plain.
    expect(field('Upstream URL').getAttribute('aria-invalid')).toBe('false');
    expect(field('Verify depth').getAttribute('aria-invalid')).toBe('false');
  });

  it('holds back "required" on an empty field the operator has not reached, then shows it once visited', async () => {
    setup({ render: () => ok(INVALID) });
    type('Server name', 'bad name;');
    await waitFor(() => expect(field('Server name').getAttribute('aria-invalid')).toBe('true'));
    expect(field('TLS private key').getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByTestId('nginx-form-problems').textContent).toContain('Still needed: TLS private key.');

    fireEvent.blur(field('TLS private key'));
    expect(field('TLS private key').getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(field('TLS private key'))).toBe('Enter the path of the TLS private key.');
  });

  it('refuses a verify depth that is not a whole number without asking main', async () => {
    const { inputsOf } = await renderSample();
    const calls = inputsOf('nginx.render').length;
    type('Verify depth', 'two');
    await waitFor(() => expect(describedErrors(field('Verify depth'))).toBe('Enter a whole number, e.g. 2.'));
    expect(field('Verify depth').getAttribute('aria-invalid')).toBe('true');
    expect(inputsOf('nginx.render')).toHaveLength(calls);
    // The last good config stays, marked as not matching the inputs; the actions wait.
    expect(screen.getByTestId('nginx-render-status').textContent).toContain('showing the last config that rendered');
    expect(screen.getByTestId('nginx-check').hasAttribute('disabled')).toBe(true);
  });

  it('warns plainly when a non-loopback upstream is allowed', () => {
    setup();
    const warning = screen.getByTestId('nginx-remote-warning');
    expect(warning.textContent).toMatch(/^Off: a remote upstream is refused/);
    fireEvent.click(screen.getByLabelText('Allow a non-loopback upstream'));
    expect(warning.textContent).toMatch(/^Warning: anything that can reach the API directly can send forged certificate headers/);
    expect(screen.getByLabelText('Allow a non-loopback upstream').getAttribute('aria-describedby')).toBe(warning.id);
  });

  it('keeps the draft when the area is left and opened again', async () => {
    const first = setup();
    type('Server name', REQUIRED_VALUES['Server name']);
    first.view.unmount();
    setup();
    expect(field('Server name').value).toBe(REQUIRED_VALUES['Server name']);
    expect(within(screen.getByTestId('nginx-screen')).getByLabelText('Verify depth')).toBeTruthy();
  });
});
