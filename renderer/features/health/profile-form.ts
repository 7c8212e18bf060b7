import type { ProxyProfileDraftInput } from '../../../shared/ipc/probe-schemas';
import { DEFAULT_PROBE_PATHS, DEFAULT_PROBE_TIMEOUTS, type ProxyProfile } from '../../../shared/model/probe';

/** The editor as typed: numbers stay text until saved, optional paths are empty strings. */
export interface ProfileForm {
  readonly name: string;
  readonly baseUrl: string;
  readonly caFile: string;
  readonly insecure: boolean;
  readonly certFile: string;
  readonly keyFile: string;
  readonly deviceId: string;
  readonly matrixDir: string;
  readonly crlFile: string;
  readonly intervalSeconds: number | null;
  readonly live: string;
  readonly ready: string;
  readonly heartbeat: string;
  readonly connectMs: string;
  readonly totalMs: string;
}

export type TextFieldName = { [K in keyof ProfileForm]: ProfileForm[K] extends string ? K : never }[keyof ProfileForm];
export type FormErrors = Partial<Record<TextFieldName, string>>;

/** Fields under Advanced: an error there opens it. */
export const ADVANCED_FIELDS: readonly TextFieldName[] = ['live', 'ready', 'heartbeat', 'connectMs', 'totalMs'];

export const EMPTY_FORM: ProfileForm = {
  name: '',
  baseUrl: 'https://',
  caFile: '',
  insecure: false,
  certFile: '',
  keyFile: '',
  deviceId: '',
  matrixDir: '',
  crlFile: '',
  intervalSeconds: null,
  live: DEFAULT_PROBE_PATHS.live,
  ready: DEFAULT_PROBE_PATHS.ready,
  heartbeat: DEFAULT_PROBE_PATHS.heartbeat,
  connectMs: String(DEFAULT_PROBE_TIMEOUTS.connectMs),
  totalMs: String(DEFAULT_PROBE_TIMEOUTS.totalMs),
};

export function formOf(profile: ProxyProfile): ProfileForm {
  return {
    name: profile.name,
    baseUrl: profile.baseUrl,
    caFile: profile.caFile ?? '',
    insecure: profile.insecure,
    certFile: profile.device?.certFile ?? '',
    keyFile: profile.device?.keyFile ?? '',
    deviceId: profile.device?.deviceId ?? '',
    matrixDir: profile.matrixDir ?? '',
    crlFile: profile.crlFile ?? '',
    intervalSeconds: profile.intervalSeconds,
    live: profile.paths.live,
    ready: profile.paths.ready,
    heartbeat: profile.paths.heartbeat,
    connectMs: String(profile.timeouts.connectMs),
    totalMs: String(profile.timeouts.totalMs),
  };
}

const URL_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;
const DEVICE_FIELDS = ['certFile', 'keyFile', 'deviceId'] as const;

export function baseUrlError(value: string): string | null {
  if (value === '' || value === 'https://') return 'Required: the proxy address, such as https://proxy.example.com.';
  if (!/^https:\/\//i.test(value)) return 'Use an https:// address: the probe speaks TLS only.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Not a URL: write it as https://host or https://host:port.';
  }
  if (url.username !== '' || url.password !== '') return 'No credentials in the address.';
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') return 'Scheme, host and port only: the probe paths are under Advanced.';
  return null;
}

function integerError(value: string, min: number, max: number): string | null {
  if (!/^\d+$/.test(value)) return 'Whole milliseconds, digits only.';
  const n = Number(value);
  return n < min || n > max ? `Between ${min} and ${max} ms.` : null;
}

/** What the editor can tell before asking main; main's own check still runs on save. */
export function validateForm(form: ProfileForm): FormErrors {
  const errors: FormErrors = {};
  const value = (field: TextFieldName): string => form[field].trim();
  if (value('name') === '') errors.name = 'Required: a name to tell this proxy apart.';
  const url = baseUrlError(value('baseUrl'));
  if (url !== null) errors.baseUrl = url;
  const deviceGiven = DEVICE_FIELDS.filter((field) => value(field) !== '');
  if (deviceGiven.length > 0 && deviceGiven.length < DEVICE_FIELDS.length) {
    for (const field of DEVICE_FIELDS) {
      if (value(field) === '') errors[field] = 'Needed with the other device fields, or leave all three empty.';
    }
  }
  for (const field of ['live', 'ready', 'heartbeat'] as const) {
    if (!URL_PATH.test(value(field))) errors[field] = 'A path starting with / (no query).';
  }
  const connect = integerError(value('connectMs'), 100, 60_000);
  if (connect !== null) errors.connectMs = connect;
  const total = integerError(value('totalMs'), 100, 120_000);
  if (total !== null) errors.totalMs = total;
  return errors;
}

const optional = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The contract's draft: every field trimmed, optional empties as null; an edit keeps its id and header names. */
export function draftOf(form: ProfileForm, existing: ProxyProfile | null): ProxyProfileDraftInput {
  const device =
    form.certFile.trim() === '' ? null : { certFile: form.certFile.trim(), keyFile: form.keyFile.trim(), deviceId: form.deviceId.trim() };
  return {
    ...(existing === null ? {} : { id: existing.id, headerNames: existing.headerNames }),
    name: form.name.trim(),
    baseUrl: form.baseUrl.trim(),
    caFile: optional(form.caFile),
    insecure: form.insecure,
    device,
    paths: { live: form.live.trim(), ready: form.ready.trim(), heartbeat: form.heartbeat.trim() },
    matrixDir: optional(form.matrixDir),
    crlFile: optional(form.crlFile),
    intervalSeconds: form.intervalSeconds,
    timeouts: { connectMs: Number(form.connectMs.trim()), totalMs: Number(form.totalMs.trim()) },
  };
}

/** `probe-<proxy>` from the host's first label (or the name): a device id nobody else uses. */
export function suggestedDeviceId(form: ProfileForm): string {
  let source = form.name;
  try {
    const host = new URL(form.baseUrl.trim()).hostname;
    // An address is its own name; a DNS name's first label is the proxy's.
    source = /^[\d.]+$|:/.test(host) ? host : (host.split('.')[0] ?? source);
  } catch {
    // Not a URL yet: the name will do.
  }
  const slug = source.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `probe-${slug === '' ? 'proxy' : slug}`;
}
