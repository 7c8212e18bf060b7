import type { ProbeHistoryEntry } from '../../../shared/model/probe';
import { absoluteTime, formatMs, plural } from './format';

/** Runs drawn: enough to see a trend at card size; the detail's history lists the rest. */
export const SPARK_MAX_POINTS = 60;

const WIDTH = 160;
const HEIGHT = 32;
const PAD = 4;

export interface SparkPoint {
  readonly x: number;
  readonly y: number;
  readonly entry: ProbeHistoryEntry;
}

/** Oldest left, newest right; slower runs higher. */
export function sparkPoints(history: readonly ProbeHistoryEntry[]): SparkPoint[] {
  const entries = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(-SPARK_MAX_POINTS);
  const values = entries.map((entry) => entry.ms);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const step = entries.length > 1 ? (WIDTH - 2 * PAD) / (entries.length - 1) : 0;
  return entries.map((entry, i) => ({
    x: entries.length > 1 ? PAD + i * step : WIDTH / 2,
    y: high === low ? HEIGHT / 2 : HEIGHT - PAD - ((entry.ms - low) / (high - low)) * (HEIGHT - 2 * PAD),
    entry,
  }));
}

function describe(points: readonly SparkPoint[]): string {
  const values = points.map((point) => point.entry.ms);
  const failed = points.filter((point) => !point.entry.ok).length;
  const range = `${formatMs(Math.min(...values))} to ${formatMs(Math.max(...values))}`;
  return `Latency of the last ${plural(points.length, 'run')}: ${range}; ${failed === 0 ? 'none failed' : `${failed} failed`}.`;
}

/** Latency over the recent runs as a line; failing runs stand out as larger red dots. */
export function Sparkline({ history }: { history: readonly ProbeHistoryEntry[] }) {
  if (history.length === 0) {
    return (
      <span className="hl-spark hl-spark--empty muted small" data-testid="health-sparkline">
        No runs yet
      </span>
    );
  }
  const points = sparkPoints(history);
  const line = points.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
  return (
    <svg
      className="hl-spark"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={describe(points)}
      data-testid="health-sparkline"
    >
      <polyline className="hl-spark__line" points={line} />
      {points.map((point, i) => (
        <circle
          key={`${i}:${point.entry.at}`}
          className={point.entry.ok ? 'hl-spark__point' : 'hl-spark__point hl-spark__point--failed'}
          cx={point.x}
          cy={point.y}
          r={point.entry.ok ? 1.8 : 3}
          data-testid="health-spark-point"
          data-ok={point.entry.ok ? 'true' : 'false'}
        >
          <title>{`${absoluteTime(point.entry.at)}: ${formatMs(point.entry.ms)}${point.entry.ok ? '' : `, failed: ${point.entry.summary}`}`}</title>
        </circle>
      ))}
    </svg>
  );
}
