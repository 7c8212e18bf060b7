import type { CaOverview } from '../../../shared/model/ca';
import { INVENTORY_FILTERS, type InventoryFilter } from './ca-ui-store';

const FILTER_LABEL: Readonly<Record<InventoryFilter, string>> = {
  all: 'All',
  valid: 'Valid',
  expiring: 'Expiring',
  expired: 'Expired',
  revoked: 'Revoked',
};

const FILTER_CLASS: Readonly<Record<InventoryFilter, string>> = { all: 'chip', valid: 'chip', expiring: 'chip chip--warning', expired: 'chip chip--error', revoked: 'chip' };

function countOf(filter: InventoryFilter, counts: CaOverview['counts']): number {
  return filter === 'all' ? counts.valid + counts.expiring + counts.expired + counts.revoked : counts[filter];
}

/** Toggle buttons (one pressed at a time) with the overview's counts beside each. */
export function InventoryFilters({ value, counts, onChange }: { value: InventoryFilter; counts: CaOverview['counts']; onChange(filter: InventoryFilter): void }) {
  return (
    <div className="ca-filters" role="group" aria-label="Show certificates">
      {INVENTORY_FILTERS.map((filter) => (
        <button
          key={filter}
          type="button"
          className={FILTER_CLASS[filter]}
          aria-pressed={filter === value}
          onClick={() => onChange(filter)}
          data-testid={`ca-filter-${filter}`}
        >
          {FILTER_LABEL[filter]} <span className="chip__count">{countOf(filter, counts)}</span>
        </button>
      ))}
    </div>
  );
}
