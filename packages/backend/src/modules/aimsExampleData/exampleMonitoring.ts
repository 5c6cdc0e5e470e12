/*
 * examples/aims/monitoring.yaml describes 90 days of monitoring results generatively (a level,
 * trend, noise and events per series) instead of listing thousands of rows; this turns it into
 * MonitoringReport objects of the contract relative to `now`. Results fall on a fixed grid of
 * times (multiples of the series' interval since the epoch) and their noise is seeded by the
 * series' name and the result's time, so a restart generates the same results for the same
 * times — the backend's idempotency keys make them duplicates, not new points.
 */
import {
  MAX_MONITORING_RESULTS,
  MonitoringReport,
  MonitoringResult,
  monitoringEntityRef,
  parseIsoDuration,
  validateMonitoringReport,
} from '@aims-backstage/backstage-plugin-aims-common';
import { ExampleDataError } from './exampleData';

const DAY = 24 * 3600 * 1000;

const SERIES_FIELDS = [
  'aiSystem',
  'environment',
  'metric',
  'every',
  'at',
  'window',
  'baseline',
  'trend',
  'noise',
  'daily',
  'range',
  'decimals',
  'slices',
  'shifts',
  'gaps',
  'lastReportedDaysAgo',
];

/** A series as monitoring.yaml declares it, checked. */
export interface ExampleMonitoringSeries {
  aiSystemRef: string;
  environment: string;
  metric: string;
  everyMs: number;
  atMs: number;
  window?: string;
  range: [number, number];
  decimals: number;
  daily: number;
  slices: { slice: string; baseline: number; trend: number; noise: number }[];
  shifts: { sinceDaysAgo: number; by: number; slices?: string[] }[];
  gaps: { fromDaysAgo: number; toDaysAgo: number }[];
  lastReportedDaysAgo?: number;
}

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A pseudo-random number in [0, 1) from a name: FNV-1a hash of the name, then one round of
 * the mulberry32 mixer. The same name gives the same number on every machine and start.
 */
export function seededRandom(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function parseSeries(
  raw: unknown,
  file: string,
  at: string,
): ExampleMonitoringSeries {
  const fail = (field: string, message: string): never => {
    throw new ExampleDataError(file, field ? `${at}.${field}` : at, message);
  };
  if (!isObject(raw)) return fail('', 'must be a mapping');
  for (const key of Object.keys(raw))
    if (!SERIES_FIELDS.includes(key)) fail(key, 'is not a known field');
  const num = (field: string, value: unknown, fallback?: number): number => {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value))
      return fail(field, 'must be a number');
    return value;
  };
  const duration = (field: string, value: unknown): number => {
    const ms = parseIsoDuration(value);
    if (ms === undefined)
      return fail(field, 'must be an ISO 8601 duration such as P1D or PT1H');
    return ms;
  };
  const aiSystemRef = monitoringEntityRef(raw.aiSystem);
  if (!aiSystemRef) fail('aiSystem', 'must be an AISystem entity ref');
  if (typeof raw.environment !== 'string' || !raw.environment)
    fail('environment', 'is required');
  if (typeof raw.metric !== 'string' || !raw.metric)
    fail('metric', 'is required');
  const baseline = num('baseline', raw.baseline);
  const trend = num('trend', raw.trend, 0);
  const noise = num('noise', raw.noise, 0);
  if (noise < 0) fail('noise', 'must not be negative');
  const range = raw.range ?? [-Infinity, Infinity];
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    range.some(v => typeof v !== 'number') ||
    range[0] > range[1]
  )
    fail('range', 'must be [lowest, highest]');
  const decimals = num('decimals', raw.decimals, 3);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10)
    fail('decimals', 'must be a whole number from 0 to 10');
  if (raw.slices !== undefined && !isObject(raw.slices))
    fail('slices', 'must map each slice to { baseline?, noise?, trend? }');
  const slices = Object.entries(
    (raw.slices as Record<string, unknown>) ?? { all: {} },
  ).map(([slice, o]) => {
    const s = (o ?? {}) as Record<string, unknown>;
    if (
      !isObject(s) ||
      Object.keys(s).some(k => !['baseline', 'noise', 'trend'].includes(k))
    )
      fail(`slices.${slice}`, 'must be { baseline?, noise?, trend? }');
    return {
      slice,
      baseline: num(`slices.${slice}.baseline`, s.baseline, baseline),
      trend: num(`slices.${slice}.trend`, s.trend, trend),
      noise: num(`slices.${slice}.noise`, s.noise, noise),
    };
  });
  const list = (field: string): Record<string, unknown>[] => {
    const v = raw[field] ?? [];
    if (!Array.isArray(v) || !v.every(isObject))
      fail(field, 'must be a list of mappings');
    return v;
  };
  const shifts = list('shifts').map((s, i) => {
    if (
      s.slices !== undefined &&
      (!Array.isArray(s.slices) ||
        s.slices.some(x => !slices.some(d => d.slice === x)))
    )
      fail(`shifts[${i}].slices`, 'must name slices of this series');
    return {
      sinceDaysAgo: num(`shifts[${i}].sinceDaysAgo`, s.sinceDaysAgo),
      by: num(`shifts[${i}].by`, s.by),
      ...(s.slices ? { slices: s.slices as string[] } : {}),
    };
  });
  const gaps = list('gaps').map((g, i) => {
    const gap = {
      fromDaysAgo: num(`gaps[${i}].fromDaysAgo`, g.fromDaysAgo),
      toDaysAgo: num(`gaps[${i}].toDaysAgo`, g.toDaysAgo),
    };
    if (gap.toDaysAgo >= gap.fromDaysAgo)
      fail(`gaps[${i}]`, 'toDaysAgo must be more recent than fromDaysAgo');
    return gap;
  });
  if (raw.window !== undefined) duration('window', raw.window);
  return {
    aiSystemRef: aiSystemRef!,
    environment: raw.environment,
    metric: raw.metric,
    everyMs: duration('every', raw.every),
    atMs: raw.at === undefined ? 0 : duration('at', raw.at),
    ...(raw.window !== undefined ? { window: raw.window as string } : {}),
    range: range as [number, number],
    decimals,
    daily: num('daily', raw.daily, 0),
    slices,
    shifts,
    gaps,
    ...(raw.lastReportedDaysAgo !== undefined
      ? {
          lastReportedDaysAgo: num(
            'lastReportedDaysAgo',
            raw.lastReportedDaysAgo,
          ),
        }
      : {}),
  };
}

