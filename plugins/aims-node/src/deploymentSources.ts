import {
  createExtensionPoint,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/**
 * One thing a source saw running: an AI system (or an unmapped model) in a component's
 * environment. Refs are entity refs (`component:default/payments-api`,
 * `aisystem:default/fraud-scorer`).
 */
export interface DeploymentObservationInput {
  component: string;
  environment: string;
  /** The AI system, when the source can tell (labels, annotations, image/storageUri patterns). */
  aiSystemRef?: string;
  /** Model name and provider, e.g. for AI the source cannot map to an AISystem. */
  model?: string;
  provider?: string;
  version?: string;
  /** ISO-8601 time the source saw it. */
  observedAt: string;
  /** What the source saw (workload name, image, namespace, …): shown to owners as evidence. */
  evidence?: JsonObject;
}

/**
 * A pull source of "what is deployed" (Kubernetes, a model registry, …). Each run returns the
 * source's complete current view; the AIMS backend stores it, tracks the source's health and
 * reconciles it against the inventory. A run that throws, or a source whose last good run is
 * older than its freshness window, makes its observations unknown — never drift.
 */
export interface DeploymentSource {
  /** Stable id, e.g. `kubernetes`; config `aims.sources.<id>` overrides schedule and freshness. */
  id: string;
  /** Default schedule (global scope: one backend replica runs it at a time). */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Observations older than this (ISO-8601 duration or ms) count as unknown; default 3 × the schedule frequency. */
  freshnessWindowMs?: number;
  collect(context: {
    logger: LoggerService;
    signal?: AbortSignal;
  }): Promise<DeploymentObservationInput[]>;
}

/** Where backend modules register deployment sources (like Tech Insights' fact retrievers). */
export interface DeploymentSourcesExtensionPoint {
  addDeploymentSource(...sources: DeploymentSource[]): void;
}

export const deploymentSourcesExtensionPoint =
  createExtensionPoint<DeploymentSourcesExtensionPoint>({
    id: 'aims.deployment-sources',
  });
