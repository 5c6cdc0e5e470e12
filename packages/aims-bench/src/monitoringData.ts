/*
 * Synthetic monitoring results for the monitoring benchmark, the same in the bench process (the
 * raw-insert baseline) and in the client process that POSTs them: report `i` is a pure function
 * of the plan, so 1,000,000 results never travel as a file.
 */
import {
  AISystemMonitoredMetric,
  MonitoringReport,
  effectiveThreshold,
  judgeValue,
  monitoringResultKey,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Entity } from '@backstage/catalog-model';
import { syntheticCatalog } from './seed';

const DAY_MS = 86_400_000;

/** What every synthetic AI system declares in spec.monitoring, and how its values look. */
const METRICS = [
  { metric: 'auc', threshold: { min: 0.8 }, usual: 0.9, breach: 0.7 },
  { metric: 'psi', threshold: { max: 0.2 }, usual: 0.1, breach: 0.3 },
];

export const MONITORING_DECLARATION: AISystemMonitoredMetric[] = METRICS.map(
  m => ({ metric: m.metric, threshold: m.threshold, interval: 'P1D' }),
);

export interface MonitoringPlan {
  /** Results in all. */
  results: number;
  /** AI systems the results are spread over, round robin, one report per system at a time. */
  aiSystems: number;
  /** Results per report (one POST /monitoring/results). */
  perReport: number;
  /** Results are observed over the last `spanDays` before `nowMs` (older ones get rolled up). */
  spanDays: number;
  nowMs: number;
}

export const reportCount = (plan: MonitoringPlan) =>
  Math.ceil(plan.results / plan.perReport);

/**
 * Report `i`: AI system `i mod aiSystems`, environment production, its next `perReport`
 * results — the metrics alternating, evenly spaced over the span so every series covers it,
 * about 1 in 100 outside its threshold.
 */
export function monitoringReport(
  plan: MonitoringPlan,
  i: number,
): MonitoringReport {
  const system = i % plan.aiSystems;
  const round = Math.floor(i / plan.aiSystems);
  const rounds = Math.ceil(reportCount(plan) / plan.aiSystems);
  const perSeries = Math.ceil(plan.perReport / METRICS.length);
  const step = Math.floor((plan.spanDays * DAY_MS) / (rounds * perSeries));
  if (step < 1000)
    throw new Error(
      'monitoring plan: more than one result per second per series; raise the span or the AI systems',
    );
  const size = Math.min(plan.perReport, plan.results - i * plan.perReport);
  const start = plan.nowMs - plan.spanDays * DAY_MS;
  const results = Array.from({ length: size }, (_, j) => {
    const m = METRICS[j % METRICS.length];
    const n = round * perSeries + Math.floor(j / METRICS.length);
    const breach = (n * 7919 + system) % 100 === 0;
    const wobble = ((n * 31 + system * 17) % 21) / 1000 - 0.01;
    return {
      metric: m.metric,
      value: Number(((breach ? m.breach : m.usual) + wobble).toFixed(4)),
      observedAt: new Date(start + n * step).toISOString(),
    };
  });
  return {
    entityRef: `aisystem:default/ai-system-${system}`,
    environment: 'production',
    results,
  };
}

/** The synthetic catalog with every AI system declaring the monitored metrics. */
export function monitoredCatalog(size: {
  aiSystems: number;
  components: number;
}): Entity[] {
  return syntheticCatalog(size).map(e =>
    e.kind === 'AISystem'
      ? { ...e, spec: { ...e.spec, monitoring: MONITORING_DECLARATION } }
      : e,
  );
}

/**
 * The rows of `aims_monitoring_results` a report becomes, judged as the backend judges them
 * (MonitoringIngest): what the raw-insert baseline writes.
 */
export function monitoringRows(
  report: MonitoringReport,
  receivedAt: Date,
  receivedBy: string,
) {
  return report.results.map(r => {
    const threshold = effectiveThreshold(
      METRICS.find(m => m.metric === r.metric)?.threshold,
      r.threshold,
    )?.threshold;
    return {
      result_key: monitoringResultKey(report, r),
      ai_system_ref: report.entityRef,
      environment: report.environment,
      metric: r.metric,
      slice: r.slice ?? 'all',
      window: r.window ?? '',
      observed_at: new Date(
        `${new Date(r.observedAt).toISOString().slice(0, 19)}Z`,
      ),
      value: r.value,
      sent_threshold: r.threshold ? JSON.stringify(r.threshold) : null,
      threshold: threshold ? JSON.stringify(threshold) : null,
      verdict: judgeValue(r.value, threshold),
      received_at: receivedAt,
      received_by: receivedBy,
    };
  });
}
