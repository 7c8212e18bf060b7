import { describe, expect, it } from 'vitest';
import { maskedDiff, maskedLines } from './masked-diff';

const masking = { isSecret: (key: string) => key.endsWith('_SECRET'), mask: (v: string) => `[${v.length} chars]` };

describe('maskedDiff', () => {
  it('masks secret values on both sides and still marks a same-length secret change as changed', () => {
    const diff = maskedDiff('A=1\nJWT_SECRET=aaaa\n', 'A=1\nJWT_SECRET=bbbb\n', masking);
    expect(diff.rows).toEqual([
      { kind: 'same', oldLine: 1, newLine: 1, oldText: 'A=1', newText: 'A=1' },
      { kind: 'changed', oldLine: 2, newLine: 2, oldText: 'JWT_SECRET=[4 chars]', newText: 'JWT_SECRET=[4 chars]' },
    ]);
    expect(JSON.stringify(diff)).not.toMatch(/aaaa|bbbb/);
  });

  it('keeps line numbers true around a masked multi-line secret, earlier duplicates, quotes and comments', () => {
    const text = '\uFEFFKEY_SECRET=zq1 # c\r\nPEM_SECRET="-----BEGIN-----\r\nAAAA\r\n-----END-----"\r\nKEY_SECRET=\'zq2\'\r\nB=2\r\n';
    expect(maskedLines(text, masking)).toEqual(['KEY_SECRET=[3 chars] # c', 'PEM_SECRET=[34 chars]', '', '', 'KEY_SECRET=[3 chars]', 'B=2', '']);
    const diff = maskedDiff(text, text.replace('B=2', 'B=3'), masking);
    expect(diff.rows.find((r) => r.kind === 'changed')).toEqual({ kind: 'changed', oldLine: 6, newLine: 6, oldText: 'B=2', newText: 'B=3' });
    expect(JSON.stringify(diff)).not.toMatch(/AAAA|zq1|zq2/);
  });
});
