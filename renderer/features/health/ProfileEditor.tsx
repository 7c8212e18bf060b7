import { useId, useRef, useState, type FormEvent } from 'react';
import type { ProxyProfile } from '../../../shared/model/probe';
import { useCommandMutation } from '../../bridge/use-command';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Modal } from '../../components/Modal';
import { AdvancedSection, FilesSection } from './EditorMoreSections';
import { ConnectionSection, DeviceSection, type SectionProps } from './EditorSections';
import { ADVANCED_FIELDS, draftOf, EMPTY_FORM, formOf, validateForm, type ProfileForm, type TextFieldName } from './profile-form';
import { useStatusCache } from './status-cache';

export interface ProfileEditorProps {
  /** The profile to edit, or null for a new one. */
  readonly profile: ProxyProfile | null;
  onClose(): void;
}

/**
 * Add or edit a profile. Errors show per field once the operator leaves it or tries to save;
 * main checks the draft again on save and its refusal shows in the error panel.
 */
export function ProfileEditor({ profile, onClose }: ProfileEditorProps) {
  const formId = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  const [form, setForm] = useState<ProfileForm>(() => (profile === null ? EMPTY_FORM : formOf(profile)));
  const [touched, setTouched] = useState<ReadonlySet<TextFieldName>>(new Set());
  const [tried, setTried] = useState(false);
  const [advanced, setAdvanced] = useState(false);
  const save = useCommandMutation('health.save');
  const cache = useStatusCache();
  const errors = validateForm(form);

  const sections: SectionProps = {
    form,
    update: (patch) => setForm((current) => ({ ...current, ...patch })),
    errorOf: (field) => (tried || touched.has(field) ? errors[field] : undefined),
    touch: (field) => setTouched((current) => new Set(current).add(field)),
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const formElement = event.currentTarget;
    setTried(true);
    const invalid = Object.keys(errors) as TextFieldName[];
    if (invalid.length > 0) {
      const inAdvanced = invalid.some((field) => ADVANCED_FIELDS.includes(field));
      if (inAdvanced) setAdvanced(true);
      // After the render that shows the errors (and opens Advanced), focus the first field to fix.
      requestAnimationFrame(() => formElement.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate(
      { profile: draftOf(form, profile) },
      {
        onSuccess: (status) => {
          cache.apply(status);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      title={profile === null ? 'Add a proxy' : `Edit ${profile.name}`}
      onCancel={onClose}
      initialFocus={nameInput}
      testId="health-editor"
      className="hl-editor"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-testid="health-editor-cancel">
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={save.isPending} aria-busy={save.isPending} data-testid="health-editor-save">
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <form id={formId} className="hl-form" onSubmit={onSubmit} noValidate aria-label="Proxy profile">
        {save.error === null ? null : <ErrorPanel error={save.error} title="Could not save the profile" />}
        <ConnectionSection {...sections} nameRef={nameInput} />
        <DeviceSection {...sections} />
        <FilesSection {...sections} />
        <AdvancedSection {...sections} open={advanced} onToggle={() => setAdvanced((open) => !open)} />
      </form>
    </Modal>
  );
}
