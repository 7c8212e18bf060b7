import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { certificate, EXPIRED_DEVICE, EXPIRED_VALIDATION, INSPECT_RESULT, INTERMEDIATE, ROOT, VALID_VALIDATION } from '../../test-support/pki-samples';
import { openSampleFiles, useScreenLifecycle } from './screen-test-harness';

useScreenLifecycle();

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
