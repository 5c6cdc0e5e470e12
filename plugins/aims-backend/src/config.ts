import {
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import {
  DEFAULT_RISK_MATRIX,
  parseIsoDuration,
  RiskMatrix,
  validateRiskMatrix,
} from '@aims-backstage/backstage-plugin-aims-common';

/** `aims.risk.matrix`, validated: a bad matrix fails startup naming the config key. */
export function readRiskMatrix(config: RootConfigService): RiskMatrix {
  const c = config.getOptionalConfig('aims.risk.matrix');
  if (!c) return DEFAULT_RISK_MATRIX;
  const matrix: RiskMatrix = {
    likelihoodLevels:
      c.getOptionalNumber('likelihoodLevels') ??
      DEFAULT_RISK_MATRIX.likelihoodLevels,
    impactLevels:
      c.getOptionalNumber('impactLevels') ?? DEFAULT_RISK_MATRIX.impactLevels,
    acceptanceThreshold:
      c.getOptionalNumber('acceptanceThreshold') ??
      DEFAULT_RISK_MATRIX.acceptanceThreshold,
  };
  const problems = validateRiskMatrix(matrix);
  if (problems.length) {
    throw new Error(`Invalid AIMS configuration: ${problems.join('; ')}`);
  }
  return matrix;
}

function readSchedule(
  config: RootConfigService,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  const c = config.getOptionalConfig(key);
  if (!c) return fallback;
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(c);
  } catch (e) {
    throw new Error(
      `Invalid AIMS configuration: ${key}: ${(e as Error).message}`,
    );
  }
}