/** The times a series reports at within the last `days` days: its grid, minus gaps and after it stopped. */
function reportTimes(
  series: ExampleMonitoringSeries,
  now: Date,
  days: number,
): Date[] {
  const end = now.getTime();
  const start = end - days * DAY;
  const times: Date[] = [];
  const first = Math.ceil((start - series.atMs) / series.everyMs);
  for (let k = first; k * series.everyMs + series.atMs <= end; k++) {
    const t = k * series.everyMs + series.atMs;
    const daysAgo = (end - t) / DAY;
    const inGap = series.gaps.some(
      g => daysAgo >= g.toDaysAgo && daysAgo < g.fromDaysAgo,
    );
    const stopped =
      series.lastReportedDaysAgo !== undefined &&
      daysAgo < series.lastReportedDaysAgo;
    if (t > start && !inGap && !stopped) times.push(new Date(t));
  }
  return times;
}

/** One value of a series' slice at a time: level, trend, day-night swing, shifts, noise. */
export function exampleMonitoringValue(
  series: ExampleMonitoringSeries,
  slice: ExampleMonitoringSeries['slices'][number],
  time: Date,
  now: Date,
): number {
  const daysAgo = (now.getTime() - time.getTime()) / DAY;
  let level = slice.baseline - slice.trend * daysAgo;
  if (series.daily) {
    const hour = time.getUTCHours() + time.getUTCMinutes() / 60;
    level *= 1 + series.daily * Math.sin((2 * Math.PI * (hour - 8)) / 24);
  }
  for (const shift of series.shifts)
    if (
      daysAgo < shift.sinceDaysAgo &&
      (!shift.slices || shift.slices.includes(slice.slice))
    )
      level += shift.by;
  const seed = `${series.aiSystemRef}|${series.environment}|${series.metric}|${
    slice.slice
  }|${time.toISOString()}`;
  // the mean of two uniform numbers: noise near the level more often than at its edges
  const u = (seededRandom(`${seed}|a`) + seededRandom(`${seed}|b`)) / 2;
  const value = level + (u * 2 - 1) * slice.noise;
  const [lowest, highest] = series.range;
  const factor = 10 ** series.decimals;
  return (
    Math.round(Math.min(highest, Math.max(lowest, value)) * factor) / factor
  );
}

/**
 * The monitoring reports monitoring.yaml describes, as of `now`: one report per AI system and
 * environment (split at 1000 results, the contract's limit), results oldest first. Each
 * report passes validateMonitoringReport; bad data names the file, the series and the field.
 */
export function parseExampleMonitoring(
  data: unknown,
  file: string,
  now: Date,
): MonitoringReport[] {
  if (!isObject(data))
    throw new ExampleDataError(file, '', 'must be a mapping { days, series }');
  for (const key of Object.keys(data))
    if (key !== 'days' && key !== 'series')
      throw new ExampleDataError(file, key, 'is not a known field');
  const days = data.days ?? 90;
  if (typeof days !== 'number' || !(days > 0) || days > 400)
    throw new ExampleDataError(file, 'days', 'must be a number from 1 to 400');
  if (!Array.isArray(data.series))
    throw new ExampleDataError(file, 'series', 'must be a list');
  const series = data.series.map((s, i) =>
    parseSeries(s, file, `series[${i}]`),
  );

  const byTarget = new Map<string, MonitoringResult[]>();
  for (const s of series) {
    const key = `${s.aiSystemRef}\n${s.environment}`;
    const results = byTarget.get(key) ?? [];
    for (const time of reportTimes(s, now, days))
      for (const slice of s.slices)
        results.push({
          metric: s.metric,
          value: exampleMonitoringValue(s, slice, time, now),
          observedAt: time.toISOString(),
          slice: slice.slice,
          ...(s.window ? { window: s.window } : {}),
        });
    byTarget.set(key, results);
  }

  const reports: MonitoringReport[] = [];
  for (const [key, results] of byTarget) {
    const [entityRef, environment] = key.split('\n');
    results.sort((a, b) => a.observedAt.localeCompare(b.observedAt));
    for (let i = 0; i < results.length; i += MAX_MONITORING_RESULTS) {
      const report = {
        entityRef,
        environment,
        results: results.slice(i, i + MAX_MONITORING_RESULTS),
      };
      const problems = validateMonitoringReport(report, { now });
      if (problems.length)
        throw new ExampleDataError(
          file,
          `${entityRef} ${environment}`,
          problems.map(p => p.message).join('; '),
        );
      reports.push(report);
    }
  }
  return reports;
}
