import { useId, type Ref } from 'react';
import { EditorField } from './EditorField';
import { IntervalSelect } from './IntervalSelect';
import { suggestedDeviceId, type ProfileForm, type TextFieldName } from './profile-form';

export interface SectionProps {
  readonly form: ProfileForm;
  update(patch: Partial<ProfileForm>): void;
  /** The field's error once it should show (left, or a save was tried). */
  errorOf(field: TextFieldName): string | undefined;
  touch(field: TextFieldName): void;
}

/** Helpers every text field of the editor needs, bound to one field. */
export function bind(props: SectionProps, field: TextFieldName) {
  return {
    field,
    value: props.form[field],
    onChange: (value: string) => props.update({ [field]: value }),
    onBlur: () => props.touch(field),
    error: props.errorOf(field),
  };
}

export function ConnectionSection(props: SectionProps & { nameRef: Ref<HTMLInputElement> }) {
  const ids = useId();
  const { form, update, nameRef } = props;
  return (
    <fieldset className="hl-form__section">
      <legend className="hl-form__title">Proxy</legend>
      <div className="hl-form__grid">
        <EditorField {...bind(props, 'name')} label="Name" required mono={false} maxLength={120} inputRef={nameRef} placeholder="Production proxy" />
        <EditorField {...bind(props, 'baseUrl')} label="Base URL" required inputMode="url" maxLength={2048} hint="https://host or https://host:port, no path." />
      </div>
      <EditorField {...bind(props, 'caFile')} label="CA file" hint="Optional (--ca-file): trust for a proxy certificate from a private CA. Empty: the system's trust store." />
      <div className="hl-field">
        <label className="hl-check">
          <input
            type="checkbox"
            checked={form.insecure}
            onChange={(event) => update({ insecure: event.target.checked })}
            aria-describedby={`${ids}-insecure`}
            data-testid="health-editor-insecure"
          />
          <span>Skip verification of the proxy's certificate (insecure)</span>
        </label>
        <span id={`${ids}-insecure`} className={form.insecure ? 'hl-warning' : 'field__hint'} data-testid="health-insecure-warning">
          {form.insecure
            ? "Warning: with verification off, a probe also succeeds against an impostor presenting any certificate. Every result of this profile is marked Insecure. Prefer naming the proxy's CA file."
            : 'Off: the proxy must present a certificate that chains to the CA file or the system store, for its own host name.'}
        </span>
      </div>
      <IntervalSelect value={form.intervalSeconds} onChange={(seconds) => update({ intervalSeconds: seconds })} label="Probe interval" visibleLabel />
    </fieldset>
  );
}

export function DeviceSection(props: SectionProps) {
  const ids = useId();
  const suggestion = suggestedDeviceId(props.form);
  return (
    <fieldset className="hl-form__section" aria-describedby={`${ids}-note`}>
      <legend className="hl-form__title">Device identity (optional)</legend>
      <p className="hl-note small" id={`${ids}-note`}>
        With a device certificate the probe also sends an authenticated heartbeat. That is a real heartbeat: the platform may enroll the device id
        and count it like any device. Use a dedicated probe device id such as <code>{suggestion}</code>, never a production device's. The
        certificate's CN must equal the device id. Fill all three fields, or none.
      </p>
      <div className="hl-form__grid">
        <EditorField {...bind(props, 'certFile')} label="Device certificate" placeholder="/etc/sentinel/probe.pem" />
        <EditorField {...bind(props, 'keyFile')} label="Device key" placeholder="/etc/sentinel/probe.key" />
      </div>
      <EditorField
        {...bind(props, 'deviceId')}
        label="Device id"
        maxLength={256}
        hint={
          props.form.deviceId.trim() === suggestion ? undefined : (
            <button type="button" className="link-button" onClick={() => props.update({ deviceId: suggestion })} data-testid="health-use-suggestion">
              Use {suggestion}
            </button>
          )
        }
      />
    </fieldset>
  );
}
