import type { IssueResult } from '../../../shared/model/ca';
import { dateOnly } from './format';
import { FilesWritten } from './FilesWritten';

/** What issuing (or renewing) wrote, and the one fact the operator must not miss about the key. */
export function IssueResultView({ result, testId }: { result: IssueResult; testId: string }) {
  const { certificate } = result;
  const generated = certificate.origin === 'generated';
  return (
    <div className="ca-result" role="status" data-testid={testId}>
      <p className="ca-result__title">
        Issued <strong className="mono">{certificate.deviceId ?? certificate.subject}</strong>, serial <code>{certificate.serialNumber}</code>, valid until{' '}
        <time dateTime={certificate.notAfter}>{dateOnly(certificate.notAfter)}</time>.
      </p>
      <FilesWritten files={result.files} testId={`${testId}-files`} />
      {generated ? (
        <p className="ca-notice ca-notice--info" data-testid="ca-key-once">
          The private key was handed out once, encrypted under the passphrase you chose, in the key files above. The console does not keep it: move the
          files to the device, and issue a new certificate if they are lost.
        </p>
      ) : null}
    </div>
  );
}
