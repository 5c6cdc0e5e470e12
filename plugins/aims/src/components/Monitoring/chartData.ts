import {
  AimsApiSchemas,
  MonitoringThreshold,
  isBreach,
} from '@aims-backstage/backstage-plugin-aims-common';

export type MonitoringPoint = AimsApiSchemas['MonitoringPoint'];
export type MonitoringSeries = AimsApiSchemas['MonitoringSeries'];
export type MonitoringSeriesStatus = AimsApiSchemas['MonitoringSeriesStatus'];
export type MonitoringDeclaration = AimsApiSchemas['MonitoringDeclaration'];
export type MonitoringSummary = AimsApiSchemas['MonitoringSummary'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** One x position of a metric's chart: a stored result (or a day's aggregate), or a gap. */
export interface ChartRow {
  /** Epoch milliseconds (the x axis is time). */
  t: number;
  /** null for a day without data: the line breaks there instead of dropping to zero. */
  value: number | null;
  /** Judged outside the threshold stored with the result. */
  breach: boolean;
  /** The stored threshold bounds, so a chart can show thresholds as they were. */
  thresholdMin?: number;
  thresholdMax?: number;
  point?: MonitoringPoint;
}

const utcDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/**
 * The rows of a series' chart over [from, to]: one per point, oldest first, and one null row
 * in the middle of every UTC day that has no point, so the line shows the gap (recharts draws
 * a break at a null value when connectNulls is off). Never zeros for missing data.
 */
export function chartRows(
  points: MonitoringPoint[],
  from: string,
  to: string,
): ChartRow[] {
  const rows: ChartRow[] = points.map(point => ({
    t: Date.parse(point.observedAt),
    value: point.value,
    breach: isBreach(point.verdict),
    thresholdMin: point.threshold?.min,
    thresholdMax: point.threshold?.max,
    point,
  }));
  const daysWithData = new Set(rows.map(r => utcDay(r.t)));
  const start = Date.parse(from);
  const end = Date.parse(to);
  for (let day = utcDay(start); day <= end; day += DAY_MS) {
    if (!daysWithData.has(day)) {
      const midday = Math.min(Math.max(day + DAY_MS / 2, start), end);
      rows.push({ t: midday, value: null, breach: false });
    }
  }
  return rows.sort((a, b) => a.t - b.t);
}

/**
 * The y range that shows both the values and the threshold bounds (a bound far from the
 * values would otherwise sit off the chart), with a little room above and below.
 */
export function valueDomain(
  rows: ChartRow[],
  threshold?: MonitoringThreshold,
): [number, number] {
  const values: number[] = [];
  for (const r of rows) {
    if (r.value !== null) values.push(r.value);
    if (r.point?.aggregate)
      values.push(r.point.aggregate.min, r.point.aggregate.max);
    if (r.thresholdMin !== undefined) values.push(r.thresholdMin);
    if (r.thresholdMax !== undefined) values.push(r.thresholdMax);
  }
  if (threshold?.min !== undefined) values.push(threshold.min);
  if (threshold?.max !== undefined) values.push(threshold.max);
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high === low ? Math.abs(high) * 0.1 || 1 : (high - low) * 0.1;
  return [low - pad, high + pad];
}

/**
 * Whether the thresholds stored with the points differ from the declared one: only then is
 * the threshold each value was judged against drawn as its own (stepped) line.
 */
export function thresholdChanged(
  rows: ChartRow[],
  declared?: MonitoringThreshold,
): boolean {
  return rows.some(
    r =>
      r.point &&
      (r.thresholdMin !== declared?.min || r.thresholdMax !== declared?.max),
  );
}

/** "min 0.7 · max 0.9", "max 0.05", or "none". */
export function thresholdText(threshold?: MonitoringThreshold | null): string {
  const parts: string[] = [];
  if (threshold?.min !== undefined) parts.push(`min ${threshold.min}`);
  if (threshold?.max !== undefined) parts.push(`max ${threshold.max}`);
  return parts.length ? parts.join(' · ') : 'none';
}

/** A value for people: at most four significant digits, no float noise. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value)
    ? String(value)
    : String(+value.toPrecision(4));
}

/** "2026-03-09 10:00 UTC" */
export function formatObservedAt(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
