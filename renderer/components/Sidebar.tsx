import { useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { AREA_INFO, AREAS, hashForArea, type Area } from '../stores/areas';
import { useUiStore } from '../stores/ui-store';
import { NavIcon } from './NavIcon';

const TOP_AREAS = AREAS.filter((area) => area !== 'about');

function NavItem({ area, active, onActivate }: { area: Area; active: boolean; onActivate: (area: Area) => void }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    onActivate(area);
  };
  return (
    <li>
      <a
        className="nav-item"
        href={hashForArea(area)}
        data-area={area}
        aria-current={active ? 'page' : undefined}
        onClick={onClick}
      >
        <NavIcon area={area} />
        <span>{AREA_INFO[area].title}</span>
      </a>
    </li>
  );
}

/** Up/Down (and Home/End) step between items with wrap-around; Enter and Space open the focused one. */
function moveFocus(items: HTMLAnchorElement[], key: string): boolean {
  const current = items.findIndex((item) => item === document.activeElement);
  const last = items.length - 1;
  let next: number;
  if (key === 'ArrowDown') next = current < 0 || current === last ? 0 : current + 1;
  else if (key === 'ArrowUp') next = current <= 0 ? last : current - 1;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = last;
  else return false;
  items[next]?.focus();
  return true;
}

/** The product name, the area navigation (About pinned to the bottom) and a status footer. */
export function Sidebar({ footer }: { footer?: ReactNode }) {
  const area = useUiStore((state) => state.area);
  const setArea = useUiStore((state) => state.setArea);
  const navRef = useRef<HTMLElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const items = Array.from(navRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-area]') ?? []);
    if (moveFocus(items, event.key)) {
      event.preventDefault();
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = items.find((item) => item === event.target);
    const targetArea = target?.dataset.area;
    if (targetArea === undefined) return;
    event.preventDefault();
    const match = AREAS.find((candidate) => candidate === targetArea);
    if (match) setArea(match);
  };

  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <svg className="brand-mark" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M10 1.5l7 2.6v5c0 4.4-3 7.6-7 9.1-4-1.5-7-4.7-7-9.1v-5z" fill="currentColor" />
          <path d="M6.8 10l2.2 2.2 4.2-4.4" className="brand-mark__check" fill="none" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="sidebar__name">Sentinel Console</span>
      </div>
      <nav aria-label="Areas" className="sidebar__nav" ref={navRef} onKeyDown={onKeyDown}>
        <ul className="nav-list">
          {TOP_AREAS.map((item) => (
            <NavItem key={item} area={item} active={item === area} onActivate={setArea} />
          ))}
        </ul>
        <ul className="nav-list nav-list--bottom">
          <NavItem area="about" active={area === 'about'} onActivate={setArea} />
        </ul>
      </nav>
      {footer === undefined ? null : <div className="sidebar__footer">{footer}</div>}
    </aside>
  );
}
