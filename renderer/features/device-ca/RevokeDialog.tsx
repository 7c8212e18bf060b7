import { useRef, useState, type RefObject } from 'react';
import { REVOCATION_REASONS, type IssuedCertificate, type RevocationReason } from '../../../shared/model/ca';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Modal } from '../../components/Modal';
import { SelectInput } from './ca-fields';
import { commonName, REVOCATION_REASON_LABEL } from './format';
import { useCaAction } from './use-ca-action';

const REASON_OPTIONS = REVOCATION_REASONS.map((value) => ({ value, label: REVOCATION_REASON_LABEL[value] }));

export interface CertDialogProps {
  readonly cert: IssuedCertificate;
  onClose(): void;
  readonly opener: RefObject<HTMLButtonElement | null>;
}

/** Revocation cannot be undone; Cancel has focus and the reason goes on the CRL. */
export function RevokeDialog({ cert, onClose, opener }: CertDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const revoke = useCaAction('ca.revoke');
  const [reason, setReason] = useState<RevocationReason>('unspecified');
  const name = cert.deviceId ?? commonName(cert.subject);
  const confirm = async (): Promise<void> => {
    if ((await revoke.run({ serialNumber: cert.serialNumber, reason })) !== null) onClose();
  };
  return (
    <Modal
      title={`Revoke ${name}?`}
      onCancel={onClose}
      initialFocus={cancel}
      returnFocus={opener}
      testId="ca-revoke-dialog"
      footer={
        <>
          <button type="button" className="button" ref={cancel} onClick={onClose} data-testid="ca-revoke-cancel">
            Cancel
          </button>
          <button type="button" className="button ca-button--danger-solid" onClick={() => void confirm()} disabled={revoke.pending} aria-busy={revoke.pending} data-testid="ca-revoke-confirm">
            {revoke.pending ? 'Revoking…' : 'Revoke certificate'}
          </button>
        </>
      }
    >
      <p>
        Serial <code>{cert.serialNumber}</code> goes on the CA's next CRL and cannot be taken back. The proxy refuses the device once it has that CRL:
        publish and export it afterwards.
      </p>
      <SelectInput label="Reason" value={reason} options={REASON_OPTIONS} onChange={setReason} testId="ca-revoke-reason" hint="Recorded in the CRL and the audit log." />
      {revoke.error === null ? null : <ErrorPanel error={revoke.error} title="Could not revoke the certificate" />}
    </Modal>
  );
}
