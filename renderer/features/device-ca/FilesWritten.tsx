import { CopyButton } from '../certificates/CopyButton';

/** Paths main wrote, each copyable (they go into NGINX config and device provisioning). */
export function FilesWritten({ files, testId }: { files: readonly string[]; testId: string }) {
  if (files.length === 0) return <p className="muted">No files were written.</p>;
  return (
    <ul className="ca-files" aria-label="Files written" data-testid={testId}>
      {files.map((file) => (
        <li key={file} className="ca-files__item">
          <code className="ca-files__path" data-testid="ca-file">
            {file}
          </code>
          <CopyButton value={file} what={`path ${file}`} />
        </li>
      ))}
    </ul>
  );
}
