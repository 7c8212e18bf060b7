/** Error codes that may cross a boundary; operators see the message, scripts switch on the code. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_COMMAND',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNREADABLE_FILE',
  'TIMEOUT',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CommandError {
  readonly code: ErrorCode;
  readonly message: string;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Thrown inside services to carry a code through `dispatch`.
 *
 * Electron's IPC keeps only `message` of a thrown Error, so dispatch turns this into a
 * Result value before it crosses any transport.
 */
export class CommandFailure extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CommandFailure';
    this.code = code;
  }
}
