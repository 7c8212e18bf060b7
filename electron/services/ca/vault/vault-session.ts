import type { webcrypto } from 'node:crypto';
import { CommandFailure } from '../../../../shared/ipc/errors';

/**
 * The unlocked state and its idle lock. The timer does the locking; the clock is checked too,
 * because a suspended laptop does not advance Node's (monotonic) timers: after a night asleep
 * the first use finds the deadline passed and locks instead of signing.
 */

export interface SessionDeps {
  readonly clock: () => Date;
  readonly timers: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  readonly idleLockSeconds: number;
}

export interface Session {
  /** UTF-8 passphrase bytes; null after a remembered unlock (then storeKey needs it given again). */
  passphrase: Buffer | null;
  /** The remembered wrapping secret, once known. */
  wrapSecret: Buffer | null;
  readonly keys: Map<string, webcrypto.CryptoKey>;
}

export interface Sessions {
  /** The open session, or null (locking first if the idle deadline passed unnoticed). */
  current(): Session | null;
  /** The open session, or FORBIDDEN. */
  active(): Session;
  /** Taken before an unlock's slow work; a lock() meanwhile makes begin() refuse. */
  ticket(): number;
  /** Opens a session owning the given secrets (zeroed here if it cannot open). */
  begin(ticket: number, keys: Map<string, webcrypto.CryptoKey>, passphrase: Buffer | null, wrapSecret: Buffer | null): void;
  /** `session` if it is still the open one, else FORBIDDEN explaining what happened to the operation. */
  stillOpen(session: Session, outcome: string): Session;
  touch(): void;
  lock(): void;
  /** Reports a state change that is not a lock or unlock (remember on/off). */
  changed(): void;
}

export const LOCKED = 'the vault is locked: unlock it with the CA passphrase';

export function createSession(deps: SessionDeps, notify: () => void): Sessions {
  if (!(deps.idleLockSeconds > 0)) throw new RangeError('idleLockSeconds must be positive');
  const idleMs = deps.idleLockSeconds * 1000;
  let open: (Session & { lastActivity: number; timer: unknown }) | null = null;
  let epoch = 0;
  const now = (): number => deps.clock().getTime();

  const schedule = (ms: number): unknown => {
    const handle = deps.timers.setTimeout(onTimer, ms);
    // An idle-lock timer must never keep a CLI process alive.
    if (typeof handle === 'object' && handle !== null && 'unref' in handle && typeof handle.unref === 'function') handle.unref();
    return handle;
  };

  function onTimer(): void {
    if (!open) return;
    const left = idleMs - (now() - open.lastActivity);
    if (left <= 0) lock();
    else open.timer = schedule(left);
  }

  function lock(): void {
    epoch++;
    const closing = open;
    if (!closing) return;
    open = null;
    deps.timers.clearTimeout(closing.timer);
    closing.passphrase?.fill(0);
    closing.wrapSecret?.fill(0);
    closing.keys.clear();
    notify();
  }

  function current(): Session | null {
    if (open && now() - open.lastActivity >= idleMs) lock();
    return open;
  }

  return {
    current,
    active() {
      const session = current();
      if (!session) throw new CommandFailure('FORBIDDEN', LOCKED);
      return session;
    },
    ticket: () => epoch,
    begin(ticket, keys, passphrase, wrapSecret) {
      if (ticket !== epoch || open) {
        passphrase?.fill(0);
        wrapSecret?.fill(0);
        throw new CommandFailure('FORBIDDEN', 'the vault was locked while it was being opened; unlock it again');
      }
      open = { passphrase, wrapSecret, keys, lastActivity: now(), timer: schedule(idleMs) };
      notify();
    },
    stillOpen(session, outcome) {
      if (current() !== session) throw new CommandFailure('FORBIDDEN', `the vault was locked during the operation (${outcome})`);
      return session;
    },
    touch() {
      const session = current();
      if (!session || !open) return;
      open.lastActivity = now();
      deps.timers.clearTimeout(open.timer);
      open.timer = schedule(idleMs);
    },
    lock,
    changed: notify,
  };
}
