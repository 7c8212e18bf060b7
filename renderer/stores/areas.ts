/** The console's areas in sidebar order; About sits apart at the bottom. */
export const AREAS = ['health', 'certificates', 'device-ca', 'posture', 'nginx', 'about'] as const;
export type Area = (typeof AREAS)[number];

export const DEFAULT_AREA: Area = 'health';

export interface AreaInfo {
  readonly title: string;
  /** One line under the title in the header. */
  readonly description: string;
}

export const AREA_INFO: { readonly [A in Area]: AreaInfo } = {
  health: {
    title: 'Health',
    description: 'Probe the proxy and see which clients it lets through.',
  },
  certificates: {
    title: 'Certificates',
    description: 'Inspect certificate files offline and validate their chains.',
  },
  'device-ca': {
    title: 'Device CA',
    description: 'Issue, renew and revoke device certificates.',
  },
  posture: {
    title: 'Posture',
    description: "Check the control plane's .env against the production profile.",
  },
  nginx: {
    title: 'NGINX',
    description: 'Render, check and install the mTLS proxy configuration.',
  },
  about: {
    title: 'About',
    description: 'Versions, host and where the console keeps its data.',
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
