import { DEFAULT_HEADER_NAMES } from '../../shared/nginx/types';
import { DEFAULT_PROBE_PATHS, DEFAULT_PROBE_TIMEOUTS, type ProxyProfile } from '../../shared/model/probe';
import { type EchoUpstream, startEchoUpstream } from './echo-upstream';
import { freePort } from './free-port';
import { type RunningNginx, startNginx } from './nginx';
import type { TestPki } from './test-pki';

/** An nginx on a free loopback port in front of an echo upstream, with a config the test writes. */
export interface ProbeProxy {
  readonly port: number;
  readonly text: string;
  readonly nginx: RunningNginx;
  readonly echo: EchoUpstream;
  /** Stops nginx and the upstream; idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts one proxy for probe tests. `config` gets the port and the upstream URL and returns the
 * server block(s): usually renderNginxConfig output, sometimes hand-edited to break it.
 */
export async function startProbeProxy(config: (port: number, upstreamUrl: string) => string): Promise<ProbeProxy> {
  const echo = await startEchoUpstream();
  let upstreamOpen = true;
  const closeUpstream = async (): Promise<void> => {
    if (!upstreamOpen) return;
    upstreamOpen = false;
    await echo.close();
  };
  try {
    const port = await freePort();
    const text = config(port, echo.url);
    const nginx = await startNginx({ port, serverBlocks: text });
    const echoHandle: EchoUpstream = { ...echo, close: closeUpstream };
    return {
      port,
      text,
      nginx,
      echo: echoHandle,
      stop: async () => {
        await nginx.stop();
        await closeUpstream();
      },
    };
  } catch (err) {
    await closeUpstream();
    throw err;
  }
}

/** A profile for a local test proxy: trusts the test root, uses the valid device, 127.0.0.1 via `localhost`. */
export function testProfile(pki: TestPki, port: number, overrides: Partial<ProxyProfile> = {}): ProxyProfile {
  const device = pki.devices.valid;
  return {
    id: 'probe-test',
    name: 'probe test',
    baseUrl: `https://localhost:${port}`,
    caFile: pki.root.certPath,
    insecure: false,
    device: { certFile: device.chainPath, keyFile: device.keyPath, deviceId: device.deviceId },
    paths: DEFAULT_PROBE_PATHS,
    headerNames: DEFAULT_HEADER_NAMES,
    matrixDir: null,
    crlFile: null,
    intervalSeconds: null,
    timeouts: DEFAULT_PROBE_TIMEOUTS,
    ...overrides,
  };
}
