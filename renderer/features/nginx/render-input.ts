import type { Input } from '../../../shared/ipc/types';
import { HEADER_ROLES, type FieldError, type TlsVersion } from '../../../shared/nginx/types';
import type { NginxForm } from './draft-store';

export type RenderDraft = Input<'nginx.render'>['draft'];

export type FormConversion = { readonly ok: true; readonly draft: RenderDraft } | { readonly ok: false; readonly errors: readonly FieldError[] };

const TLS_ORDER: readonly TlsVersion[] = ['TLSv1.2', 'TLSv1.3'];
/** Nine digits keeps every value a safe integer, so the contract never refuses the whole call. */
const WHOLE_NUMBER = /^\d{1,9}$/;

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Fields the renderer names itself before asking main: the contract rejects whole calls, not fields. */
function localErrors(form: NginxForm): FieldError[] {
  const errors: FieldError[] = [];
  if (!WHOLE_NUMBER.test(form.verifyDepth.trim())) errors.push({ field: 'verifyDepth', message: 'Enter a whole number, e.g. 2.' });
  if (form.hstsEnabled && !WHOLE_NUMBER.test(form.hstsMaxAge.trim())) {
    errors.push({ field: 'hsts.maxAgeSeconds', message: 'Enter the max-age in whole seconds, e.g. 31536000.' });
  }
  if (form.tlsVersions.length === 0) errors.push({ field: 'tlsVersions', message: 'Pick at least one TLS version.' });
  return errors;
}

/** The exact `nginx.render` draft for a form, or the fields that must be fixed before one can be sent. */
export function draftOf(form: NginxForm): FormConversion {
  const errors = localErrors(form);
  if (errors.length > 0) return { ok: false, errors };
  const headerNames: Partial<Record<(typeof HEADER_ROLES)[number], string>> = {};
  for (const role of HEADER_ROLES) {
    const name = form.headerNames[role]?.trim() ?? '';
    if (name !== '') headerNames[role] = name;
  }
  return {
    ok: true,
    draft: {
      serverName: form.serverName.trim(),
      tlsCertPath: form.tlsCertPath.trim(),
      tlsKeyPath: form.tlsKeyPath.trim(),
      clientCaPath: form.clientCaPath.trim(),
      upstreamUrl: form.upstreamUrl.trim(),
      envFilePath: orNull(form.envFilePath),
      listen: form.listen.map((address) => address.trim()),
      crlPath: orNull(form.crlPath),
      ocsp:
        form.ocspMode === 'off'
          ? { mode: 'off' }
          : { mode: form.ocspMode, responderUrl: orNull(form.ocspResponderUrl), resolver: orNull(form.ocspResolver) },
      verifyDepth: Number(form.verifyDepth.trim()),
      tlsVersions: TLS_ORDER.filter((version) => form.tlsVersions.includes(version)),
      hsts: form.hstsEnabled ? { maxAgeSeconds: Number(form.hstsMaxAge.trim()), includeSubdomains: form.hstsIncludeSubdomains } : null,
      headerNames,
      allowRemoteUpstream: form.allowRemoteUpstream,
    },
  };
}

/** Nothing typed into the four fields every config needs: there is nothing to render yet. */
export function isPristine(form: NginxForm): boolean {
  return [form.serverName, form.tlsCertPath, form.tlsKeyPath, form.clientCaPath].every((value) => value.trim() === '');
}

const REQUIRED = ['serverName', 'tlsCertPath', 'tlsKeyPath', 'clientCaPath'] as const;

/** The text of a required field (or listen address) at `field`, else null. */
function requiredValue(form: NginxForm, field: string): string | null {
  const listen = /^listen\.(\d+)$/.exec(field);
  if (listen) return form.listen[Number(listen[1])] ?? null;
  const required = REQUIRED.find((name) => name === field);
  return required === undefined ? null : form[required];
}

export interface PlacedErrors {
  /** Messages by the form key they show beside. */
  readonly byField: ReadonlyMap<string, readonly string[]>;
  /** Errors for fields the form does not show (shown together at the top). */
  readonly unplaced: readonly FieldError[];
  /** Required fields still empty and not yet visited: named once, not shouted at. */
  readonly waiting: readonly string[];
}

/**
 * Puts each error beside the nearest field the form shows (`ocsp.mode` → the `ocsp` group).
 * "Required" on a field the operator has not reached yet is held back until they do.
 */
export function placeErrors(errors: readonly FieldError[], keys: ReadonlySet<string>, form: NginxForm, touched: readonly string[]): PlacedErrors {
  const byField = new Map<string, string[]>();
  const unplaced: FieldError[] = [];
  const waiting: string[] = [];
  for (const error of errors) {
    const value = requiredValue(form, error.field);
    if (value !== null && value.trim() === '' && !touched.includes(error.field)) {
      if (!waiting.includes(error.field)) waiting.push(error.field);
      continue;
    }
    let key = error.field;
    while (!keys.has(key) && key.includes('.')) key = key.slice(0, key.lastIndexOf('.'));
    if (keys.has(key)) byField.set(key, [...(byField.get(key) ?? []), error.message]);
    else unplaced.push(error);
  }
  return { byField, unplaced, waiting };
}

/** Every key the form shows errors beside, for this form's listen addresses. */
export function formKeys(form: NginxForm): ReadonlySet<string> {
  return new Set([
    ...REQUIRED,
    'upstreamUrl',
    'allowRemoteUpstream',
    'envFilePath',
    'listen',
    ...form.listen.map((_, i) => `listen.${i}`),
    'crlPath',
    'ocsp',
    'ocsp.responderUrl',
    'ocsp.resolver',
    'verifyDepth',
    'tlsVersions',
    'hsts',
    'hsts.maxAgeSeconds',
    'headerNames',
    ...HEADER_ROLES.map((role) => `headerNames.${role}`),
  ]);
}
