/**
 * The form checks mirror shared/ipc/ca-schemas.ts, so an operator sees a problem beside the
 * field before anything is sent; main validates again on every transport regardless.
 */

/** The platform pins a device certificate's CN to its device_id (same pattern as the schema). */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const MIN_PASSPHRASE = 12;

export function deviceIdProblem(value: string): string | null {
  if (value === '') return 'Enter the device id: it becomes the certificate CN.';
  return DEVICE_ID_PATTERN.test(value) ? null : 'Letters, digits and . _ : - only (no spaces), starting with a letter or digit, up to 128.';
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export function parseWholeNumber(text: string, min: number, max: number): Parsed<number> {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: `A whole number from ${min} to ${max}.` };
  const value = Number(trimmed);
  if (value < min || value > max) return { ok: false, problem: `From ${min} to ${max}.` };
  return { ok: true, value };
}

export function requiredProblem(value: string, what: string): string | null {
  return value.trim() === '' ? `Enter ${what}.` : null;
}

export function subjectProblem(value: string): string | null {
  return value.trim().length < 3 ? 'Enter a subject such as CN=Sentinel Device CA.' : null;
}

export interface PassphraseProblems {
  readonly passphrase: string | null;
  readonly confirm: string | null;
}

export function passphraseProblems(passphrase: string, confirm: string): PassphraseProblems {
  return {
    passphrase: passphrase.length < MIN_PASSPHRASE ? `At least ${MIN_PASSPHRASE} characters.` : null,
    confirm: confirm !== passphrase ? 'The two passphrases differ.' : null,
  };
}

/** A plain-words strength hint; it never repeats the passphrase itself. */
export function strengthHint(passphrase: string): { readonly tone: 'muted' | 'warning' | 'ok'; readonly text: string } {
  if (passphrase.length === 0) return { tone: 'muted', text: `At least ${MIN_PASSPHRASE} characters; a few unrelated words work well.` };
  if (passphrase.length < MIN_PASSPHRASE) return { tone: 'warning', text: `Too short: ${passphrase.length} of at least ${MIN_PASSPHRASE} characters.` };
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((kind) => kind.test(passphrase)).length;
  if (passphrase.length >= 20 || kinds >= 3) return { tone: 'ok', text: 'Good length and variety.' };
  return { tone: 'ok', text: 'Long enough; longer or more varied is stronger.' };
}
