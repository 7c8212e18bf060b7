import { type NginxRenderDraft, type NginxRenderDraftInput, NginxRenderDraftSchema } from '../../ipc/nginx-schemas';
import { z } from '../../ipc/zod';
import type { FieldError } from '../types';
import { validateRenderDraft } from '../validate';

/** A valid form as it arrives over IPC (zod defaults applied), with overrides. */
export function draft(overrides: Partial<NginxRenderDraftInput> = {}): NginxRenderDraft {
  return z.parse(NginxRenderDraftSchema, {
    serverName: 'sentinel.example.com',
    tlsCertPath: '/etc/nginx/certs/server.crt',
    tlsKeyPath: '/etc/nginx/certs/server.key',
    clientCaPath: '/etc/nginx/certs/device-ca.crt',
    ...overrides,
  });
}

/** The refusals for one draft; [] when it is accepted. */
export function errorsOf(overrides: Partial<NginxRenderDraftInput>): readonly FieldError[] {
  const result = validateRenderDraft(draft(overrides));
  return result.ok ? [] : result.errors;
}

/** Fields refused for one draft. */
export function fieldsOf(overrides: Partial<NginxRenderDraftInput>): string[] {
  return errorsOf(overrides).map((e) => e.field);
}