/** `aims.impactAssessments.importSchedule`, default every 30 minutes. */
export const readImportSchedule = (config: RootConfigService) =>
  readSchedule(config, 'aims.impactAssessments.importSchedule', {
    frequency: { minutes: 30 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
  });

/** `aims.findings.schedule`, default every 10 minutes. */
export const readFindingsSchedule = (config: RootConfigService) =>
  readSchedule(config, 'aims.findings.schedule', {
    frequency: { minutes: 10 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
  });

/**
 * `aims.evidence.expirySchedule`, default every hour: evidence stops counting at its expiry on
 * every read anyway; the task records the `expired` status and its audit entry.
 */
export const readEvidenceExpirySchedule = (config: RootConfigService) =>
  readSchedule(config, 'aims.evidence.expirySchedule', {
    frequency: { hours: 1 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
  });

/** `aims.drift.schedule`, default every 5 minutes. */
export const readDriftSchedule = (config: RootConfigService) =>
  readSchedule(config, 'aims.drift.schedule', {
    frequency: { minutes: 5 },
    timeout: { minutes: 4 },
    initialDelay: { minutes: 1 },
  });

/**
 * `aims.drift.queueSchedule`, default every 30 seconds: drains the drift reconcile queue of
 * deployment reports on every replica (each also drains right after its own reports; this
 * catches what a stopped replica left).
 */
export const readDriftQueueSchedule = (config: RootConfigService) =>
  readSchedule(config, 'aims.drift.queueSchedule', {
    frequency: { seconds: 30 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 10 },
  });

/** `aims.sources.<id>.schedule`, default the source's own schedule. */
export const readSourceSchedule = (
  config: RootConfigService,
  id: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
) => readSchedule(config, `aims.sources.${id}.schedule`, fallback);

const HUMAN_DURATION_MS: Record<string, number> = {
  years: 365 * 24 * 3600_000,
  months: 30 * 24 * 3600_000,
  weeks: 7 * 24 * 3600_000,
  days: 24 * 3600_000,
  hours: 3600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
};

/**
 * Milliseconds of a schedule frequency or duration (HumanDuration or luxon Duration);
 * undefined for cron and manual triggers.
 */
export function durationMs(d: unknown): number | undefined {
  if (!d || typeof d !== 'object') return undefined;
  if (typeof (d as any).toMillis === 'function') return (d as any).toMillis();
  if ('cron' in d || 'trigger' in d) return undefined;
  let ms = 0;
  for (const [unit, value] of Object.entries(d as Record<string, unknown>)) {
    if (typeof value === 'number' && HUMAN_DURATION_MS[unit] !== undefined)
      ms += value * HUMAN_DURATION_MS[unit];
  }
  return ms;
}

function readDurationMs(
  config: RootConfigService,
  key: string,
): number | undefined {
  if (!config.has(key)) return undefined;
  try {
    return durationMs(readDurationFromConfig(config, { key }));
  } catch (e) {
    throw new Error(
      `Invalid AIMS configuration: ${key}: ${(e as Error).message}`,
    );
  }
}

/** `aims.drift.gracePeriod`, default 1 hour. */
export const readDriftGracePeriodMs = (config: RootConfigService) =>
  readDurationMs(config, 'aims.drift.gracePeriod') ?? 3600_000;

/**
 * `aims.drift.queueLease`, default 5 minutes: how long a replica holds the queued components
 * it is reconciling. A replica that dies mid-reconcile leaves its claim behind; another takes
 * those components over once the lease runs out, so this bounds how late their reconcile can
 * be. Keep it well above one reconcile pass (a lease that runs out early only means a
 * component is reconciled twice).
 */
export const readDriftQueueLeaseMs = (config: RootConfigService) =>
  readDurationMs(config, 'aims.drift.queueLease') ?? 5 * 60_000;

/** `aims.drift.productionEnvironments`, default production and prod. */
export const readProductionEnvironments = (config: RootConfigService) =>
  config.getOptionalStringArray('aims.drift.productionEnvironments');

/** `aims.sources.<id>.freshnessWindow`, else the source's own, else 3 × its frequency (1 hour for cron). */
export function readFreshnessWindowMs(
  config: RootConfigService,
  id: string,
  sourceDefault: number | undefined,
  schedule: SchedulerServiceTaskScheduleDefinition,
): number {
  return (
    readDurationMs(config, `aims.sources.${id}.freshnessWindow`) ??
    sourceDefault ??
    3 * (durationMs(schedule.frequency) || 3600_000)
  );
}

/** The push source of CI/CD deployment reports. */
export const DEPLOYMENT_REPORTS_SOURCE = 'deployment-reports';

/**
 * A deployment report stays true until the next one replaces it, so the push source never
 * goes stale unless `aims.sources.deployment-reports.freshnessWindow` says otherwise.
 */
export const readDeploymentReportsFreshnessMs = (config: RootConfigService) =>
  readDurationMs(
    config,
    `aims.sources.${DEPLOYMENT_REPORTS_SOURCE}.freshnessWindow`,
  ) ?? 100 * 365 * 24 * 3600_000;

/**
 * `aims.monitoring.retention` (ISO 8601 duration, default P30D): raw monitoring results older
 * than this are rolled up into daily aggregates (breached results stay raw).
 */
export function readMonitoringRetentionMs(config: RootConfigService): number {
  const value = config.getOptionalString('aims.monitoring.retention');
  if (value === undefined) return 30 * 24 * 3600_000;
  const ms = parseIsoDuration(value);
  if (ms === undefined)
    throw new Error(
      `Invalid AIMS configuration: aims.monitoring.retention must be an ISO 8601 duration such as P30D, got "${value}"`,
    );
  return ms;
}

/** `aims.monitoring.rollUpSchedule`, default every 6 hours. */
export const readMonitoringRollUpSchedule = (config: RootConfigService) =>
  readSchedule(config, 'aims.monitoring.rollUpSchedule', {
    frequency: { hours: 6 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 5 },
  });

/** `aims.monitoringSources.<id>.schedule`, default the source's own schedule. */
export const readMonitoringSourceSchedule = (
  config: RootConfigService,
  id: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
) => readSchedule(config, `aims.monitoringSources.${id}.schedule`, fallback);

/** `aims.monitoring.productionEnvironments`, default the drift's (production and prod). */
export const readMonitoringProductionEnvironments = (
  config: RootConfigService,
) =>
  config.getOptionalStringArray('aims.monitoring.productionEnvironments') ??
  readProductionEnvironments(config);
