import type { ReadStream } from 'node:tty';

const MAX_SECRET = 1024;

/** First line of piped stdin (like `openssl -passin stdin`); '' at end of input. */
function firstLine(stdin: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (value: string): void => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', reject);
      stdin.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      const eol = text.search(/\r?\n/);
      if (eol >= 0) done(text.slice(0, eol));
      else if (text.length > MAX_SECRET) done('');
    };
    const onEnd = (): void => done(text);
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.once('error', reject);
    stdin.resume();
  });
}

/** Reads a line from the terminal without echo; Ctrl-C cancels (resolves null). */
function hiddenLine(stdin: ReadStream, stderr: NodeJS.WriteStream, prompt: string): Promise<string | null> {
  return new Promise((resolve) => {
    stderr.write(prompt);
    let typed = '';
    stdin.setRawMode(true);
    const finish = (value: string | null): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(typed);
        if (ch === '\u0003' || ch === '\u0004') return finish(null);
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (typed.length < MAX_SECRET) typed += ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

/**
 * The CLI's passphrase prompt when no --passphrase-env is given: hidden input on a terminal,
 * else the first line of piped stdin. Never echoed, never taken from an argument.
 */
export function createSecretPrompt(stdinOf: () => NodeJS.ReadStream, stderrOf: () => NodeJS.WriteStream): (prompt: string) => Promise<string | null> {
  return async (prompt) => {
    const stdin = stdinOf();
    const stderr = stderrOf();
    const value = stdin.isTTY ? await hiddenLine(stdin as ReadStream, stderr, prompt) : await firstLine(stdin);
    return value === null || value === '' ? null : value;
  };
}
