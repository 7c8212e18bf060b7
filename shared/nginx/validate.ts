import type { NginxRenderDraft } from '../ipc/nginx-schemas';
import type { FieldError, ForwardedHeaderNames, NginxRenderInput, OcspSetting, TlsVersion, ValidatedRenderInput } from './types';
import { checkPath, checkRange, checkResponder, checkServerName, checkUpstream, type Report } from './validate/fields';
import { checkHeaderNames } from './validate/headers';
import { checkListen, checkResolver } from './validate/network';

/** The render input before defaults for header names are merged; a draft and a full input both fit. */
export type RenderFields = Omit<NginxRenderInput, 'headerNames'> & { readonly headerNames: Partial<ForwardedHeaderNames> };

const TLS_ORDER: readonly TlsVersion[] = ['TLSv1.2', 'TLSv1.3'];
const MAX_HSTS_SECONDS = 63_072_000;

/** Judges every field of the render form and answers with all refusals at once, by dotted field path. */
export function validateRenderDraft(draft: NginxRenderDraft): ValidatedRenderInput {
  return validateRenderFields(draft);
}

/** Same checks for anything shaped like the render input (renderNginxConfig re-checks with this). */
export function validateRenderFields(fields: RenderFields): ValidatedRenderInput {
  const errors: FieldError[] = [];
  const report: Report = (field, message) => void errors.push({ field, message });

  checkServerName(report, fields.serverName);
  checkPath(report, 'tlsCertPath', 'server certificate', fields.tlsCertPath, true);
  checkPath(report, 'tlsKeyPath', 'server key', fields.tlsKeyPath, true);
  checkPath(report, 'clientCaPath', 'device CA', fields.clientCaPath, true);
  const crlPath = checkPath(report, 'crlPath', 'CRL', fields.crlPath, false);
  const envFilePath = checkPath(report, 'envFilePath', '.env', fields.envFilePath, false);
  checkUpstream(report, fields.upstreamUrl, fields.allowRemoteUpstream);
  checkListen(report, fields.listen);
  const ocsp = checkOcsp(report, fields.ocsp);
  checkRange(report, 'verifyDepth', fields.verifyDepth, 0, 10, 'the number of intermediate CAs allowed between a device certificate and the device CA.');
  if (fields.tlsVersions.length === 0) report('tlsVersions', 'Enable at least one TLS version.');
  if (fields.hsts !== null) {
    checkRange(report, 'hsts.maxAgeSeconds', fields.hsts.maxAgeSeconds, 0, MAX_HSTS_SECONDS, 'seconds browsers remember HTTPS-only (two years at most; 0 clears it).');
  }
  const headerNames = checkHeaderNames(report, fields.headerNames);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      serverName: fields.serverName,
      tlsCertPath: fields.tlsCertPath,
      tlsKeyPath: fields.tlsKeyPath,
      clientCaPath: fields.clientCaPath,
      upstreamUrl: fields.upstreamUrl,
      envFilePath,
      listen: [...fields.listen],
      crlPath,
      ocsp,
      verifyDepth: fields.verifyDepth,
      tlsVersions: TLS_ORDER.filter((v) => fields.tlsVersions.includes(v)),
      hsts: fields.hsts === null ? null : { maxAgeSeconds: fields.hsts.maxAgeSeconds, includeSubdomains: fields.hsts.includeSubdomains },
      headerNames,
      allowRemoteUpstream: fields.allowRemoteUpstream,
    },
  };
}

/**
 * OCSP needs client verification, which the render always turns on. A host-name responder, or
 * none (nginx then asks the certificate's AIA URL, normally a name), needs a resolver.
 */
function checkOcsp(report: Report, ocsp: OcspSetting): OcspSetting {
  switch (ocsp.mode) {
    case 'off':
      return { mode: 'off' };
    case 'on':
    case 'leaf': {
      const responderText = ocsp.responderUrl === '' ? null : ocsp.responderUrl;
      const responder = responderText === null ? null : checkResponder(report, responderText);
      const needed =
        responderText === null
          ? 'without a responder URL nginx asks the one named in each certificate (AIA), usually a host name.'
          : responder?.kind === 'name'
            ? `nginx must resolve the responder's host name ${responder.host}.`
            : null;
      const resolver = checkResolver(report, ocsp.resolver, needed);
      return { mode: ocsp.mode, responderUrl: responderText, resolver };
    }
  }
}
