import type { TestPki } from './test-pki';

/** Inputs for the reference mTLS server block (feasibility.md §5). */
export interface MtlsServerOptions {
  port: number;
  upstreamPort: number;
  pki: TestPki;
}

/**
 * The known-good nginx mTLS front for the Flask API: optional client auth, enforced per location
 * (/api/heartbeat), CRLs for the whole chain, identity headers always overwritten from TLS state.
 * Tests start from this and break one thing at a time to reproduce the M-n misconfigurations.
 */
export function mtlsServerBlock({ port, upstreamPort, pki }: MtlsServerOptions): string {
  return `
  upstream app { server 127.0.0.1:${upstreamPort}; keepalive 4; }
  server {
    listen 127.0.0.1:${port} ssl;
    server_name localhost;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_certificate        ${pki.server.fullchainPath};
    ssl_certificate_key    ${pki.server.keyPath};
    ssl_client_certificate ${pki.caBundle.path};
    ssl_verify_client optional;
    ssl_verify_depth 2;
    ssl_crl ${pki.crlBundle.path};
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-SSL-Client-Verify      $ssl_client_verify;
    proxy_set_header X-SSL-Client-S-DN        $ssl_client_s_dn;
    proxy_set_header X-SSL-Client-I-DN        $ssl_client_i_dn;
    proxy_set_header X-SSL-Client-Serial      $ssl_client_serial;
    proxy_set_header X-SSL-Client-Fingerprint $ssl_client_fingerprint;
    proxy_set_header X-SSL-Client-V-Start     $ssl_client_v_start;
    proxy_set_header X-SSL-Client-V-End       $ssl_client_v_end;
    proxy_set_header X-SSL-Client-Cert        $ssl_client_escaped_cert;
    error_page 495 496 = @client_cert_error;
    location @client_cert_error {
      default_type application/json;
      return 401 '{"error":"client_certificate_invalid","verify":"$ssl_client_verify"}';
    }
    location = /api/heartbeat {
      if ($ssl_client_verify != SUCCESS) { return 401; }
      proxy_pass http://app;
    }
    location / { proxy_pass http://app; }
  }
`;
}
