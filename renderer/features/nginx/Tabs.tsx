import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabSpec<T extends string> {
  readonly id: T;
  readonly label: string;
  /** A short status beside the label (e.g. "failed", "+3 −1"). */
  readonly badge?: ReactNode;
}

export interface TabsProps<T extends string> {
  readonly tabs: readonly TabSpec<T>[];
  readonly active: T;
  onChange(tab: T): void;
  readonly label: string;
  /** The active tab's panel; inactive panels are not mounted. */
  readonly children: ReactNode;
}

/**
 * WAI-ARIA tabs with automatic activation: one tab stop (roving tabindex), arrow keys move
 * and select, Home/End jump to the ends.
 */
export function Tabs<T extends string>({ tabs, active, onChange, label, children }: TabsProps<T>) {
  const base = useId();
  const buttons = useRef(new Map<T, HTMLButtonElement>());

  const select = (index: number): void => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (tab === undefined) return;
    onChange(tab.id);
    buttons.current.get(tab.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const current = tabs.findIndex((tab) => tab.id === active);
    const moves: Readonly<Record<string, number>> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next);
  };

  return (
    <div className="tabs">
      <div className="tabs__list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.id === active;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) buttons.current.set(tab.id, element);
                else buttons.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              className="tabs__tab"
              aria-selected={selected}
              aria-controls={`${base}-panel`}
              tabIndex={selected ? 0 : -1}
              onClick={() => onChange(tab.id)}
              data-testid={`nginx-tab-${tab.id}`}
            >
              {tab.label}
              {tab.badge === undefined ? null : <span className="tabs__badge">{tab.badge}</span>}
            </button>
          );
        })}
      </div>
      <div className="tabs__panel" role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${active}`}>
        {children}
      </div>
    </div>
  );
}
