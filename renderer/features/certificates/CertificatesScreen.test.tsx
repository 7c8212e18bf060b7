import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import type { Input } from '../../../shared/ipc/types';
import type { CertificateObject, InspectResult } from '../../../shared/model/pki';
import type { ValidationResult } from '../../../shared/pki/path/types';
import { fakeBridge } from '../../test-support/fake-bridge';
import {
  certificate,
  CRL,
  EXPIRED_DEVICE,
  EXPIRED_VALIDATION,
  INSPECT_RESULT,
  INTERMEDIATE,
  ROOT,
  VALID_VALIDATION,
} from '../../test-support/pki-samples';
import { renderWithBridge } from '../../test-support/render';
import { CertificatesScreen } from './CertificatesScreen';
import { resetCertDraft } from './draft-store';
import { INITIAL_CARDS } from './ResultsView';

const PATHS = ['/pki/device-expired-chain.pem', '/pki/root-ca.pem', '/pki/crl-intermediate.pem', '/pki/device-expired.key', '/pki/notes.txt'];

interface Answers {
  inspect?: (input: Input<'cert.inspect'>) => Promise<Result<InspectResult>>;
  verify?: (input: Input<'cert.verify'>) => Promise<Result<ValidationResult>>;
  choose?: () => Promise<Result<{ paths: readonly string[] }>>;
}

function setup(answers: Answers = {}) {
  const fake = fakeBridge(undefined, {
    'cert.inspect': answers.inspect ?? (async () => ({ ok: true, value: INSPECT_RESULT })),
    'cert.verify': answers.verify ?? (async () => ({ ok: true, value: EXPIRED_VALIDATION })),
    'files.choose': answers.choose ?? (async () => ({ ok: true, value: { paths: PATHS } })),
  });
  renderWithBridge(<CertificatesScreen />, fake.bridge);
  return fake;
}

/** Opens the five sample files through the (faked) native dialog and waits for the cards. */
async function openSampleFiles(answers: Answers = {}) {
  const fake = setup(answers);
  fireEvent.click(screen.getByRole('button', { name: 'Open files…' }));
  const cards = await screen.findAllByTestId('cert-card');
  return { ...fake, cards };
}

const findingIds = (root: HTMLElement | Document = document): string[] =>
  Array.from(root.querySelectorAll<HTMLElement>('[data-testid="cert-finding"]')).map((el) => el.dataset.id ?? '');

const cardOf = (cards: HTMLElement[], title: string): HTMLElement => {
  const card = cards.find((candidate) => within(candidate).queryByRole('heading', { name: title }) !== null);
  if (!card) throw new Error(`no card titled ${title}`);
  return card;
};

