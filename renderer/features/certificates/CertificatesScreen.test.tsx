import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import type { CertificateObject, InspectResult } from '../../../shared/model/pki';
import { certificate, CRL, EXPIRED_DEVICE, INSPECT_RESULT, ROOT } from '../../test-support/pki-samples';
import { INITIAL_CARDS } from './ResultsView';
import { cardOf, findingIds, openSampleFiles, PATHS, setup, useScreenLifecycle } from './screen-test-harness';

useScreenLifecycle();

describe('CertificatesScreen: loading inputs', () => {
  it('explains what can be loaded before anything is', () => {
    setup();
    const empty = screen.getByTestId('cert-empty');
    expect(empty.textContent).toContain('Drop certificate files here');
    expect(empty.textContent).toContain('PKCS#12');
    expect(empty.textContent).toContain('CRLs');
    expect(screen.queryAllByTestId('cert-card')).toHaveLength(0);
  });

  it('sends the dialog’s paths as path sources with the default options', async () => {
    const { inputsOf } = await openSampleFiles();
    expect(inputsOf('files.choose')).toEqual([
      expect.objectContaining({ title: 'Open certificate files', multiple: true }),
    ]);
    expect(inputsOf('cert.inspect')).toEqual([
      {
        sources: PATHS.map((path) => ({ kind: 'path', path })),
        role: 'any',
        deviceId: null,
        expiryWindowDays: 30,
      },
    ]);
    const list = screen.getByRole('list', { name: 'Loaded inputs' });
    expect(within(list).getAllByTestId('cert-input').map((item) => item.textContent)).toEqual([
      'filedevice-expired-chain.pem',
      'fileroot-ca.pem',
      'filecrl-intermediate.pem',
      'filedevice-expired.key',
      'filenotes.txt',
    ]);
  });

  it('adds pasted PEM as a text source named "pasted #n" and inspects exactly that', async () => {
    const { inputsOf } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Paste PEM' }));
    expect(screen.getByRole('button', { name: 'Paste PEM' }).getAttribute('aria-expanded')).toBe('true');
    fireEvent.change(screen.getByTestId('cert-paste-text'), { target: { value: EXPIRED_DEVICE.pem } });
    fireEvent.click(screen.getByTestId('cert-paste-add'));

    await screen.findAllByTestId('cert-card');
    expect(inputsOf('cert.inspect')).toEqual([
      {
        sources: [{ kind: 'text', name: 'pasted #1', text: EXPIRED_DEVICE.pem }],
        role: 'any',
        deviceId: null,
        expiryWindowDays: 30,
      },
    ]);
    // Added: the box folds away and focus returns to its toggle.
    expect(screen.queryByTestId('cert-paste-text')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Paste PEM' }));
    expect(screen.getByRole('button', { name: 'Paste PEM' }).getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: 'Paste PEM' }));
    expect((screen.getByTestId('cert-paste-text') as HTMLTextAreaElement).value).toBe('');
    fireEvent.change(screen.getByTestId('cert-paste-text'), { target: { value: ROOT.pem } });
    fireEvent.click(screen.getByTestId('cert-paste-add'));
    await waitFor(() => expect(inputsOf('cert.inspect')).toHaveLength(2));
    expect(inputsOf('cert.inspect')[1]?.sources).toEqual([
      { kind: 'text', name: 'pasted #1', text: EXPIRED_DEVICE.pem },
      { kind: 'text', name: 'pasted #2', text: ROOT.pem },
    ]);
  });

  it('re-inspects with the role, device id, window and passphrase the operator sets', async () => {
    const { inputsOf } = await openSampleFiles();
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'device' } });
    fireEvent.change(screen.getByLabelText('Device id (CN), optional'), { target: { value: '  device-0042 ' } });
    fireEvent.change(screen.getByLabelText('Expiry window (days)'), { target: { value: '45' } });
    fireEvent.change(screen.getByLabelText('Passphrase (encrypted key / PKCS#12 only)'), { target: { value: 's3cret' } });
    expect(screen.getByLabelText('Passphrase (encrypted key / PKCS#12 only)').getAttribute('type')).toBe('password');

    await waitFor(() =>
      expect(inputsOf('cert.inspect').at(-1)).toEqual({
        sources: PATHS.map((path) => ({ kind: 'path', path })),
        role: 'device',
        deviceId: 'device-0042',
        expiryWindowDays: 45,
        passphrase: 's3cret',
      }),
    );
  });

  it('falls back to the browser file input when the host has no dialog, and sends the bytes', async () => {
    const { inputsOf } = setup({
      choose: async () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'No native dialog on the web host.' } }),
    });
    const fileInput = screen.getByTestId('cert-file-input') as HTMLInputElement;
    const click = vi.spyOn(fileInput, 'click').mockImplementation(() => undefined);

    fireEvent.click(screen.getByRole('button', { name: 'Open files…' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(inputsOf('files.choose')).toHaveLength(1);

    const bytes = new Uint8Array([0x30, 0x82, 0x01, 0x0a, 0xff, 0x00]);
    const file = new File([bytes], 'device.der');
    Object.defineProperty(fileInput, 'files', { value: [file], configurable: true });
    fireEvent.change(fileInput);

    await waitFor(() => expect(inputsOf('cert.inspect')).toHaveLength(1));
    expect(inputsOf('cert.inspect')[0]?.sources).toEqual([{ kind: 'bytes', name: 'device.der', base64: 'MIIBCv8A' }]);

    // Once known to be missing, the dialog is not asked again: the picker opens straight away.
    fireEvent.click(screen.getByRole('button', { name: 'Open files…' }));
    expect(click).toHaveBeenCalledTimes(2);
    expect(inputsOf('files.choose')).toHaveLength(1);
  });

  it('highlights the drop zone while files are dragged over it and loads dropped files as bytes', async () => {
    const { inputsOf } = setup();
    const zone = screen.getByTestId('cert-drop-zone');
    fireEvent.dragEnter(zone, { dataTransfer: { types: ['Files'], files: [] } });
    expect(zone.dataset.dragging).toBe('true');
    expect(zone.textContent).toContain('Drop to load these files');
    fireEvent.dragLeave(zone);
    expect(zone.dataset.dragging).toBe('false');

    fireEvent.dragEnter(zone, { dataTransfer: { types: ['Files'], files: [] } });
    const file = new File(['-----BEGIN X509 CRL-----\n'], 'crl.pem');
    fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files: [file] } });
    expect(zone.dataset.dragging).toBe('false');
    await waitFor(() => expect(inputsOf('cert.inspect')).toHaveLength(1));
    expect(inputsOf('cert.inspect')[0]?.sources).toEqual([
      { kind: 'bytes', name: 'crl.pem', base64: btoa('-----BEGIN X509 CRL-----\n') },
    ]);
  });

  it('removes one input and clears all, back to the empty state', async () => {
    const { inputsOf } = await openSampleFiles();
    fireEvent.click(screen.getByRole('button', { name: 'Remove notes.txt' }));
    await waitFor(() => expect(inputsOf('cert.inspect')).toHaveLength(2));
    expect(inputsOf('cert.inspect')[1]?.sources).toHaveLength(4);
    fireEvent.click(screen.getByTestId('cert-clear-all'));
    expect(screen.getByTestId('cert-empty')).toBeTruthy();
    expect(screen.queryAllByTestId('cert-card')).toHaveLength(0);
  });

  it('says it is reading while inspect runs, in a live region', async () => {
    let release: (result: Result<InspectResult>) => void = () => undefined;
    setup({ inspect: () => new Promise((resolve) => (release = resolve)) });
    fireEvent.click(screen.getByRole('button', { name: 'Open files…' }));
    const status = screen.getByTestId('cert-status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(status.textContent).toContain('Reading 5 files…'));
    await act(async () => release({ ok: true, value: INSPECT_RESULT }));
    await waitFor(() => expect(status.textContent).toContain('Read 5 inputs: 5 objects, 1 unreadable part.'));
  });

  it('shows a failed inspection as an error with its code', async () => {
    setup({ inspect: async () => ({ ok: false, error: { code: 'UNREADABLE_FILE', message: 'Cannot read /pki/root-ca.pem: permission denied.' } }) });
    fireEvent.click(screen.getByRole('button', { name: 'Open files…' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('UNREADABLE_FILE');
    expect(alert.textContent).toContain('permission denied');
  });
});

describe('CertificatesScreen: results', () => {
  it('renders one card per object with its key fields', async () => {
    const { cards } = await openSampleFiles();
    expect(cards.map((card) => card.dataset.kind)).toEqual(['certificate', 'certificate', 'certificate', 'crl', 'key']);

    const leaf = cardOf(cards, 'device-expired-01');
    const text = leaf.textContent ?? '';
    expect(text).toContain('CN=device-expired-01,O=Sentinel Test');
    expect(text).toContain('CN=Sentinel Test Device CA,O=Sentinel Test');
    expect(text).toContain(EXPIRED_DEVICE.serialNumber);
    expect(text).toContain('DNS:device-expired-01.devices.sentinel.test');
    expect(text).toContain('EC P-256');
    expect(text).toContain('ecdsa-with-SHA256');
    expect(text).toContain('end entity, critical');
    expect(text).toContain('digitalSignature');
    expect(text).toContain('clientAuth');
    expect(text).toContain(EXPIRED_DEVICE.fingerprints.sha256);
    expect(text).toContain(EXPIRED_DEVICE.fingerprints.sha1);
    expect(text).toContain('device-expired-chain.pem #1');
    const pill = leaf.querySelector('.time-pill');
    expect(pill?.textContent).toBe('expired 1 day ago');
    expect(pill?.classList.contains('time-pill--expired')).toBe(true);

    const root = cardOf(cards, 'Sentinel Test Root CA');
    expect(root.textContent).toContain('root CA');
    expect(root.textContent).toContain('CA, critical');
    expect(root.querySelector('.time-pill')?.classList.contains('time-pill--ok')).toBe(true);
    const inter = cardOf(cards, 'Sentinel Test Device CA');
    expect(inter.textContent).toContain('CA, pathLen 0, critical');

    const crl = cards[3] as HTMLElement;
    expect(crl.textContent).toContain('1 revoked certificate');
    expect(crl.textContent).toContain(CRL.fingerprints.sha256);
    const key = cards[4] as HTMLElement;
    expect(key.textContent).toContain('PKCS#8');
    expect(key.textContent).toContain('aa'.repeat(32));
    expect(key.textContent).toContain('Matchesdevice-expired-01');

    // Raw extensions sit collapsed under the fields.
    const raw = leaf.querySelector('details');
    expect(raw?.open).toBe(false);
    expect(raw?.textContent).toContain('Extensions (3)');
    expect(raw?.textContent).toContain('300a06082b06010505070302');
  });

  it('marks a certificate inside the expiry window amber', async () => {
    const soon = certificate({
      subject: 'CN=device-soon-01',
      commonName: 'device-soon-01',
      daysLeft: 12,
      notAfter: new Date(Date.now() + 12.5 * 86_400_000).toISOString(),
      fingerprints: { sha256: 'ab'.repeat(32), sha1: 'cd'.repeat(20) },
    });
    await openSampleFiles({ inspect: async () => ({ ok: true, value: { objects: [soon], errors: [], findings: [] } }) });
    const pill = screen.getByTestId('cert-card').querySelector('.time-pill');
    expect(pill?.textContent).toBe('12 days left');
    expect(pill?.classList.contains('time-pill--expiring')).toBe(true);
  });

  it('shows each object’s findings with badge, message and fix, and input issues at the top', async () => {
    const { cards } = await openSampleFiles();
    const leafFindings = within(cardOf(cards, 'device-expired-01')).getAllByTestId('cert-finding');
    expect(leafFindings.map((el) => [el.dataset.severity, el.dataset.id])).toEqual([
      ['error', 'cert.expired'],
      ['warning', 'aki.missing'],
    ]);
    expect(leafFindings[0]?.textContent).toContain('expired 1 day(s) ago');
    expect(leafFindings[0]?.textContent).toContain('Fix: Issue a new certificate');

    const issues = screen.getByRole('region', { name: 'About the inputs' });
    expect(findingIds(issues)).toEqual(['chain.incomplete']);
    const readError = within(issues).getByTestId('cert-read-error');
    expect(readError.textContent).toContain('notes.txt #1');
    expect(readError.textContent).toContain('no PEM block, DER structure or PKCS#12 found');
    // The input-level section comes before the cards.
    expect(issues.compareDocumentPosition(cards[0] as HTMLElement) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const summary = screen.getByTestId('cert-summary');
    expect(summary.textContent).toContain('3 certificates · 1 CRL · 1 key');
    expect(summary.textContent).toContain('1 unreadable part');
  });

  it('filters findings by severity with the chips, and All brings everything back', async () => {
    await openSampleFiles();
    const chips = screen.getByRole('group', { name: 'Show findings of severity' });
    const chip = (name: RegExp) => within(chips).getByRole('button', { name });
    expect(chip(/^Errors/).textContent).toBe('Errors 1');
    expect(chip(/^Warnings/).textContent).toBe('Warnings 1');
    expect(chip(/^Info/).textContent).toBe('Info 2');
    expect(chip(/^All/).getAttribute('aria-pressed')).toBe('true');
    expect(findingIds().sort()).toEqual(['aki.missing', 'cert.expired', 'chain.incomplete', 'key.file-mode']);

    fireEvent.click(chip(/^Errors/));
    expect(chip(/^Errors/).getAttribute('aria-pressed')).toBe('true');
    expect(chip(/^All/).getAttribute('aria-pressed')).toBe('false');
    expect(findingIds()).toEqual(['cert.expired']);
    expect(screen.getAllByTestId('cert-card').map((card) => card.dataset.kind)).toEqual(['certificate']);
    expect(screen.getByText(/4 objects without errors hidden/)).toBeTruthy();

    fireEvent.click(chip(/^Info/));
    expect(findingIds()).toEqual(['chain.incomplete', 'key.file-mode']);

    fireEvent.click(chip(/^All/));
    expect(findingIds()).toHaveLength(4);
    expect(screen.getAllByTestId('cert-card')).toHaveLength(5);
  });

  it('renders the first 50 cards of a large bundle and the rest on "Show all"', async () => {
    const many: CertificateObject[] = Array.from({ length: 120 }, (_, i) =>
      certificate({
        source: { file: '/etc/ssl/certs/ca-certificates.crt', index: i },
        subject: `CN=Bundle CA ${i}`,
        commonName: `Bundle CA ${i}`,
        selfIssued: true,
        basicConstraints: { ca: true, pathLen: null, critical: true },
        fingerprints: { sha256: i.toString(16).padStart(64, '0'), sha1: i.toString(16).padStart(40, '0') },
      }),
    );
    await openSampleFiles({ inspect: async () => ({ ok: true, value: { objects: many, errors: [], findings: [] } }) });
    expect(screen.getAllByTestId('cert-card')).toHaveLength(INITIAL_CARDS);
    expect(screen.getByText('Showing 50 of 120.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all 120' }));
    expect(screen.getAllByTestId('cert-card')).toHaveLength(120);
  });
});

describe('CertificatesScreen: copy', () => {
  const writeText = vi.fn<(text: string) => Promise<void>>();
  beforeEach(() => {
    writeText.mockReset();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });

  it('copies a field with the clipboard and says "Copied"', async () => {
    writeText.mockResolvedValue(undefined);
    const { cards } = await openSampleFiles();
    const leaf = cardOf(cards, 'device-expired-01');
    const button = within(leaf).getByRole('button', { name: 'Copy sha-256' });
    fireEvent.click(button);
    expect(writeText).toHaveBeenCalledWith(EXPIRED_DEVICE.fingerprints.sha256);
    await waitFor(() => expect(button.textContent).toBe('Copied'));

    fireEvent.click(within(leaf).getByRole('button', { name: 'Copy PEM' }));
    expect(writeText).toHaveBeenLastCalledWith(EXPIRED_DEVICE.pem);
  });

  it('says "Copy failed" when the clipboard refuses, without throwing', async () => {
    writeText.mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    const { cards } = await openSampleFiles();
    const button = within(cardOf(cards, 'device-expired-01')).getByRole('button', { name: 'Copy serial' });
    fireEvent.click(button);
    expect(writeText).toHaveBeenCalledWith(EXPIRED_DEVICE.serialNumber);
    await waitFor(() => expect(button.textContent).toBe('Copy failed'));
  });
});

