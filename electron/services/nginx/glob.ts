import type { NginxFs } from './fs';

/**
 * glob(3) as nginx calls it for `include` (flags 0): `*`, `?` and `[...]` within one path
 * segment, and a leading dot only matched by a pattern that starts with a dot.
 */

function segmentRegex(segment: string): RegExp {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        const body = segment.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

const hasMagic = (segment: string): boolean => /[*?[]/.test(segment);

/** Absolute paths matching an absolute pattern, sorted; no match is an empty list (nginx accepts that). */
export async function globPaths(fs: NginxFs, pattern: string): Promise<string[]> {
  const segments = pattern.split('/').filter((s) => s !== '');
  let bases = ['/'];
  for (const segment of segments) {
    const next: string[] = [];
    for (const base of bases) {
      const join = (name: string): string => (base === '/' ? `/${name}` : `${base}/${name}`);
      if (!hasMagic(segment)) {
        next.push(join(segment));
        continue;
      }
      const re = segmentRegex(segment);
      const names = await fs.list(base).catch(() => [] as string[]);
      for (const name of names) {
        if (name.startsWith('.') && !segment.startsWith('.')) continue;
        if (re.test(name)) next.push(join(name));
      }
    }
    bases = next;
  }
  const existing: string[] = [];
  for (const path of bases) if ((await fs.info(path)) !== null) existing.push(path);
  return existing.sort();
}