beforeEach(() => {
  resetCertDraft();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

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

describe('CertificatesScreen: validate a path', () => {
  const verifyPanel = () => screen.getByTestId('cert-verify');

  it('defaults the leaf to the first end-entity certificate and waits for a trust anchor', async () => {
    await openSampleFiles({
      inspect: async () => ({ ok: true, value: { ...INSPECT_RESULT, objects: [ROOT, INTERMEDIATE, EXPIRED_DEVICE] } }),
    });
    const leafSelect = within(verifyPanel()).getByLabelText('Leaf certificate') as HTMLSelectElement;
    expect(leafSelect.value).toBe(EXPIRED_DEVICE.fingerprints.sha256);
    const run = screen.getByTestId('cert-verify-run') as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    expect(verifyPanel().textContent).toContain('Tick at least one trust anchor');
    // Only CA certificates are offered as anchors, and none is ticked by default.
    const anchors = within(verifyPanel()).getAllByTestId('cert-verify-anchor') as HTMLInputElement[];
    expect(anchors).toHaveLength(2);
    expect(anchors.every((box) => !box.checked)).toBe(true);
  });

  it('offers a filter over a long anchor list and keeps ticked anchors in view', async () => {
    const cas = Array.from({ length: 12 }, (_, i) =>
      certificate({
        source: { file: '/etc/ssl/certs/ca-certificates.crt', index: i },
        subject: `CN=Bundle CA ${i}`,
        commonName: `Bundle CA ${i}`,
        selfIssued: true,
        basicConstraints: { ca: true, pathLen: null, critical: true },
        fingerprints: { sha256: i.toString(16).padStart(64, '0'), sha1: i.toString(16).padStart(40, '0') },
      }),
    );
    await openSampleFiles({ inspect: async () => ({ ok: true, value: { objects: [EXPIRED_DEVICE, ...cas], errors: [], findings: [] } }) });
    const panel = verifyPanel();
    expect(within(panel).getAllByTestId('cert-verify-anchor')).toHaveLength(12);
    fireEvent.click(within(panel).getByRole('checkbox', { name: /Bundle CA 3\b/ }));
    expect(within(panel).getByText('Trust anchors (1 ticked)')).toBeTruthy();
    fireEvent.change(within(panel).getByLabelText('Filter CA certificates'), { target: { value: 'ca 11' } });
    const names = within(panel)
      .getAllByTestId('cert-verify-anchor')
      .map((box) => box.closest('label')?.querySelector('.check__name')?.textContent);
    expect(names).toEqual(['Bundle CA 3', 'Bundle CA 11']);
  });

  it('sends each certificate’s PEM as text sources, the ticked CRL’s input, and the role', async () => {
    const { inputsOf } = await openSampleFiles();
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'device' } });
    fireEvent.click(within(verifyPanel()).getByRole('checkbox', { name: /Sentinel Test Root CA/ }));
    fireEvent.click(within(verifyPanel()).getByRole('checkbox', { name: /CN=Sentinel Test Device CA/ }));
    fireEvent.click(screen.getByTestId('cert-verify-run'));

    await screen.findByTestId('cert-valid-banner');
    expect(inputsOf('cert.verify')).toEqual([
      {
        leaf: { kind: 'text', name: 'leaf: device-expired-01', text: EXPIRED_DEVICE.pem },
        intermediates: [{ kind: 'text', name: 'intermediate: Sentinel Test Device CA', text: INTERMEDIATE.pem }],
        trust: { kind: 'sources', sources: [{ kind: 'text', name: 'anchor: Sentinel Test Root CA', text: ROOT.pem }] },
        crls: [{ kind: 'path', path: '/pki/crl-intermediate.pem' }],
        role: 'device',
      },
    ]);
  });

  it('draws the chain and marks the failing node with its rule and message', async () => {
    await openSampleFiles();
    fireEvent.click(within(verifyPanel()).getByRole('checkbox', { name: /Sentinel Test Root CA/ }));
    fireEvent.click(screen.getByTestId('cert-verify-run'));

    const banner = await screen.findByTestId('cert-valid-banner');
    expect(banner.dataset.valid).toBe('false');
    expect(banner.textContent).toBe(`Not valid: ${EXPIRED_VALIDATION.failure?.message}`);

    const nodes = screen.getAllByTestId('cert-chain-node');
    expect(nodes.map((node) => [node.dataset.role, node.dataset.ok])).toEqual([
      ['leaf', 'false'],
      ['intermediate', 'true'],
      ['anchor', 'true'],
    ]);
    expect(nodes[0]?.textContent).toContain('CN=device-expired-01,O=Sentinel Test');
    expect(nodes[0]?.textContent).toContain(EXPIRED_DEVICE.serialNumber);
    expect(nodes[2]?.textContent).toContain('Trust anchor');
    expect(nodes[2]?.textContent).toContain('trusted by the operator');

    const failures = screen.getAllByTestId('cert-chain-failure');
    expect(failures).toHaveLength(1);
    expect(nodes[0]?.contains(failures[0] as HTMLElement)).toBe(true);
    expect(failures[0]?.textContent).toContain('validity.expired');
    expect(failures[0]?.textContent).toContain('expired on');
    expect(screen.getByTestId('cert-revocation-note').textContent).toContain('Revocation not checked');
  });

  it('shows a green Valid banner and no failure for a valid path, and trusts the system store on request', async () => {
    const { inputsOf } = await openSampleFiles({ verify: async () => ({ ok: true, value: VALID_VALIDATION }) });
    fireEvent.click(within(verifyPanel()).getByRole('radio', { name: 'System store' }));
    fireEvent.change(within(verifyPanel()).getByLabelText('Validation time'), { target: { value: '2025-06-01T10:30:00' } });
    fireEvent.click(screen.getByTestId('cert-verify-run'));

    const banner = await screen.findByTestId('cert-valid-banner');
    expect(banner.textContent).toBe('Valid');
    expect(banner.dataset.valid).toBe('true');
    expect(screen.queryByTestId('cert-chain-failure')).toBeNull();
    expect(screen.queryByTestId('cert-revocation-note')).toBeNull();
    expect(screen.getAllByTestId('cert-chain-node').every((node) => node.dataset.ok === 'true')).toBe(true);
    const sent = inputsOf('cert.verify')[0];
    expect(sent?.trust).toEqual({ kind: 'system' });
    expect(sent?.at).toBe(new Date('2025-06-01T10:30:00').toISOString());
    // With the system store, every other loaded certificate is an intermediate candidate.
    expect(sent?.intermediates).toEqual([
      { kind: 'text', name: 'intermediate: Sentinel Test Device CA', text: INTERMEDIATE.pem },
      { kind: 'text', name: 'intermediate: Sentinel Test Root CA', text: ROOT.pem },
    ]);
  });

  it('shows a failed verify command as an error, and a new selection clears an old result', async () => {
    await openSampleFiles({ verify: async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No system trust bundle.' } }) });
    fireEvent.click(within(verifyPanel()).getByRole('radio', { name: 'System store' }));
    fireEvent.click(screen.getByTestId('cert-verify-run'));
    const alert = await within(verifyPanel()).findByRole('alert');
    expect(alert.textContent).toContain('NOT_FOUND');
    fireEvent.click(within(verifyPanel()).getByRole('radio', { name: 'Loaded certificates' }));
    expect(within(verifyPanel()).queryByRole('alert')).toBeNull();
  });
});
