/*
 * How a series and an AI system's monitoring stand now, from the latest result of each series
 * and the declaration: what the monitoring page, the inventory column, the service-page card
 * and live evidence of a monitored metric all show, so they never disagree.
 */
import { AISystemMonitoredMetric } from '../kind/AISystemEntityV1alpha1';
import { parseIsoDuration } from './duration';
import { LatestMonitoringResult } from './findings';
import { isStale } from './staleness';
import { isBreach } from './thresholds';

export type MonitoringSeriesStatus = 'ok' | 'breached' | 'stale' | 'no-data';

/**
 * A series with a latest result: breached while that result is outside its threshold; stale
 * when its metric is declared with an interval and the result is older than the interval plus
 * the grace; ok otherwise. Without any result: no-data (stale when the metric is declared).
 */
export function monitoringSeriesStatus(
  latest: Pick<LatestMonitoringResult, 'verdict' | 'observedAt'> | undefined,
  declaration: AISystemMonitoredMetric | undefined,
  now: Date,
): MonitoringSeriesStatus {
  const intervalMs = parseIsoDuration(declaration?.interval);
  if (!latest) return intervalMs === undefined ? 'no-data' : 'stale';
  if (isBreach(latest.verdict)) return 'breached';
  if (
    intervalMs !== undefined &&
    isStale(new Date(latest.observedAt), intervalMs, now)
  )
    return 'stale';
  return 'ok';
}

/** The worst of several statuses: breached, then stale, then ok, then no-data. */
export function worstMonitoringStatus(
  statuses: readonly MonitoringSeriesStatus[],
): MonitoringSeriesStatus {
  for (const s of ['breached', 'stale', 'ok'] as const)
    if (statuses.includes(s)) return s;
  return 'no-data';
}

/**
 * Each metric of an AI system (declared, or reported without a declaration) with its status:
 * the worst of its series, where a declared slice never reported counts as stale.
 */
export function monitoringMetricStatuses(
  declared: readonly AISystemMonitoredMetric[],
  latest: readonly LatestMonitoringResult[],
  now: Date,
): Array<{
  metric: string;
  declaration: AISystemMonitoredMetric | undefined;
  status: MonitoringSeriesStatus;
  series: Array<LatestMonitoringResult & { status: MonitoringSeriesStatus }>;
}> {
  const declaredBy = new Map(declared.map(m => [m.metric, m]));
  const metrics = [
    ...new Set([...declared.map(m => m.metric), ...latest.map(r => r.metric)]),
  ];
  return metrics.map(metric => {
    const declaration = declaredBy.get(metric);
    const series = latest
      .filter(r => r.metric === metric)
      .map(r => ({
        ...r,
        status: monitoringSeriesStatus(r, declaration, now),
      }));
    const statuses = series.map(s => s.status);
    const slices = declaration?.slices?.length ? declaration.slices : ['all'];
    if (declaration && slices.some(s => !series.some(r => r.slice === s)))
      statuses.push('stale');
    return {
      metric,
      declaration,
      status: worstMonitoringStatus(statuses),
      series,
    };
  });
}

/** The inventory's and service card's one word for an AI system's monitoring. */
export type MonitoringSummaryStatus =
  | 'ok'
  | 'breached'
  | 'stale'
  | 'not-monitored';

export function monitoringSummaryStatus(
  metrics: ReadonlyArray<{ status: MonitoringSeriesStatus }>,
): MonitoringSummaryStatus {
  if (!metrics.length) return 'not-monitored';
  const worst = worstMonitoringStatus(metrics.map(m => m.status));
  return worst === 'no-data' ? 'not-monitored' : worst;
}
