import type { ReactNode } from 'react';
import type { TlsDetails } from '../../../shared/model/probe';
import { ChainTable } from './ChainTable';
import { ERROR_LABEL, PROTOCOL_LABEL, PROTOCOLS, protocolTone, type Tone } from './format';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="facts__row" data-testid={testId}>
      <dt className="facts__label">{label}</dt>
      <dd className="facts__value">{children}</dd>
    </div>
  );
}

function Flag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`hl-flag hl-tone--${tone}`}>{children}</span>;
}

function ChainVerdict({ tls, insecure }: { tls: TlsDetails; insecure: boolean }) {
  if (tls.chainVerified === null) {
    return <Flag tone="warning">{insecure ? 'Not checked: verification is off for this probe (insecure)' : 'Not checked'}</Flag>;
  }
  if (tls.chainVerified) return <Flag tone="ok">Verified</Flag>;
  return (
    <>
      <Flag tone="danger">Not verified{tls.verifyError === null ? '' : `: ${ERROR_LABEL[tls.verifyError]}`}</Flag>
      {tls.verifyMessage === null ? null : <span className="facts__hint">{tls.verifyMessage}</span>}
    </>
  );
}

function ClientCertRequest({ tls }: { tls: TlsDetails }) {
  if (tls.requestsClientCert === null) return <Flag tone="muted">Could not tell (no TLS 1.2 handshake)</Flag>;
  if (!tls.requestsClientCert) return <Flag tone="warning">No: the server never asks for a device certificate</Flag>;
  return (
    <>
      <Flag tone="ok">Yes</Flag>
      {tls.acceptableCas.length === 0 ? (
        <span className="facts__hint">No acceptable CA names advertised</span>
      ) : (
        <ul className="hl-ca-names" aria-label="Acceptable CA names" data-testid="health-tls-cas">
          {tls.acceptableCas.map((name) => (
            <li key={name} className="mono">
              {name}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ProtocolTable({ protocols }: { protocols: TlsDetails['protocols'] }) {
  return (
    <table className="hl-table hl-table--compact hl-protocols" data-testid="health-tls-protocols">
      <thead>
        <tr>
          {PROTOCOLS.map((protocol) => (
            <th key={protocol} scope="col">
              {PROTOCOL_LABEL[protocol]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {PROTOCOLS.map((protocol) => (
            <td key={protocol} className={`hl-tone--${protocolTone(protocol, protocols[protocol])}`} data-protocol={protocol} data-accepted={protocols[protocol]}>
              {protocols[protocol] ? 'accepted' : 'refused'}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** What the handshake showed: who the server is, how it talks, and whether it asks devices for a certificate. */
export function TlsDetailsView({ tls, insecure }: { tls: TlsDetails; insecure: boolean }) {
  return (
    <div className="hl-tls" data-testid="health-tls">
      <dl className="hl-facts">
        <Fact label="Protocol" testId="health-tls-version">
          <span className="mono">{tls.version ?? 'unknown'}</span>
        </Fact>
        <Fact label="Cipher" testId="health-tls-cipher">
          <span className="mono">{tls.cipher ?? 'unknown'}</span>
        </Fact>
        <Fact label="Host name" testId="health-tls-hostname">
          {tls.hostnameVerified ? <Flag tone="ok">Matches the certificate</Flag> : <Flag tone="danger">Does not match the certificate</Flag>}
        </Fact>
        <Fact label="Chain" testId="health-tls-chain-verdict">
          <ChainVerdict tls={tls} insecure={insecure} />
        </Fact>
        <Fact label="Client certificate request" testId="health-tls-client-request">
          <ClientCertRequest tls={tls} />
        </Fact>
        <Fact label="OCSP stapling" testId="health-tls-ocsp">
          {tls.ocspStapled ? <Flag tone="ok">Stapled</Flag> : <Flag tone="muted">Not stapled</Flag>}
        </Fact>
        <Fact label="Versions accepted" testId="health-tls-versions">
          <ProtocolTable protocols={tls.protocols} />
        </Fact>
      </dl>
      <h4 className="hl-subtitle">Chain the server sent</h4>
      <ChainTable chain={tls.chain} />
    </div>
  );
}
