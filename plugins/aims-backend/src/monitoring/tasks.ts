import {
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  MonitoringReport,
  MonitoringResult,
  MAX_MONITORING_RESULTS,
} from '@aims-backstage/backstage-plugin-aims-common';
import {
  MonitoringResultInput,
  MonitoringSource,
} from '@aims-backstage/backstage-plugin-aims-node';
import {
  readMonitoringRollUpSchedule,
  readMonitoringSourceSchedule,
} from '../config';
import { MonitoringIngest } from './MonitoringIngest';
import { MonitoringRollUp } from './MonitoringRollUp';

export const MONITORING_ROLLUP_TASK_ID = 'aims-monitoring-rollup';
export const monitoringSourceTaskId = (id: string) =>
  `aims-monitoring-source-${id}`;

const SOURCE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The flat results of a source as reports: one per AI system and environment. */
export function monitoringReportsOf(
  inputs: readonly MonitoringResultInput[],
): MonitoringReport[] {
  const scopes = new Map<string, MonitoringReport>();
  for (const { entityRef, environment, ...result } of inputs) {
    const key = `${entityRef}\n${environment}`;
    const report = scopes.get(key) ?? { entityRef, environment, results: [] };
    report.results.push(result as MonitoringResult);
    scopes.set(key, report);
  }
  // a report holds at most MAX_MONITORING_RESULTS results
  return [...scopes.values()].flatMap(r => {
    const parts: MonitoringReport[] = [];
    for (let i = 0; i < r.results.length; i += MAX_MONITORING_RESULTS)
      parts.push({
        ...r,
        results: r.results.slice(i, i + MAX_MONITORING_RESULTS),
      });
    return parts;
  });
}

/**
 * One run of a monitoring source: what it collected goes through the same ingest as
 * `POST /monitoring/results`, as `monitoring-source:<id>` (validated, judged, stored once). A
 * run that throws changes nothing (its metrics go stale rather than being guessed); a report
 * refused (invalid, unknown AI system) is logged and the others are stored.
 */
export async function runMonitoringSource(options: {
  source: MonitoringSource;
  ingest: MonitoringIngest;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<{ stored: number; duplicates: number; refused: number }> {
  const { source, ingest, logger } = options;
  let collected: MonitoringResultInput[];
  try {
    collected = await source.collect({ logger, signal: options.signal });
  } catch (e) {
    logger.warn(
      `AIMS monitoring source ${source.id} failed: ${
        (e as Error)?.message ?? String(e)
      }`,
    );
    return { stored: 0, duplicates: 0, refused: 0 };
  }
  let stored = 0;
  let duplicates = 0;
  let refused = 0;
  for (const report of monitoringReportsOf(collected)) {
    try {
      const result = await ingest.ingestAs(
        `monitoring-source:${source.id}`,
        report,
      );
      stored += result.stored;
      duplicates += result.duplicates;
    } catch (e) {
      refused += report.results.length;
      logger.warn(
        `AIMS monitoring source ${source.id}: results of ${
          report.entityRef
        } in ${report.environment} refused: ${(e as Error).message}`,
      );
    }
  }
  logger.info(
    `AIMS monitoring source ${source.id}: ${stored} stored, ${duplicates} duplicate(s), ${refused} refused`,
  );
  return { stored, duplicates, refused };
}

/**
 * Schedules every registered monitoring source (global scope; `aims.monitoringSources.<id>.schedule`
 * overrides its own) and the retention roll-up (`aims.monitoring.rollUpSchedule`).
 */
export async function scheduleMonitoringTasks(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  logger: LoggerService;
  ingest: MonitoringIngest;
  rollUp: MonitoringRollUp;
  monitoringSources: readonly MonitoringSource[];
}) {
  const { scheduler, config, logger } = options;
  const seen = new Set<string>();
  for (const source of options.monitoringSources) {
    if (!SOURCE_ID.test(source.id) || seen.has(source.id)) {
      throw new Error(
        `AIMS monitoring source id "${source.id}" is invalid or registered twice (ids are lower-case slugs)`,
      );
    }
    seen.add(source.id);
    const sourceLogger = logger.child({ monitoringSource: source.id });
    await scheduler.scheduleTask({
      id: monitoringSourceTaskId(source.id),
      scope: 'global',
      ...readMonitoringSourceSchedule(config, source.id, source.schedule),
      fn: async signal => {
        await runMonitoringSource({
          source,
          ingest: options.ingest,
          logger: sourceLogger,
          signal: signal as AbortSignal,
        });
      },
    });
  }
  await scheduler.scheduleTask({
    id: MONITORING_ROLLUP_TASK_ID,
    scope: 'global',
    ...readMonitoringRollUpSchedule(config),
    fn: async () => {
      await options.rollUp.run();
    },
  });
}
