import { useMemo } from 'react';
import type { ReferencedFileCheck } from '../../../shared/model/nginx';
import type { FieldError } from '../../../shared/nginx/types';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useNginxDraft } from './draft-store';
import { OtherFileChecks } from './FileCheckNote';
import { FormFeedbackContext, type FormFeedback } from './form-fields';
import { plural } from './format';
import { formKeys, placeErrors } from './render-input';
import { RenderForm } from './RenderForm';
import { RenderOutput } from './RenderOutput';
import { useNginxRender, type NginxRender } from './use-render';

const NO_ERRORS: readonly FieldError[] = [];
const NO_FILES: readonly ReferencedFileCheck[] = [];

function fieldErrorsOf(render: NginxRender): readonly FieldError[] {
  if (!render.conversion.ok) return render.conversion.errors;
  return render.query.data?.status === 'invalid' && !render.pristine ? render.query.data.errors : NO_ERRORS;
}

function RenderStatus({ render, problems }: { render: NginxRender; problems: number }) {
  const outcome = render.lastRendered;
  let text: string;
  if (render.pristine) text = 'Fill in the server name and the three files: the config renders as you type.';
  else if (render.updating) text = 'Rendering…';
  else if (problems > 0) text = `${plural(problems, 'input needs', 'inputs need')} fixing${outcome === null ? '.' : ': showing the last config that rendered.'}`;
  else if (outcome !== null) text = `Rendered. ${outcome.lint.length === 0 ? 'Lint: no findings.' : `Lint: ${plural(outcome.lint.length, 'finding')}.`}`;
  else text = '';
  return (
    <p className="ngx-render-status small" role="status" aria-live="polite" data-testid="nginx-render-status">
      {text}
    </p>
  );
}

/** Form on the left, live output on the right. */
export function RenderWorkspace() {
  const render = useNginxRender();
  const form = useNginxDraft((state) => state.form);
  const touched = useNginxDraft((state) => state.touched);
  const errors = fieldErrorsOf(render);
  const keys = useMemo(() => formKeys(form), [form]);
  const placed = useMemo(() => placeErrors(errors, keys, form, touched), [errors, keys, form, touched]);

  const files = render.lastRendered?.files ?? NO_FILES;
  const feedback = useMemo<FormFeedback>(() => {
    const byField = new Map<string, ReferencedFileCheck>();
    for (const check of files) if (keys.has(check.field)) byField.set(check.field, check);
    return { errors: placed.byField, files: byField };
  }, [files, keys, placed.byField]);
  const otherFiles = files.filter((check) => !keys.has(check.field));
  const problems = placed.byField.size + placed.unplaced.length;

  return (
    <div className="ngx-workspace">
      <div className="ngx-workspace__form">
        <FormFeedbackContext.Provider value={feedback}>
          <RenderForm unplaced={placed.unplaced} waiting={placed.waiting} />
        </FormFeedbackContext.Provider>
      </div>
      <section className={render.current || render.pristine ? 'ngx-output' : 'ngx-output ngx-output--stale'} aria-label="Output">
        <RenderStatus render={render} problems={problems} />
        {render.query.isError ? <ErrorPanel error={render.query.error} title="Could not render the config" /> : null}
        <OtherFileChecks checks={otherFiles} />
        <RenderOutput render={render} />
      </section>
    </div>
  );
}
