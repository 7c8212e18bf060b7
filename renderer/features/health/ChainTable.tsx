import type { ChainCertificate } from '../../../shared/model/probe';
import { absoluteTime, expiryText, expiryTone } from './format';

/** `AB:CD:…:EF` shortened for the table; the whole fingerprint is on hover. */
function shortFingerprint(sha256: string): string {
  return sha256.length > 23 ? `${sha256.slice(0, 11)}…${sha256.slice(-11)}` : sha256;
}

/** The certificates in the order the server sent them, leaf first, each with the days it has left. */
export function ChainTable({ chain }: { chain: readonly ChainCertificate[] }) {
  if (chain.length === 0) return <p className="muted small">The server sent no certificate.</p>;
  return (
    <table className="hl-table" data-testid="health-tls-chain">
      <thead>
        <tr>
          <th scope="col" className="hl-table__num">
            #
          </th>
          <th scope="col">Subject</th>
          <th scope="col">Issuer</th>
          <th scope="col">Expires</th>
          <th scope="col">Days left</th>
          <th scope="col">SHA-256</th>
        </tr>
      </thead>
      <tbody>
        {chain.map((cert, i) => {
          const tone = expiryTone(cert.daysLeft);
          return (
            <tr key={`${i}:${cert.sha256}`} data-testid="health-chain-cert" data-tone={tone}>
              <td className="hl-table__num mono">{i}</td>
              <td className="mono hl-wrap">{cert.subject}</td>
              <td className="mono hl-wrap">{cert.issuer}</td>
              <td className="mono">{absoluteTime(cert.notAfter)}</td>
              <td className={`hl-tone--${tone}`} data-testid="health-chain-days">
                {expiryText(cert.daysLeft)}
              </td>
              <td className="mono" title={cert.sha256}>
                {shortFingerprint(cert.sha256)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
