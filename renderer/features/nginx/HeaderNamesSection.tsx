import { useContext, useId, useState } from 'react';
import { DEFAULT_HEADER_NAMES, HEADER_ROLES, type HeaderRole } from '../../../shared/nginx/types';
import { useNginxDraft } from './draft-store';
import { FieldGroup, FormFeedbackContext, TextField } from './form-fields';

const ROLE_LABEL: Readonly<Record<HeaderRole, string>> = {
  verify: 'Verify result',
  subjectDn: 'Subject DN',
  issuerDn: 'Issuer DN',
  serial: 'Serial',
  fingerprint: 'Fingerprint',
  validFrom: 'Valid from',
  validTo: 'Valid to',
  cert: 'Certificate (PEM)',
};

/** Header names rarely change, so they stay folded away unless one of them has a problem. */
export function HeaderNamesSection() {
  const id = useId();
  const [open, setOpen] = useState(false);
  const headerNames = useNginxDraft((state) => state.form.headerNames);
  const setHeaderName = useNginxDraft((state) => state.setHeaderName);
  const { errors } = useContext(FormFeedbackContext);
  const hasErrors = [...errors.keys()].some((key) => key === 'headerNames' || key.startsWith('headerNames.'));
  const overridden = HEADER_ROLES.filter((role) => (headerNames[role] ?? '').trim() !== '').length;
  const shown = open || hasErrors;

  return (
    <section className="ngx-form__section" aria-labelledby={`${id}-title`}>
      <h2 className="ngx-form__title" id={`${id}-title`}>
        <button
          type="button"
          className="ngx-disclosure"
          aria-expanded={shown}
          aria-controls={`${id}-body`}
          onClick={() => setOpen(!shown)}
          data-testid="nginx-advanced-toggle"
        >
          Advanced
          <span className="muted small">
            {' '}
            forwarded header names{overridden > 0 ? `, ${overridden} changed` : ''}
            {hasErrors ? ', has problems' : ''}
          </span>
        </button>
      </h2>
      {shown ? (
        <div id={`${id}-body`}>
          <FieldGroup field="headerNames" legend="Forwarded header names" hint="Empty keeps the default shown. The API behind the proxy must read the same names.">
            <div className="ngx-grid2">
              {HEADER_ROLES.map((role) => (
                <TextField
                  key={role}
                  field={`headerNames.${role}`}
                  label={ROLE_LABEL[role]}
                  value={headerNames[role] ?? ''}
                  onChange={(value) => setHeaderName(role, value)}
                  maxLength={128}
                  placeholder={DEFAULT_HEADER_NAMES[role]}
                />
              ))}
            </div>
          </FieldGroup>
        </div>
      ) : null}
    </section>
  );
}
