/** One row of a side-by-side diff; line numbers are 1-based, null on the side that lacks the line. */
export interface DiffRow {
  readonly kind: 'same' | 'removed' | 'added' | 'changed';
  readonly oldLine: number | null;
  readonly newLine: number | null;
  readonly oldText: string | null;
  readonly newText: string | null;
}

export interface ConfigDiff {
  readonly identical: boolean;
  readonly added: number;
  readonly removed: number;
  readonly rows: readonly DiffRow[];
}

/**
 * Bounds for Myers' search: the trace keeps (D+1)² numbers and each step walks snakes, so
 * both are capped. Past either cap the differing middle is shown as one replaced block: a
 * correct diff, just not the shortest.
 */
export const DIFF_LIMITS = { maxEditDistance: 1500, maxWork: 20_000_000 } as const;

type Op = { readonly kind: 'same' | 'del' | 'ins'; readonly oldIndex: number; readonly newIndex: number };

/**
 * Lines without their `\n`. A last line without a final newline gets a distinct key, so two
 * texts that differ only there still differ (the row shows as changed).
 */
function splitLines(text: string): { lines: string[]; keys: string[] } {
  if (text === '') return { lines: [], keys: [] };
  const lines = text.split('\n');
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  const keys = lines.slice();
  if (!finalNewline) keys[keys.length - 1] = `${keys[keys.length - 1] ?? ''}\n`;
  return { lines, keys };
}

/** Shortest edit script between a and b (Myers 1986), or null when it would exceed DIFF_LIMITS. */
function myers(a: Int32Array, b: Int32Array): Op[] | null {
  const n = a.length;
  const m = b.length;
  const maxD = Math.min(n + m, DIFF_LIMITS.maxEditDistance);
  const offset = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  const trace: Int32Array[] = [];
  let work = 0;
  for (let d = 0; d <= maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      const left = v[offset + k - 1] ?? 0;
      const right = v[offset + k + 1] ?? 0;
      const start = k === -d || (k !== d && left < right) ? right : left + 1;
      let x = start;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      work += 1 + x - start;
      if (work > DIFF_LIMITS.maxWork) return null;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

/** Walks the trace back from (n, m); trace[d][k + d] is the furthest x on diagonal k after d edits. */
function backtrack(trace: readonly Int32Array[], n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1] ?? new Int32Array(0);
    const at = (k: number): number => prev[k + d - 1] ?? 0;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: 'same', oldIndex: --x, newIndex: --y });
    if (down) ops.push({ kind: 'ins', oldIndex: x, newIndex: --y });
    else ops.push({ kind: 'del', oldIndex: --x, newIndex: y });
  }
  while (x > 0 && y > 0) ops.push({ kind: 'same', oldIndex: --x, newIndex: --y });
  return ops.reverse();
}

/** Same lines are compared as small integers. */
function intern(keys: readonly string[], table: Map<string, number>): Int32Array {
  const ids = new Int32Array(keys.length);
  keys.forEach((key, i) => {
    let id = table.get(key);
    if (id === undefined) table.set(key, (id = table.size));
    ids[i] = id;
  });
  return ids;
}

function editScript(oldKeys: readonly string[], newKeys: readonly string[]): Op[] {
  const table = new Map<string, number>();
  const a = intern(oldKeys, table);
  const b = intern(newKeys, table);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.subarray(start, endA);
  const middleB = b.subarray(start, endB);
  const middle = myers(middleA, middleB) ?? [
    ...Array.from(middleA, (_, i): Op => ({ kind: 'del', oldIndex: i, newIndex: 0 })),
    ...Array.from(middleB, (_, i): Op => ({ kind: 'ins', oldIndex: 0, newIndex: i })),
  ];
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ kind: 'same', oldIndex: i, newIndex: i });
  for (const op of middle) ops.push({ kind: op.kind, oldIndex: op.oldIndex + start, newIndex: op.newIndex + start });
  for (let i = 0; i < a.length - endA; i++) ops.push({ kind: 'same', oldIndex: endA + i, newIndex: endB + i });
  return ops;
}

/**
 * Line diff for a side-by-side view: removed and added lines between two unchanged lines are
 * paired in order as 'changed' rows; the surplus of either side stays removed or added.
 */
export function diffLines(oldText: string, newText: string): ConfigDiff {
  const before = splitLines(oldText);
  const after = splitLines(newText);
  const ops = editScript(before.keys, after.keys);
  const rows: DiffRow[] = [];
  let dels: number[] = [];
  let inss: number[] = [];
  const flush = (): void => {
    const pairs = Math.min(dels.length, inss.length);
    for (let i = 0; i < Math.max(dels.length, inss.length); i++) {
      const o = dels[i];
      const n = inss[i];
      const kind = i < pairs ? 'changed' : o !== undefined ? 'removed' : 'added';
      rows.push({
        kind,
        oldLine: o === undefined ? null : o + 1,
        newLine: n === undefined ? null : n + 1,
        oldText: o === undefined ? null : (before.lines[o] ?? ''),
        newText: n === undefined ? null : (after.lines[n] ?? ''),
      });
    }
    dels = [];
    inss = [];
  };
  let added = 0;
  let removed = 0;
  for (const op of ops) {
    if (op.kind === 'del') {
      dels.push(op.oldIndex);
      removed++;
    } else if (op.kind === 'ins') {
      inss.push(op.newIndex);
      added++;
    } else {
      flush();
      const text = before.lines[op.oldIndex] ?? '';
      rows.push({ kind: 'same', oldLine: op.oldIndex + 1, newLine: op.newIndex + 1, oldText: text, newText: after.lines[op.newIndex] ?? '' });
    }
  }
  flush();
  return { identical: added === 0 && removed === 0, added, removed, rows };
}
