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
 * The rows of a series' chart over [from, to]: one per point, oldest first, and a null row
 * wherever a period passed without a point, so the line shows the gap (recharts draws a break
 * at a null value when connectNulls is off) — never zeros for missing data. A period is a UTC
 * day, or the metric's declared reporting interval when that is longer: a weekly metric is
 * drawn as a line through its weekly results, and broken where a week is missing.
 */
export function chartRows(
  points: MonitoringPoint[],
  from: string,
  to: string,
  intervalMs?: number,
): ChartRow[] {
  const rows: ChartRow[] = points
    .map(point => ({
      t: Date.parse(point.observedAt),
      value: point.value,
      breach: isBreach(point.verdict),
      thresholdMin: point.threshold?.min,
      thresholdMax: point.threshold?.max,
      point,
    }))
    .sort((a, b) => a.t - b.t);
  const period = Math.max(DAY_MS, intervalMs ?? 0);
  // results arrive a little early or late: a gap is a whole period more than expected
  const tolerance = period / 2;
  const start = Date.parse(from);
  const end = Date.parse(to);
  const gaps: ChartRow[] = [];
  const gap = (t: number) => gaps.push({ t, value: null, breach: false });
  if (!rows.length) return [];
  if (rows[0].t - start > period + tolerance) gap(start);
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].t - rows[i - 1].t > period + tolerance)
      gap((rows[i].t + rows[i - 1].t) / 2);
  }
  if (end - rows[rows.length - 1].t > period + tolerance) gap(end);
  return [...rows, ...gaps].sort((a, b) => a.t - b.t);
}

/**
 * The y axis that shows both the values and the threshold bounds (a bound far from the
 * values would otherwise sit off the chart): a domain rounded outward to a round step, and
 * its ticks, so the axis reads 0.6, 0.7, 0.8 rather than 0.565, 0.715.
 */
export function valueAxis(
  rows: ChartRow[],
  threshold?: MonitoringThreshold,
): { domain: [number, number]; ticks: number[] } {
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
  if (values.length === 0) return { domain: [0, 1], ticks: [0, 0.5, 1] };
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (high === low) {
    const pad = Math.abs(high) * 0.1 || 1;
    low -= pad;
    high += pad;
  }
  // a little room, so a dot on a bound is not cut by the chart's edge
  const margin = (high - low) * 0.05;
  low -= margin;
  high += margin;
  // about four to eight steps of 1, 2 or 5 times a power of ten
  const raw = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step =
    [1, 2, 5, 10].map(m => m * power).find(m => (high - low) / m <= 8) ??
    10 * power;
  const round = (v: number) => +v.toPrecision(12);
  const start = round(Math.floor(low / step) * step);
  const end = round(Math.ceil(high / step) * step);
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(round(v));
  return { domain: [start, end], ticks };
}

/** One tick per day for a week, then one every few days: UTC midnights inside [from, to]. */
export function dayTicks(from: string, to: string): number[] {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const days = Math.round((end - start) / DAY_MS);
  const every = Math.max(1, Math.ceil(days / 8));
  const ticks: number[] = [];
  for (let t = utcDay(start + DAY_MS - 1); t <= end; t += every * DAY_MS)
    ticks.push(t);
  return ticks;
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
