import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PostureReport } from '../../../shared/posture/report-json';
import { ENV_PATH, envDoc, GENERATED_SECRET, JWT_IN_FILE, SAVED_AT, SECRET_IN_FILE, SHA_OPENED, SHA_SAVED } from '../../test-support/posture-samples';
import { click, inItem, ok, openSample, pageText, usePostureLifecycle, type PostureAnswers } from './posture-test-harness';

usePostureLifecycle();

async function openReport(answers: PostureAnswers = {}) {
  const fake = await openSample(answers);
  click('posture-report');
  const report = await screen.findByTestId('posture-report-view');
  return { ...fake, report };
}

/** Captures what the download buttons hand to the browser: the Blob and the file name. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:report-${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

describe('PostureScreen: report', () => {
  it('shows the path, the full hash, the profile and every rule grouped, with no secret value', async () => {
    const { report } = await openReport();
    expect(within(report).getByTestId('posture-report-path').textContent).toBe(ENV_PATH);
    expect(within(report).getByTestId('posture-report-sha').textContent).toBe(SHA_OPENED);
    expect(within(report).getByTestId('posture-report-profile').textContent).toBe('Production');
    expect(within(report).getAllByTestId('posture-report-group')).toHaveLength(7);
    const rules = within(report).getAllByTestId('posture-report-rule');
    expect(rules.map((row) => `${row.dataset.rule}:${row.dataset.status}`)).toEqual([
      'trust-proxy-cert-headers:pass',
      'allowed-origins:fail',
      'secret-strength:fail',
      'secret-strength:fail',
      'new-device-approval:fail',
      'policy-direct-import:warn',
      'health-toggles:unchecked',
      'database-require-postgresql:pass',
    ]);
    expect(rules[1]?.textContent).toContain('Fail');
    expect(within(report).getByTestId('posture-report-uncovered').textContent).toContain('SENTINEL_FANCY_FLAG');
    expect(within(report).getByTestId('posture-report-changes').textContent).toContain('No changes were saved');
    expect(pageText()).not.toContain(SECRET_IN_FILE);
    expect(pageText()).not.toContain(JWT_IN_FILE);
    expect(document.activeElement).toBe(within(report).getByRole('heading', { level: 2 }));
  });

  it('describes the file on disk, not the queued edits, and says so', async () => {
    const { inputsOf } = await openSample();
    fireEvent.click(inItem('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').getByTestId('posture-set-recommended'));
    await waitFor(() => expect(inputsOf('posture.audit').at(-1)?.edits).toHaveLength(1));
    click('posture-report');
    const report = await screen.findByTestId('posture-report-view');
    expect(screen.getByTestId('posture-report-pending').textContent).toContain('1 pending change is not saved and not in this report');
    const approval = within(report).getAllByTestId('posture-report-rule').find((row) => row.dataset.rule === 'new-device-approval');
    expect(approval?.dataset.status).toBe('fail');
  });

  it('after a save lists what was changed and when, never the generated value', async () => {
    let reads = 0;
    const { inputsOf } = await openSample({ read: () => ok(reads++ === 0 ? envDoc() : envDoc(SHA_SAVED)) });
    fireEvent.click(inItem('SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL').getByTestId('posture-set-recommended'));
    fireEvent.click(inItem('SENTINEL_SECRET_KEY').getByTestId('posture-generate'));
    await waitFor(() => expect(screen.getAllByTestId('posture-pending-item')).toHaveLength(2));
    click('posture-review');
    await waitFor(() => expect(screen.getByTestId('posture-save').hasAttribute('disabled')).toBe(false));
    click('posture-save');
    await screen.findByTestId('posture-saved');
    await waitFor(() => expect(screen.getByTestId('posture-doc-sha').getAttribute('title')).toBe(SHA_SAVED));

    const downloads = captureDownloads();
    click('posture-report');
    const report = await screen.findByTestId('posture-report-view');
    await waitFor(() => expect(within(report).getByTestId('posture-report-sha').textContent).toBe(SHA_SAVED));
    const changes = within(report).getAllByTestId('posture-report-change');
    expect(changes.map((row) => [row.dataset.action, row.querySelector('code')?.textContent])).toEqual([
      ['set', 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL'],
      ['generated', 'SENTINEL_SECRET_KEY'],
    ]);
    expect(changes[1]?.textContent).toContain('set to a generated secret');
    expect(changes[1]?.textContent).toContain(new Date(SAVED_AT).toLocaleString());
    expect(pageText()).not.toContain(GENERATED_SECRET);

    click('posture-download-json');
    const json = JSON.parse(await (downloads.blobs[0] as Blob).text()) as PostureReport;
    expect(json.changes).toEqual([
      { key: 'SENTINEL_REQUIRE_NEW_DEVICE_APPROVAL', action: 'set', at: SAVED_AT },
      { key: 'SENTINEL_SECRET_KEY', action: 'generated', at: SAVED_AT },
    ]);
    expect(JSON.stringify(json)).not.toContain(GENERATED_SECRET);
    expect(inputsOf('env.save')).toHaveLength(1);
  });

  it('downloads Markdown and JSON built from the same audit, with secrets masked', async () => {
    await openReport();
    const downloads = captureDownloads();
    click('posture-download-markdown');
    click('posture-download-json');
    expect(downloads.blobs.map((blob) => blob.type)).toEqual(['text/markdown;charset=utf-8', 'application/json;charset=utf-8']);
    const [markdownName, jsonName] = downloads.names;
    expect(markdownName).toMatch(/^posture-report-env-\d{4}-\d{2}-\d{2}\.md$/);
    expect(jsonName).toMatch(/^posture-report-env-\d{4}-\d{2}-\d{2}\.json$/);
    const markdown = await (downloads.blobs[0] as Blob).text();
    expect(markdown).toContain(ENV_PATH);
    expect(markdown).toContain(SHA_OPENED);
    expect(markdown).toContain('Profile: production');
    expect(markdown).toContain('## Secrets and signing material');
    const json = JSON.parse(await (downloads.blobs[1] as Blob).text()) as PostureReport;
    expect([json.file, json.sha256, json.profile, json.proxyMode]).toEqual([ENV_PATH, SHA_OPENED, 'production', 'nginx-mtls']);
    expect(json.groups.flatMap((group) => group.results.map((result) => result.rule))).toHaveLength(8);
    click('posture-download-html');
    expect(downloads.blobs[2]?.type).toBe('text/html;charset=utf-8');
    const html = await (downloads.blobs[2] as Blob).text();
    expect(html).toContain(SHA_OPENED);
    for (const text of [markdown, JSON.stringify(json), html]) {
      expect(text).not.toContain(SECRET_IN_FILE);
      expect(text).not.toContain(JWT_IN_FILE);
    }
    // Each object URL is let go once the download has it.
    await waitFor(() => expect(vi.mocked(URL.revokeObjectURL).mock.calls).toEqual([['blob:report-1'], ['blob:report-2'], ['blob:report-3']]));
  });

  it('prints the report view, and Back returns to the checklist with focus on Report', async () => {
    await openReport();
    // happy-dom has no print(); the browser's own is what the button calls.
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    click('posture-print');
    expect(print).toHaveBeenCalledTimes(1);
    Reflect.deleteProperty(window, 'print');
    click('posture-report-back');
    expect(screen.getByTestId('posture-checklist')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('posture-report')));
  });

  it('reports the profile chosen, re-audited for it', async () => {
    const { inputsOf } = await openSample();
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: 'development' } });
    await waitFor(() => expect(inputsOf('posture.audit').at(-1)?.profile).toBe('development'));
    click('posture-report');
    await waitFor(() => expect(screen.getByTestId('posture-report-profile').textContent).toBe('Development'));
  });
});
