export interface WebHostArgs {
  readonly port: number;
  readonly host: string | undefined;
  readonly dataDir: string | undefined;
  readonly rendererDir: string | undefined;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Flags of the web host: --port N, --host ADDR (refused unless 127.0.0.1), --data-dir, --renderer-dir. */
export function parseWebHostArgs(argv: readonly string[]): Parsed<WebHostArgs> {
  let port = 0;
  let host: string | undefined;
  let dataDir: string | undefined;
  let rendererDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag !== '--port' && flag !== '--host' && flag !== '--data-dir' && flag !== '--renderer-dir') {
      return { ok: false, error: `unknown flag "${flag ?? ''}" (expected --port, --host, --data-dir, --renderer-dir)` };
    }
    if (value === undefined || value.startsWith('--')) return { ok: false, error: `${flag} needs a value` };
    i++;
    if (flag === '--port') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 65535) return { ok: false, error: `--port must be 0-65535, got "${value}"` };
      port = n;
    } else if (flag === '--host') host = value;
    else if (flag === '--data-dir') dataDir = value;
    else rendererDir = value;
  }
  return { ok: true, value: { port, host, dataDir, rendererDir } };
}
