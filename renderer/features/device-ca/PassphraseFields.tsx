import { strengthHint, type PassphraseProblems } from './ca-validation';
import { TextInput } from './ca-fields';

export interface PassphraseFieldsProps {
  readonly label: string;
  readonly passphrase: string;
  readonly confirm: string;
  onPassphrase(value: string): void;
  onConfirm(value: string): void;
  /** Shown once the operator tried to submit. */
  readonly problems: PassphraseProblems | null;
  readonly testId: string;
}

/** A new passphrase typed twice, with a strength hint; both fields are password inputs. */
export function PassphraseFields({ label, passphrase, confirm, onPassphrase, onConfirm, problems, testId }: PassphraseFieldsProps) {
  const hint = strengthHint(passphrase);
  return (
    <div className="ca-grid2">
      <TextInput
        label={label}
        type="password"
        value={passphrase}
        onChange={onPassphrase}
        error={problems?.passphrase ?? null}
        hint={
          <span className={`ca-tone--${hint.tone}`} data-testid={`${testId}-strength`}>
            {hint.text}
          </span>
        }
        required
        maxLength={1024}
        testId={testId}
      />
      <TextInput
        label={`${label}, again`}
        type="password"
        value={confirm}
        onChange={onConfirm}
        error={problems?.confirm ?? null}
        required
        maxLength={1024}
        testId={`${testId}-confirm`}
      />
    </div>
  );
}
