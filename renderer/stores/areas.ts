/** The console's areas in sidebar order; About sits apart at the bottom. */
export const AREAS = ['health', 'certificates', 'device-ca', 'posture', 'nginx', 'about'] as const;
export type Area = (typeof AREAS)[number];

export const DEFAULT_AREA: Area = 'health';

export interface AreaInfo {
  readonly title: string;
  /** One line under the title in the header. */
  readonly description: string;
  /** What the area will do, shown until it is built. */
  readonly plan: string;
}

export const AREA_INFO: { readonly [A in Area]: AreaInfo } = {
  health: {
    title: 'Health',
    description: 'Probe the proxy and see which clients it lets through.',
    plan:
      'Runs the smoke test against each proxy profile (live, ready, heartbeat with and without a device certificate) on demand or on an interval, shows TLS details and the enforcement matrix, and keeps a live dashboard with history.',
  },
  certificates: {
    title: 'Certificates',
    description: 'Inspect certificate files offline and validate their chains.',
    plan:
      'Inspects PEM, DER, PKCS#7 and PKCS#12 files offline, validates certification paths per RFC 5280 and checks revocation against CRLs.',
  },
  'device-ca': {
    title: 'Device CA',
    description: 'Issue, renew and revoke device certificates.',
    plan:
      'Will issue, renew and revoke device certificates and publish CRLs; private keys stay in the main process and never reach this window.',
  },
  posture: {
    title: 'Posture',
    description: "Check the control plane's .env against the production profile.",
    plan: "Will edit the control plane's .env losslessly, judging every setting against the production checklist.",
  },
  nginx: {
    title: 'NGINX',
    description: 'Render, check and install the mTLS proxy configuration.',
    plan:
      "Renders and lints the mTLS config from the installer's inputs, checks it with the real nginx -t, diffs it against the deployed file and installs it only when the operator confirms.",
  },
  about: {
    title: 'About',
    description: 'Versions, host and where the console keeps its data.',
    plan: 'Shows versions, the host serving commands and the data directory.',
  },
};

export function isArea(value: string): value is Area {
  return (AREAS as readonly string[]).includes(value);
}

/** `#/about` → `'about'`; anything else → null. */
export function areaFromHash(hash: string): Area | null {
  const name = hash.replace(/^#\/?/, '');
  return isArea(name) ? name : null;
}

export function hashForArea(area: Area): string {
  return `#/${area}`;
}
