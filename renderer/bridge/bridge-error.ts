import type { CommandError, ErrorCode } from '../../shared/ipc/errors';

/** A command's `ok:false` answer as a throwable, so react-query's error state carries the code. */
export class BridgeError extends Error {
  readonly code: ErrorCode;
  constructor(error: CommandError) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
  }
}
