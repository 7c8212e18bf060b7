import { describe, expect, it } from 'vitest';
import { FAILING, HEALTHY, minutesAgo, NEVER, sampleReport } from '../../test-support/health-samples';
import { applyStatusPayload, withReport } from './status-cache';

const ids = (list: readonly { profile: { id: string } }[]) => list.map((status) => status.profile.id);

describe('applyStatusPayload', () => {
  it('replaces a known profile in place, appends a new one, drops a deleted one', () => {
    const list = [HEALTHY, NEVER];
    const running = applyStatusPayload(list, { ...NEVER, running: true });
    expect(ids(running)).toEqual(['edge-a', 'lab']);
    expect(running[1]?.running).toBe(true);
    expect(running[0]).toBe(HEALTHY);
    expect(ids(applyStatusPayload(list, FAILING))).toEqual(['edge-a', 'lab', 'edge-b']);
    expect(ids(applyStatusPayload(list, { id: 'edge-a', deleted: true }))).toEqual(['lab']);
  });
});

describe('withReport', () => {
  it('takes a newer report as last, keeps a newer one already there, ignores ad-hoc reports', () => {
    const newer = sampleReport({ at: minutesAgo(0) });
    expect(withReport([HEALTHY], newer)[0]?.last).toBe(newer);
    const older = sampleReport({ at: minutesAgo(30) });
    expect(withReport([HEALTHY], older)[0]?.last).toBe(HEALTHY.last);
    const list = [HEALTHY];
    expect(withReport(list, sampleReport({ profileId: null }))).toBe(list);
  });
});
