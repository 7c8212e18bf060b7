import { useId, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import type { CertRole } from '../../../shared/model/pki';
import { MAX_EXPIRY_WINDOW_DAYS, useCertDraft, type LoadedInput } from './draft-store';

const ROLE_OPTIONS: ReadonlyArray<{ value: CertRole; label: string }> = [
  { value: 'any', label: 'Any' },
  { value: 'device', label: 'Device (clientAuth)' },
  { value: 'proxy', label: 'Proxy (serverAuth)' },
];

const SOURCE_KIND: Readonly<Record<LoadedInput['source']['kind'], string>> = {
  path: 'file',
  bytes: 'upload',
  text: 'pasted',
};

function isRole(value: string): value is CertRole {
  return ROLE_OPTIONS.some((option) => option.value === value);
}

export interface InputBarProps {
  /** Opens the native dialog, or the browser file input where there is none. */
  onOpenFiles(): void;
  /** Files picked in the browser file input. */
  onPickFiles(files: File[]): void;
  /** Text pasted and added. */
  onPaste(text: string): boolean;
  fileInputRef: RefObject<HTMLInputElement | null>;
  opening: boolean;
}

function PasteBox({ onPaste, onDone, id }: { onPaste: (text: string) => boolean; onDone: () => void; id: string }) {
  const [text, setText] = useState('');
  const add = (): void => {
    if (text.trim() === '') return;
    if (onPaste(text)) {
      setText('');
      onDone();
    }
  };
  return (
    <div className="paste" id={id}>
      <label className="field field--grow" htmlFor={`${id}-text`}>
        <span className="field__label">PEM text (certificates, CRLs, CSRs, keys)</span>
        <textarea
          id={`${id}-text`}
          className="input paste__text mono"
          rows={6}
          spellCheck={false}
          autoComplete="off"
          placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
          value={text}
          onChange={(event) => setText(event.target.value)}
          data-testid="cert-paste-text"
        />
      </label>
      <button type="button" className="button" onClick={add} disabled={text.trim() === ''} data-testid="cert-paste-add">
        Add
      </button>
    </div>
  );
}

/** Loading inputs (dialog, file input, paste) and the options inspection judges them with. */
export function InputBar({ onOpenFiles, onPickFiles, onPaste, fileInputRef, opening }: InputBarProps) {
  const ids = useId();
  const [pasteOpen, setPasteOpen] = useState(false);
  const pasteToggle = useRef<HTMLButtonElement>(null);
  const inputs = useCertDraft((state) => state.inputs);
  const role = useCertDraft((state) => state.role);
  const deviceId = useCertDraft((state) => state.deviceId);
  const expiryWindowDays = useCertDraft((state) => state.expiryWindowDays);
  const passphrase = useCertDraft((state) => state.passphrase);
  const { setRole, setDeviceId, setExpiryWindowDays, setPassphrase, removeInput, clearAll } = useCertDraft.getState();
  const [windowText, setWindowText] = useState(String(expiryWindowDays));
  const onWindow = (event: ChangeEvent<HTMLInputElement>): void => {
    // The field keeps what is typed (even empty); the store takes each usable number.
    setWindowText(event.target.value);
    const days = Number(event.target.value);
    if (event.target.value.trim() !== '' && Number.isFinite(days)) setExpiryWindowDays(days);
  };

  const onFiles = (event: ChangeEvent<HTMLInputElement>): void => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ''; // picking the same file again fires change again
    if (files.length > 0) onPickFiles(files);
  };

  return (
    <section className="inputbar" aria-label="Inputs and options">
      <div className="inputbar__actions">
        <button type="button" className="button button--primary" onClick={onOpenFiles} disabled={opening} data-testid="cert-open-files">
          Open files…
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={pasteOpen}
          aria-controls={`${ids}-paste`}
          ref={pasteToggle}
          onClick={() => setPasteOpen((open) => !open)}
          data-testid="cert-paste-toggle"
        >
          Paste PEM
        </button>
        <input
          ref={fileInputRef}
          type="file"
          multiple
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={onFiles}
          data-testid="cert-file-input"
        />
        <span className="inputbar__hint">or drop files anywhere in this area</span>
      </div>

      {pasteOpen ? (
        <PasteBox
          onPaste={onPaste}
          onDone={() => {
            // Added: fold the box away and give focus back to its toggle.
            setPasteOpen(false);
            pasteToggle.current?.focus();
          }}
          id={`${ids}-paste`}
        />
      ) : null}

      <div className="inputbar__options">
        <label className="field" htmlFor={`${ids}-role`}>
          <span className="field__label">Role</span>
          <select
            id={`${ids}-role`}
            className="input"
            value={role}
            onChange={(event) => {
              if (isRole(event.target.value)) setRole(event.target.value);
            }}
            data-testid="cert-role"
          >
            {ROLE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={`${ids}-device`}>
          <span className="field__label">Device id (CN), optional</span>
          <input
            id={`${ids}-device`}
            className="input mono"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder="e.g. device-0042"
            value={deviceId}
            onChange={(event) => setDeviceId(event.target.value)}
            data-testid="cert-device-id"
          />
        </label>
        <label className="field field--narrow" htmlFor={`${ids}-window`}>
          <span className="field__label">Expiry window (days)</span>
          <input
            id={`${ids}-window`}
            className="input"
            type="number"
            min={0}
            max={MAX_EXPIRY_WINDOW_DAYS}
            step={1}
            value={windowText}
            onChange={onWindow}
            data-testid="cert-expiry-window"
          />
        </label>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-pass`}>
            Passphrase (encrypted key / PKCS#12 only)
          </label>
          <input
            id={`${ids}-pass`}
            className="input"
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            aria-describedby={`${ids}-pass-hint`}
            data-testid="cert-passphrase"
          />
          <span className="field__hint" id={`${ids}-pass-hint`}>
            Sent to inspect only; cleared with “Clear all”, never saved.
          </span>
        </div>
      </div>

      {inputs.length > 0 ? (
        <div className="loaded">
          <div className="loaded__head">
            <span className="loaded__title">
              Loaded ({inputs.length})
            </span>
            <button type="button" className="link-button" onClick={clearAll} data-testid="cert-clear-all">
              Clear all
            </button>
          </div>
          <ul className="loaded__list" aria-label="Loaded inputs">
            {inputs.map((input) => (
              <li key={input.id} className="loaded__item" data-testid="cert-input">
                <span className="loaded__kind">{SOURCE_KIND[input.source.kind]}</span>
                <span className="loaded__name mono" title={input.name}>
                  {input.label}
                </span>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => removeInput(input.id)}
                  aria-label={`Remove ${input.label}`}
                  title={`Remove ${input.label}`}
                >
                  <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                    <path d="M2 2l6 6M8 2L2 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
                  </svg>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
