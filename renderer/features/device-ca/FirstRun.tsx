import { useId } from 'react';
import { CreateRootForm } from './CreateRootForm';
import { useCaUi, type FirstRunMode } from './ca-ui-store';
import { ImportCaForm } from './ImportCaForm';

const MODES: readonly { readonly value: FirstRunMode; readonly label: string }[] = [
  { value: 'create', label: 'Create a new root CA' },
  { value: 'import', label: 'Import an existing CA' },
];

/** No vault yet: the device CA starts here, created fresh or imported. */
export function FirstRun() {
  const name = useId();
  const mode = useCaUi((ui) => ui.firstRunMode);
  const setMode = useCaUi((ui) => ui.setFirstRunMode);
  return (
    <section className="ca-first-run" aria-labelledby="ca-first-run-title" data-testid="ca-first-run">
      <h2 className="ca-section__title" id="ca-first-run-title">
        Set up the device CA
      </h2>
      <p className="muted">
        The proxy accepts devices whose certificates this CA issued. There is no CA here yet: create one, or import the CA the proxy already trusts.
      </p>
      <fieldset className="ca-segmented">
        <legend className="visually-hidden">How to start</legend>
        {MODES.map((option) => (
          <label key={option.value} className="ca-segmented__option">
            <input type="radio" name={name} value={option.value} checked={mode === option.value} onChange={() => setMode(option.value)} data-testid={`ca-first-run-${option.value}`} />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
      {mode === 'create' ? <CreateRootForm /> : <ImportCaForm />}
    </section>
  );
}
