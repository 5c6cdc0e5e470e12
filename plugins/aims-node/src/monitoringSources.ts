import {
  createExtensionPoint,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/**
 * One measured value of one AI system's metric, in the contract format of
 * `POST /api/aims/monitoring/results` (docs/architecture.md "Monitoring results (contract)"),
 * flattened to one result per item. The AIMS backend judges it against the threshold the
 * AISystem declares in `spec.monitoring` (a threshold sent here is recorded beside it; the
 * declared one wins, the stricter where both apply) and never trusts a verdict from a source.
 */
export interface MonitoringResultInput {
  /** The AI system (`aisystem:default/fraud-scorer`). */
  entityRef: string;
  environment: string;
  /** `[a-z0-9_.-]+`, as declared in `spec.monitoring[].metric`. */
  metric: string;
  value: number;
  /** ISO-8601 time the value was observed (stored to the second; the idempotency key uses it). */
  observedAt: string;
  /** Default `all`. */
  slice?: string;
  /** ISO-8601 duration the value summarises, e.g. `P7D`. */
  window?: string;
  threshold?: { min?: number; max?: number };
}

/**
 * A pull source of monitoring results (Prometheus, an evaluation store, …), beside the
 * deployment sources. Each run returns what it measured since it last ran (or its latest
 * values); results already stored are recognised by their idempotency key and stored once. A
 * run that throws changes nothing: the metrics it would have reported go stale, they are never
 * judged on guesses.
 */
export interface MonitoringSource {
  /** Stable id, e.g. `prometheus`; config `aims.monitoringSources.<id>` overrides the schedule. */
  id: string;
  /** Default schedule (global scope: one backend replica runs it at a time). */
  schedule: SchedulerServiceTaskScheduleDefinition;
  collect(context: {
    logger: LoggerService;
    signal?: AbortSignal;
  }): Promise<MonitoringResultInput[]>;
}

/** Where backend modules register monitoring sources. */
export interface MonitoringSourcesExtensionPoint {
  addMonitoringSource(...sources: MonitoringSource[]): void;
}

export const monitoringSourcesExtensionPoint =
  createExtensionPoint<MonitoringSourcesExtensionPoint>({
    id: 'aims.monitoring-sources',
  });
