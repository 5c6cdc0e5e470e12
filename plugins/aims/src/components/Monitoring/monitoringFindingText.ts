import { Finding } from '@aims-backstage/backstage-plugin-aims-common';
import { formatObservedAt, formatValue } from './chartData';

/** The two monitoring finding types of the contract vocabulary. */
export const isMonitoringFinding = (f: Finding) =>
  f.type === 'monitoring-threshold-breached' || f.type === 'monitoring-stale';

const seriesName = (e: Record<string, any>) =>
  e.slice && e.slice !== 'all' ? `${e.metric} (${e.slice})` : `${e.metric}`;

/**
 * One line for a monitoring finding, from the evidence it was opened with:
 * "auc (uk) in production is 0.824, below its minimum 0.85 (2026-11-30 05:00 UTC)" or
 * "feature_psi not reported since 2026-11-09 06:00 UTC (expected every P7D)".
 */
export function monitoringFindingText(f: Finding): string {
  const e = (f.evidence ?? {}) as Record<string, any>;
  if (f.type === 'monitoring-stale') {
    const expected = e.interval ? ` (expected every ${e.interval})` : '';
    return e.lastObservedAt
      ? `${seriesName(e)} not reported since ${formatObservedAt(
          e.lastObservedAt,
        )}${expected}`
      : `${seriesName(e)} never reported${expected}`;
  }
  const where = f.environment ? ` in ${f.environment}` : '';
  let bound = 'outside its threshold';
  if (e.verdict === 'below-min' && e.threshold?.min !== undefined)
    bound = `below its minimum ${formatValue(e.threshold.min)}`;
  else if (e.verdict === 'above-max' && e.threshold?.max !== undefined)
    bound = `above its maximum ${formatValue(e.threshold.max)}`;
  return `${seriesName(e)}${where} is ${formatValue(
    e.value,
  )}, ${bound} (${formatObservedAt(e.observedAt)})`;
}
