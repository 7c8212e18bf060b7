import type { ProbeErrorClass } from '../model/probe';

/**
 * What one probe request came back with, before it is judged. `phase` says whether a failure
 * happened before the TLS session stood (connect) or while waiting for the answer (response).
 */
export type Attempt =
  | { readonly kind: 'response'; readonly status: number; readonly body: string; readonly ms: number }
  | {
      readonly kind: 'error';
      readonly error: ProbeErrorClass;
      /** The raw error code (errno, OpenSSL verify code, ERR_SSL_*), when there was one. */
      readonly code: string | undefined;
      readonly message: string;
      readonly phase: 'connect' | 'response';
      readonly ms: number;
    };

/** One judged result: the fields every step and matrix case share. */
export interface Verdict {
  readonly ok: boolean;
  readonly error: ProbeErrorClass | null;
  readonly reason: string;
}
