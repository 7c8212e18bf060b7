import { describe, expect, it } from 'vitest';
import { fdWriter, type FdOutputDeps } from './fd-output';

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });

/** A descriptor that takes at most `chunk` bytes per call and fails as scripted. */
function fakeFd(chunk: number, failAt: (call: number) => NodeJS.ErrnoException | null) {
  const written: number[] = [];
  const handed: Array<string | Uint8Array> = [];
  const exits: number[] = [];
  let calls = 0;
  const deps: FdOutputDeps = {
    write: (_fd, buffer, offset) => {
      const err = failAt(calls++);
      if (err) throw err;
      const n = Math.min(chunk, buffer.length - offset);
      written.push(...buffer.subarray(offset, offset + n));
      return n;
    },
    fallback: () => ({ write: (data: string | Uint8Array) => handed.push(data) }) as unknown as NodeJS.WritableStream,
    exit: (code) => {
      exits.push(code);
      throw new Error('exited');
    },
  };
  return { deps, text: () => Buffer.from(written).toString('utf8'), handed, exits };
}

describe('fdWriter', () => {
  it('writes everything in order across partial writes, multi-byte characters included', () => {
    const fd = fakeFd(7, () => null);
    const { write, streamed } = fdWriter(1, () => 0, fd.deps);
    const text = 'CN=Zürich Root CA ✓\n'.repeat(50);
    write(text);
    write('end\n');
    expect(fd.text()).toBe(`${text}end\n`);
    expect(streamed()).toBe(false);
  });

  it('ends the run with the current exit code when the reader closes the pipe', () => {
    const fd = fakeFd(4, (call) => (call === 2 ? errno('EPIPE') : null));
    const { write } = fdWriter(1, () => 1, fd.deps);
    expect(() => write('0123456789abcdef')).toThrow('exited');
    expect(fd.exits).toEqual([1]);
    expect(fd.text()).toBe('01234567');
  });

  it('hands the rest, and every later write, to the stream when the descriptor is non-blocking and full', () => {
    const fd = fakeFd(4, (call) => (call === 1 ? errno('EAGAIN') : null));
    const { write, streamed } = fdWriter(1, () => 0, fd.deps);
    write('0123456789');
    expect(streamed()).toBe(true);
    write('more');
    expect(fd.text()).toBe('0123');
    expect(fd.handed.map((d) => Buffer.from(d).toString('utf8'))).toEqual(['456789', 'more']);
  });

  it('surfaces any other write error', () => {
    const fd = fakeFd(4, () => errno('EIO'));
    expect(() => fdWriter(1, () => 0, fd.deps).write('x')).toThrow('EIO');
    expect(fd.exits).toEqual([]);
  });
});
