import { useEffect, type ReactNode } from 'react';
import { assertNever } from '../../shared/util/assert-never';
import { AboutScreen } from '../features/about/AboutScreen';
import { CertificatesScreen } from '../features/certificates/CertificatesScreen';
import { DeviceCaScreen } from '../features/device-ca/DeviceCaScreen';
import { HealthScreen } from '../features/health/HealthScreen';
import { NginxScreen } from '../features/nginx/NginxScreen';
import { PostureScreen } from '../features/posture/PostureScreen';
import { AREA_INFO, type Area } from '../stores/areas';
import { useAreaHashSync, useUiStore } from '../stores/ui-store';
import { Sidebar } from './Sidebar';

function AreaContent({ area }: { area: Area }) {
  switch (area) {
    case 'about':
      return <AboutScreen />;
    case 'certificates':
      return <CertificatesScreen />;
    case 'health':
      return <HealthScreen />;
    case 'device-ca':
      return <DeviceCaScreen />;
    case 'posture':
      return <PostureScreen />;
    case 'nginx':
      return <NginxScreen />;
    default:
      return assertNever(area, 'area');
  }
}

/** Sidebar plus the active area under a title header; the area follows `location.hash`. */
export function AppShell({ sidebarFooter }: { sidebarFooter?: ReactNode }) {
  useAreaHashSync();
  const area = useUiStore((state) => state.area);
  const { title, description } = AREA_INFO[area];

  useEffect(() => {
    document.title = `${title} · Sentinel Console`;
  }, [title]);

  return (
    <div className="shell">
      <Sidebar footer={sidebarFooter} />
      <main className="content" aria-labelledby="area-title">
        <header className="content__header">
          <h1 className="content__title" id="area-title">
            {title}
          </h1>
          <p className="content__description">{description}</p>
        </header>
        <div className="content__body">
          <AreaContent area={area} />
        </div>
      </main>
    </div>
  );
}
