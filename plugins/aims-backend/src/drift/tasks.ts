import {
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { DEFAULT_NAMESPACE, parseEntityRef } from '@backstage/catalog-model';
import { DeploymentObservation } from '@aims-backstage/backstage-plugin-aims-common';
import { DeploymentSource } from '@aims-backstage/backstage-plugin-aims-node';
import { Knex } from 'knex';
import {
  DEPLOYMENT_REPORTS_SOURCE,
  readDriftQueueSchedule,
  readDriftSchedule,
  readFreshnessWindowMs,
  readSourceSchedule,
} from '../config';
import { ObservationStore } from './ObservationStore';
import { SourceStore } from './SourceStore';
import { DriftQueue } from './DriftQueue';
import { DriftService } from './DriftService';

export const DRIFT_TASK_ID = 'aims-drift-reconcile';
export const DRIFT_QUEUE_TASK_ID = 'aims-drift-queue';
export const sourceTaskId = (id: string) => `aims-deployment-source-${id}`;

const SOURCE_ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** Source observations in canonical form; entries with unusable refs are dropped (logged). */
function toObservations(
  sourceId: string,
  inputs: Awaited<ReturnType<DeploymentSource['collect']>>,
  logger: LoggerService,
): DeploymentObservation[] {
  const out: DeploymentObservation[] = [];
  let dropped = 0;
  for (const o of inputs) {
    try {
      const component = parseEntityRef(o.component, {
        defaultKind: 'component',
        defaultNamespace: DEFAULT_NAMESPACE,
      });
      const aiSystem = o.aiSystemRef
        ? parseEntityRef(o.aiSystemRef, {
            defaultKind: 'aisystem',
            defaultNamespace: DEFAULT_NAMESPACE,
          })
        : undefined;
      const observedAt = new Date(o.observedAt);
      if (!o.environment?.trim() || Number.isNaN(observedAt.getTime()))
        throw new Error('environment and observedAt are required');
      const lc = (s: string) => s.toLocaleLowerCase('en-US');
      out.push({
        sourceId,
        component: lc(
          `${component.kind}:${component.namespace}/${component.name}`,
        ),
        environment: lc(o.environment.trim()),
        ...(aiSystem
          ? {
              aiSystemRef: lc(
                `${aiSystem.kind}:${aiSystem.namespace}/${aiSystem.name}`,
              ),
            }
          : {}),
        ...(o.model ? { model: o.model } : {}),
        ...(o.provider ? { provider: o.provider } : {}),
        ...(o.version ? { version: o.version } : {}),
        observedAt: observedAt.toISOString(),
        // the store keeps the `since` of rows it already has: the first time it was seen
        since: observedAt.toISOString(),
        ...(o.evidence ? { evidence: o.evidence } : {}),
      });
    } catch {
      dropped++;
    }
  }
  if (dropped)
    logger.warn(
      `AIMS deployment source ${sourceId}: ${dropped} observation(s) without a usable component/AI system ref, environment or observedAt were ignored`,
    );
  return out;
}

/**
 * One run of a pull source: its complete current view replaces its stored observations
 * (rows seen again keep `since`, rows not seen are deleted) and the source is marked healthy;
 * a run that throws is recorded as a failure and leaves the observations alone (they count as
 * unknown until the next good run). Drift is reconciled after either.
 */
export async function runDeploymentSource(options: {
  source: DeploymentSource;
  freshnessWindowMs: number;
  knex: Knex;
  observations: ObservationStore;
  sources: SourceStore;
  drift: DriftService;
  logger: LoggerService;
  signal?: AbortSignal;
  clock?: () => Date;
}): Promise<void> {
  const { source, knex, observations, sources, logger } = options;
  const runAt = options.clock ? options.clock() : new Date();
  let collected: DeploymentObservation[];
  try {
    collected = toObservations(
      source.id,
      await source.collect({ logger, signal: options.signal }),
      logger,
    );
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    logger.warn(`AIMS deployment source ${source.id} failed: ${message}`);
    await sources.recordFailure(
      source.id,
      runAt,
      message,
      options.freshnessWindowMs,
    );
    await options.drift.reconcileAll();
    return;
  }
  await knex.transaction(async trx => {
    await observations.replace(source.id, collected, runAt, trx);
    await sources.recordSuccess(
      source.id,
      runAt,
      options.freshnessWindowMs,
      trx,
    );
  });
  logger.info(
    `AIMS deployment source ${source.id}: ${collected.length} observation(s)`,
  );
  await options.drift.reconcileAll();
}

/**
 * Schedules every registered pull source (global scope, `aims.sources.<id>.schedule` and
 * `.freshnessWindow` override the source's defaults) and the drift reconcile
 * (`aims.drift.schedule`), and the drain of the deployment-report reconcile queue
 * (`aims.drift.queueSchedule`, on every replica).
 */
export async function scheduleDriftTasks(options: {
  scheduler: SchedulerService;
  config: RootConfigService;
  logger: LoggerService;
  knex: Knex;
  observations: ObservationStore;
  sources: SourceStore;
  drift: DriftService;
  queue: DriftQueue;
  deploymentSources: readonly DeploymentSource[];
}) {
  const { scheduler, config, logger, drift } = options;
  const seen = new Set<string>([DEPLOYMENT_REPORTS_SOURCE]);
  for (const source of options.deploymentSources) {
    if (!SOURCE_ID.test(source.id) || seen.has(source.id)) {
      throw new Error(
        `AIMS deployment source id "${source.id}" is invalid or registered twice (ids are lower-case slugs; "${DEPLOYMENT_REPORTS_SOURCE}" is reserved)`,
      );
    }
    seen.add(source.id);
    const schedule = readSourceSchedule(config, source.id, source.schedule);
    const freshnessWindowMs = readFreshnessWindowMs(
      config,
      source.id,
      source.freshnessWindowMs,
      schedule,
    );
    await options.sources.register(source.id, freshnessWindowMs);
    const sourceLogger = logger.child({ deploymentSource: source.id });
    await scheduler.scheduleTask({
      id: sourceTaskId(source.id),
      scope: 'global',
      ...schedule,
      fn: async signal =>
        runDeploymentSource({
          ...options,
          source,
          freshnessWindowMs,
          logger: sourceLogger,
          signal: signal as AbortSignal,
        }),
    });
  }
  await scheduler.scheduleTask({
    id: DRIFT_TASK_ID,
    scope: 'global',
    ...readDriftSchedule(config),
    fn: async () => {
      await drift.reconcileAll();
    },
  });
  // local: every replica drains. The queue's own leases keep replicas apart, and a global
  // task's lock would outlive a replica killed mid-run (until its timeout and the scheduler's
  // next clean-up), holding back what the dead replica had queued. After the configured
  // schedule, whose `scope` (undefined when not configured) would otherwise make it global.
  await scheduler.scheduleTask({
    id: DRIFT_QUEUE_TASK_ID,
    ...readDriftQueueSchedule(config),
    scope: 'local',
    fn: async () => {
      await options.queue.drain();
    },
  });
}
