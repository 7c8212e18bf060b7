import { writeSync } from 'node:fs';

/** What the CLI does with a write error it cannot recover from: a closed reader ends the run. */
export interface FdOutputDeps {
  readonly write: (fd: number, buffer: Uint8Array, offset: number) => number;
  /** The stream to hand the rest to when the descriptor is non-blocking and full (EAGAIN). */
  readonly fallback: (fd: number) => NodeJS.WritableStream;
  readonly exit: (code: number) => never;
}

const nodeDeps: FdOutputDeps = {
  write: (fd, buffer, offset) => writeSync(fd, buffer, offset),
  fallback: (fd) => (fd === 1 ? process.stdout : process.stderr),
  exit: (code) => process.exit(code),
};

export interface FdWriter {
  readonly write: (text: string) => void;
  /** True once output went to a stream, which may still be sending it. */
  readonly streamed: () => boolean;
}

/**
 * Writes CLI output straight to a file descriptor. process.stdout on a pipe builds a socket
 * stream (net, stream_wrap, pipe_wrap): milliseconds of a short command's start, for writes
 * that Node makes synchronous on Linux pipes and files anyway. A reader that stops early
 * (`| head`) closes the pipe: that ends the run quietly, as it does for other Unix tools.
 */
export function fdWriter(fd: number, exitCode: () => number, deps: FdOutputDeps = nodeDeps): FdWriter {
  let handedOff: NodeJS.WritableStream | null = null;
  const write = (text: string): void => {
    if (handedOff) {
      handedOff.write(text);
      return;
    }
    const buffer = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < buffer.length) {
      try {
        offset += deps.write(fd, buffer, offset);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') deps.exit(exitCode());
        if (code !== 'EAGAIN') throw err;
        // A descriptor another process left non-blocking: the stream queues and waits for it.
        handedOff = deps.fallback(fd);
        handedOff.write(buffer.subarray(offset));
        return;
      }
    }
  };
  return { write, streamed: () => handedOff !== null };
}
