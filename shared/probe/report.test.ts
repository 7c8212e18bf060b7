import { describe, expect, it } from 'vitest';
import type { MatrixResult, ProbeStep } from '../model/probe';
import { summarizeRun } from './report';

const step = (id: ProbeStep['id'], ok: boolean, ran = true, reason = `${id} reason`): ProbeStep => ({ id, status: ran ? 200 : null, error: null, ok, ran, ms: 1, reason });
const good = [step('live', true), step('ready', true), step('heartbeat-anonymous', true)];

describe('summarizeRun', () => {
  it("is ok without a device: the authenticated step was not asked for", () => {
    const r = summarizeRun([...good, step('heartbeat-authenticated', true, false)], null, false);
    expect(r.ok).toBe(true);
    expect(r.summary).toMatch(/^All clear/);
    expect(r.summary).not.toMatch(/device's heartbeat/);
  });

  it("fails on the first failing step and quotes its reason", () => {
    const r = summarizeRun([step('live', true), step('ready', false, true, 'ready broke'), step('heartbeat-anonymous', false)], null, false);
    expect(r).toEqual({ ok: false, summary: 'ready broke' });
  });

  it('fails when the CN pre-check refused to send the heartbeat', () => {
    expect(summarizeRun([...good, step('heartbeat-authenticated', false, false, 'Not sent: CN')], null, false).summary).toBe('Not sent: CN');
  });

  it('fails on a matrix case that ran and did not behave; skipped cases neither pass nor fail', () => {
    const c = (id: MatrixResult['id'], outcome: MatrixResult['outcome'], ok: boolean): MatrixResult => ({ id, expected: 'reject', outcome, status: null, error: null, detail: `${id} detail`, ok });
    expect(summarizeRun(good, [c('no-cert', 'rejected', true), c('expired', 'skipped', false)], false).ok).toBe(true);
    expect(summarizeRun(good, [c('no-cert', 'accepted', false)], false).summary).toBe('Enforcement matrix, no-cert: no-cert detail');
  });

  it('marks insecure runs in the summary', () => {
    expect(summarizeRun(good, null, true).summary).toMatch(/NOT verified: insecure/);
  });
});
