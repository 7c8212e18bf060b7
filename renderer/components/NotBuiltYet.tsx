import { AREA_INFO, type Area } from '../stores/areas';

/** Says plainly that an area is a placeholder, and what it will do once built. */
export function NotBuiltYet({ area }: { area: Area }) {
  return (
    <section className="panel panel--placeholder" aria-labelledby="not-built-title" data-testid="not-built-yet">
      <h2 className="panel__title" id="not-built-title">
        Not built yet
      </h2>
      <p className="panel__text">{AREA_INFO[area].plan}</p>
    </section>
  );
}
