import type { PassphraseProblems } from './ca-validation';
import { CheckboxInput } from './ca-fields';
import { PassphraseFields } from './PassphraseFields';

export type KeyFormat = 'pkcs8' | 'pkcs12';

export interface KeyDelivery {
  readonly passphrase: string;
  readonly confirm: string;
  readonly pkcs8: boolean;
  readonly pkcs12: boolean;
}

export const EMPTY_DELIVERY: KeyDelivery = { passphrase: '', confirm: '', pkcs8: true, pkcs12: true };

export function deliveryFormats(delivery: KeyDelivery): KeyFormat[] {
  const formats: KeyFormat[] = [];
  if (delivery.pkcs8) formats.push('pkcs8');
  if (delivery.pkcs12) formats.push('pkcs12');
  return formats;
}

/** Drops both passphrases once a call has used them, keeping the format choice. */
export function withoutPassphrases(delivery: KeyDelivery): KeyDelivery {
  return { ...delivery, passphrase: '', confirm: '' };
}

export interface KeyDeliveryFieldsProps {
  readonly value: KeyDelivery;
  onChange(value: KeyDelivery): void;
  readonly problems: PassphraseProblems | null;
  readonly formatsProblem: string | null;
  readonly testId: string;
}

/** How a generated key is handed out: encrypted under a passphrase, as PKCS#8 and/or PKCS#12. */
export function KeyDeliveryFields({ value, onChange, problems, formatsProblem, testId }: KeyDeliveryFieldsProps) {
  return (
    <>
      <PassphraseFields
        label="Key passphrase"
        passphrase={value.passphrase}
        confirm={value.confirm}
        onPassphrase={(passphrase) => onChange({ ...value, passphrase })}
        onConfirm={(confirm) => onChange({ ...value, confirm })}
        problems={problems}
        testId={`${testId}-passphrase`}
      />
      <fieldset className="ca-group">
        <legend className="field__label">Key files</legend>
        <div className="ca-inline">
          <CheckboxInput label="PKCS#8 (.key, encrypted PEM)" checked={value.pkcs8} onChange={(pkcs8) => onChange({ ...value, pkcs8 })} testId={`${testId}-pkcs8`} />
          <CheckboxInput label="PKCS#12 (.p12, with the chain)" checked={value.pkcs12} onChange={(pkcs12) => onChange({ ...value, pkcs12 })} testId={`${testId}-pkcs12`} />
        </div>
        {formatsProblem === null ? null : (
          <span className="ca-field__error" data-testid="ca-field-error">
            {formatsProblem}
          </span>
        )}
      </fieldset>
    </>
  );
}
