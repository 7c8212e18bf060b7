export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** Permission bits as an operator types them for chmod, e.g. 0644. */
export function octalMode(mode: number): string {
  return `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;
}

/** Group and other bits set: anyone but the owner can read the file. */
export function readableByOthers(mode: number): boolean {
  return (mode & 0o077) !== 0;
}

/** The start of a hash, enough to tell two versions apart at a glance; the full hash stays on hover and in the report. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** Quotes a path for a POSIX shell line the operator may copy. */
export function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export function localTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** The file's name without its folders, for download names. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter((part) => part !== '').pop() ?? 'env';
}
