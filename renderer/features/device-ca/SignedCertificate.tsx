import { useId } from 'react';
import type { Output } from '../../../shared/ipc/types';
import { CopyButton } from '../certificates/CopyButton';
import { dateOnly } from './format';
import { FilesWritten } from './FilesWritten';

/** The signed certificate as PEM to copy back to the device, and any files written. */
export function SignedCertificate({ result }: { result: Output<'ca.signCsr'> }) {
  const id = useId();
  const { certificate } = result;
  return (
    <div className="ca-result" role="status" data-testid="ca-csr-result">
      <p className="ca-result__title">
        Signed <strong className="mono">{certificate.deviceId ?? certificate.subject}</strong>, serial <code>{certificate.serialNumber}</code>, valid until{' '}
        <time dateTime={certificate.notAfter}>{dateOnly(certificate.notAfter)}</time>.
      </p>
      <div className="ca-csr__head">
        <label className="field__label" htmlFor={id}>
          Certificate (PEM)
        </label>
        <CopyButton value={result.certificatePem} what="signed certificate PEM" />
      </div>
      <textarea id={id} className="input ca-csr__text" readOnly rows={8} value={result.certificatePem} data-testid="ca-csr-pem" />
      {result.files.length > 0 ? <FilesWritten files={result.files} testId="ca-csr-files" /> : null}
    </div>
  );
}
