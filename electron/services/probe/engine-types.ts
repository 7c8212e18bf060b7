import type { ProbeReport, ProxyProfile } from '../../../shared/model/probe';

export interface ProbeOptions {
  /** Run the enforcement matrix as well as the smoke test. */
  readonly matrix: boolean;
  /** Collect TLS details (chain, protocol versions, client-certificate request, stapling). */
  readonly tls: boolean;
}

/**
 * Runs one probe of a proxy: plain Node tls/https, one connection per check, every connection
 * bounded by the profile's connect and total timeouts, no shared agent or global state.
 */
export interface ProbeEngine {
  run(profile: ProxyProfile, options: ProbeOptions): Promise<ProbeReport>;
}
