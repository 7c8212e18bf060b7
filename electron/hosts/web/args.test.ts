import { describe, expect, it } from 'vitest';
import { parseWebHostArgs } from './args';

describe('parseWebHostArgs', () => {
  it('reads the flags', () => {
    expect(parseWebHostArgs(['--port', '8080', '--data-dir', '/tmp/d'])).toEqual({
      ok: true,
      value: { port: 8080, host: undefined, dataDir: '/tmp/d', rendererDir: undefined },
    });
  });

  it('rejects unknown flags, missing values and bad ports', () => {
    expect(parseWebHostArgs(['--bind', 'x']).ok).toBe(false);
    expect(parseWebHostArgs(['--port']).ok).toBe(false);
    expect(parseWebHostArgs(['--port', '70000']).ok).toBe(false);
    expect(parseWebHostArgs(['--port', 'abc']).ok).toBe(false);
  });
});
