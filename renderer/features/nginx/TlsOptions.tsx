import { useId } from 'react';
import type { TlsVersion } from '../../../shared/nginx/types';
import { MAX_LISTEN, useNginxDraft, type OcspMode } from './draft-store';
import { CheckboxField, FieldGroup, TextField, useFieldErrors } from './form-fields';

const OCSP_OPTIONS: ReadonlyArray<{ value: OcspMode; label: string }> = [
  { value: 'off', label: 'Off' },
  { value: 'on', label: 'On: whole client chain' },
  { value: 'leaf', label: 'Leaf: client certificate only' },
];

const TLS_OPTIONS: ReadonlyArray<{ value: TlsVersion; label: string }> = [
  { value: 'TLSv1.2', label: 'TLS 1.2' },
  { value: 'TLSv1.3', label: 'TLS 1.3' },
];

const isOcspMode = (value: string): value is OcspMode => OCSP_OPTIONS.some((option) => option.value === value);

function ListenFields() {
  const listen = useNginxDraft((state) => state.form.listen);
  const { setListen, addListen, removeListen } = useNginxDraft.getState();
  return (
    <FieldGroup field="listen" legend="Listen addresses" hint="Port, address:port or [v6]:port, e.g. 443 or 127.0.0.1:8443.">
      {listen.map((address, i) => (
        <TextField
          key={i}
          field={`listen.${i}`}
          label={`Address ${i + 1}`}
          value={address}
          onChange={(value) => setListen(i, value)}
          maxLength={64}
          after={
            listen.length > 1 ? (
              <button type="button" className="button button--quiet" onClick={() => removeListen(i)} aria-label={`Remove address ${i + 1}`}>
                Remove
              </button>
            ) : null
          }
        />
      ))}
      {listen.length < MAX_LISTEN ? (
        <button type="button" className="link-button ngx-form__add" onClick={addListen}>
          Add an address
        </button>
      ) : null}
    </FieldGroup>
  );
}

function OcspFields() {
  const id = useId();
  const form = useNginxDraft((state) => state.form);
  const update = useNginxDraft((state) => state.update);
  const errors = useFieldErrors('ocsp');
  return (
    <FieldGroup field="ocsp" legend="OCSP check of client certificates">
      <select
        id={id}
        className="input"
        aria-label="OCSP mode"
        aria-invalid={errors.length > 0}
        value={form.ocspMode}
        onChange={(event) => {
          if (isOcspMode(event.target.value)) update({ ocspMode: event.target.value }, 'ocsp');
        }}
        data-field="ocsp"
      >
        {OCSP_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {form.ocspMode === 'off' ? null : (
        <>
          <TextField
            field="ocsp.responderUrl"
            label="Responder URL (optional)"
            value={form.ocspResponderUrl}
            onChange={(value) => update({ ocspResponderUrl: value }, 'ocsp.responderUrl')}
            maxLength={2048}
            inputMode="url"
            placeholder="http://ocsp.example.com"
            hint="Overrides the certificates' own responder; http:// only."
          />
          <TextField
            field="ocsp.resolver"
            label="Resolver (optional)"
            value={form.ocspResolver}
            onChange={(value) => update({ ocspResolver: value }, 'ocsp.resolver')}
            maxLength={256}
            placeholder="127.0.0.53"
            hint="DNS server nginx uses to find the responder by name."
          />
        </>
      )}
    </FieldGroup>
  );
}

function HstsFields() {
  const form = useNginxDraft((state) => state.form);
  const update = useNginxDraft((state) => state.update);
  return (
    <FieldGroup field="hsts" legend="HSTS">
      <CheckboxField field="hsts" label="Send Strict-Transport-Security" checked={form.hstsEnabled} onChange={(checked) => update({ hstsEnabled: checked }, 'hsts')} />
      {form.hstsEnabled ? (
        <>
          <TextField
            field="hsts.maxAgeSeconds"
            label="max-age (seconds)"
            value={form.hstsMaxAge}
            onChange={(value) => update({ hstsMaxAge: value }, 'hsts.maxAgeSeconds')}
            maxLength={9}
            inputMode="numeric"
          />
          <CheckboxField
            field="hsts.includeSubdomains"
            label="includeSubDomains"
            checked={form.hstsIncludeSubdomains}
            onChange={(checked) => update({ hstsIncludeSubdomains: checked }, 'hsts')}
          />
        </>
      ) : null}
    </FieldGroup>
  );
}

/** How the proxy listens and judges client certificates. */
export function TlsOptions() {
  const form = useNginxDraft((state) => state.form);
  const update = useNginxDraft((state) => state.update);
  const toggleVersion = (version: TlsVersion, on: boolean): void => {
    const rest = form.tlsVersions.filter((v) => v !== version);
    update({ tlsVersions: on ? [...rest, version] : rest }, 'tlsVersions');
  };
  return (
    <section className="ngx-form__section" aria-labelledby="ngx-form-tls">
      <h2 className="ngx-form__title" id="ngx-form-tls">
        TLS and client certificates
      </h2>
      <ListenFields />
      <TextField
        field="crlPath"
        label="CRL file (optional)"
        value={form.crlPath}
        onChange={(value) => update({ crlPath: value }, 'crlPath')}
        maxLength={4096}
        placeholder="/etc/nginx/tls/device-ca.crl"
        hint="Revoked device certificates are refused; nginx needs it renewed before nextUpdate."
      />
      <OcspFields />
      <TextField
        field="verifyDepth"
        label="Verify depth"
        value={form.verifyDepth}
        onChange={(value) => update({ verifyDepth: value }, 'verifyDepth')}
        maxLength={9}
        inputMode="numeric"
        hint="Intermediate CAs allowed between a device certificate and the client CA."
      />
      <FieldGroup field="tlsVersions" legend="TLS versions">
        <div className="ngx-inline">
          {TLS_OPTIONS.map((option) => (
            <CheckboxField
              key={option.value}
              field="tlsVersions"
              label={option.label}
              checked={form.tlsVersions.includes(option.value)}
              onChange={(checked) => toggleVersion(option.value, checked)}
            />
          ))}
        </div>
      </FieldGroup>
      <HstsFields />
    </section>
  );
}
