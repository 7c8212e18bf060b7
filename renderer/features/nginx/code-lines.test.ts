import { describe, expect, it } from 'vitest';
import { codeLines, type LinePiece } from './code-lines';

const join = (lines: readonly (readonly LinePiece[])[]): string => lines.map((line) => line.map((piece) => piece.text).join('')).join('\n');

describe('codeLines', () => {
  it('cuts tokens that span lines so every line renders on its own, losing nothing', () => {
    const text = 'events {}\n\n# note\nhttp {\n  return 200 "a\nb";\n}';
    const { lines, totalLines } = codeLines(text);
    expect(totalLines).toBe(7);
    expect(join(lines)).toBe(text);
    expect(lines[2]).toEqual([{ kind: 'comment', text: '# note' }]);
    expect(lines[1]).toEqual([]);
  });

  it('treats a final newline as the end of the last line, and CRLF as a line break', () => {
    expect(codeLines('a;\r\nb;\r\n').lines.map((line) => line.map((piece) => piece.text).join(''))).toEqual(['a;', 'b;']);
  });

  it('shows at most the given number of lines and says how many there are', () => {
    const text = Array.from({ length: 12 }, (_, i) => `d${i} x;`).join('\n');
    const { lines, totalLines } = codeLines(text, 5);
    expect(lines).toHaveLength(5);
    expect(totalLines).toBe(12);
  });
});
