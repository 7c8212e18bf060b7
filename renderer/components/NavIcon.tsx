import { assertNever } from '../../shared/util/assert-never';
import type { Area } from '../stores/areas';

/** Path data for a 16×16, 1.5px-stroke icon per area; inline so no icon package or network asset is needed. */
function iconPath(area: Area): string {
  switch (area) {
    case 'health':
      return 'M1.5 8h3l1.5-4 3 8 1.5-4h4';
    case 'certificates':
      return 'M3 1.75h6.5l3.5 3.5v9H3zM9.5 1.75v3.5H13M5.5 8.5h5M5.5 11h3';
    case 'device-ca':
      return 'M8 1.5l5.5 2v4c0 3.5-2.4 5.9-5.5 7-3.1-1.1-5.5-3.5-5.5-7v-4zM5.75 8l1.6 1.6L10.5 6.5';
    case 'posture':
      return 'M2.5 4h11M2.5 8h11M2.5 12h11M5 2.5v3M10.5 6.5v3M7 10.5v3';
    case 'nginx':
      return 'M2 3.5h12v3.5H2zM2 9h12v3.5H2zM4.5 5.25h.01M4.5 10.75h.01';
    case 'about':
      return 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 7.25v4M8 4.75h.01';
    default:
      return assertNever(area, 'area');
  }
}

export function NavIcon({ area }: { area: Area }) {
  return (
    <svg className="nav-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={iconPath(area)} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
