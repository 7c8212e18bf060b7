import { useId } from 'react';
import type { FieldError } from '../../../shared/nginx/types';
import { useNginxDraft } from './draft-store';
import { CheckboxField, TextField } from './form-fields';
import { HeaderNamesSection } from './HeaderNamesSection';
import { TlsOptions } from './TlsOptions';

const PATH_MAX = 4096;
const PATH_HINT = 'Absolute path on the proxy host.';

const WAITING_LABEL: Readonly<Record<string, string>> = {
  serverName: 'server name',
  tlsCertPath: 'TLS certificate',
  tlsKeyPath: 'TLS private key',
  clientCaPath: 'client CA bundle',
};

function waitingLabel(field: string): string {
  const listen = /^listen\.(\d+)$/.exec(field);
  return listen ? `listen address ${Number(listen[1]) + 1}` : (WAITING_LABEL[field] ?? field);
}

function FormProblems({ unplaced, waiting }: { unplaced: readonly FieldError[]; waiting: readonly string[] }) {
  if (unplaced.length === 0 && waiting.length === 0) return null;
  return (
    <div className="ngx-form__problems" data-testid="nginx-form-problems">
      {waiting.length > 0 ? (
        <p className="muted small">Still needed: {waiting.map(waitingLabel).join(', ')}.</p>
      ) : null}
      {unplaced.map((error) => (
        <p key={`${error.field}:${error.message}`} className="ngx-field__error">
          <code>{error.field}</code> {error.message}
        </p>
      ))}
    </div>
  );
}

function UpstreamFields() {
  const ids = useId();
  const upstreamUrl = useNginxDraft((state) => state.form.upstreamUrl);
  const allowRemote = useNginxDraft((state) => state.form.allowRemoteUpstream);
  const update = useNginxDraft((state) => state.update);
  return (
    <>
      <TextField
        field="upstreamUrl"
        label="Upstream URL"
        value={upstreamUrl}
        onChange={(value) => update({ upstreamUrl: value }, 'upstreamUrl')}
        maxLength={2048}
        inputMode="url"
        hint="The Flask API behind the proxy; it should listen on loopback only."
      />
      <div className="ngx-field" data-field="allowRemoteUpstream">
        <CheckboxField
          field="allowRemoteUpstream"
          label="Allow a non-loopback upstream"
          checked={allowRemote}
          onChange={(checked) => update({ allowRemoteUpstream: checked }, 'allowRemoteUpstream')}
          describedById={`${ids}-remote`}
        />
        <span id={`${ids}-remote`} className={allowRemote ? 'ngx-warning' : 'field__hint'} data-testid="nginx-remote-warning">
          {allowRemote
            ? 'Warning: anything that can reach the API directly can send forged certificate headers. Allow this only when the API is reachable through this proxy alone.'
            : 'Off: a remote upstream is refused, because a client reaching the API directly could forge the certificate headers.'}
        </span>
      </div>
    </>
  );
}

/** The installer's inputs and the console's options; every edit re-renders after a short pause. */
export function RenderForm({ unplaced, waiting }: { unplaced: readonly FieldError[]; waiting: readonly string[] }) {
  const form = useNginxDraft((state) => state.form);
  const update = useNginxDraft((state) => state.update);
  return (
    <form className="ngx-form" aria-label="Proxy inputs" onSubmit={(event) => event.preventDefault()} noValidate>
      <FormProblems unplaced={unplaced} waiting={waiting} />
      <section className="ngx-form__section" aria-labelledby="ngx-form-site">
        <h2 className="ngx-form__title" id="ngx-form-site">
          Site and files
        </h2>
        <TextField
          field="serverName"
          label="Server name"
          required
          value={form.serverName}
          onChange={(value) => update({ serverName: value }, 'serverName')}
          maxLength={253}
          placeholder="proxy.example.com"
        />
        <TextField
          field="tlsCertPath"
          label="TLS certificate"
          required
          value={form.tlsCertPath}
          onChange={(value) => update({ tlsCertPath: value }, 'tlsCertPath')}
          maxLength={PATH_MAX}
          placeholder="/etc/nginx/tls/proxy.crt"
          hint={`${PATH_HINT} The proxy's server certificate chain (PEM).`}
        />
        <TextField
          field="tlsKeyPath"
          label="TLS private key"
          required
          value={form.tlsKeyPath}
          onChange={(value) => update({ tlsKeyPath: value }, 'tlsKeyPath')}
          maxLength={PATH_MAX}
          placeholder="/etc/nginx/tls/proxy.key"
          hint={PATH_HINT}
        />
        <TextField
          field="clientCaPath"
          label="Client CA bundle"
          required
          value={form.clientCaPath}
          onChange={(value) => update({ clientCaPath: value }, 'clientCaPath')}
          maxLength={PATH_MAX}
          placeholder="/etc/nginx/tls/device-ca.pem"
          hint={`${PATH_HINT} The CA that issues device certificates.`}
        />
        <UpstreamFields />
        <TextField
          field="envFilePath"
          label=".env file (optional)"
          value={form.envFilePath}
          onChange={(value) => update({ envFilePath: value }, 'envFilePath')}
          maxLength={PATH_MAX}
          placeholder="/opt/sentinel/.env"
          hint="The control plane's settings, checked against this proxy setup."
        />
      </section>
      <TlsOptions />
      <HeaderNamesSection />
    </form>
  );
}
