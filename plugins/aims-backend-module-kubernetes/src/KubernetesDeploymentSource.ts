import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterObjects,
  KubernetesFetchError,
  ObjectsByEntityResponse,
} from '@backstage/plugin-kubernetes-common';
import {
  DeploymentObservationInput,
  DeploymentSource,
} from '@aims-backstage/backstage-plugin-aims-node';
import { KubernetesSourceOptions } from './config';
import { mapComponentObjects } from './mapping';

export const SOURCE_ID = 'kubernetes';
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 2 },
  initialDelay: { seconds: 30 },
};

const FILTER_EXISTS = CATALOG_FILTER_EXISTS;

/**
 * Resource lists whose failure makes this source's view incomplete. Errors on anything else the
 * Kubernetes plugin fetches for its own UI (configmaps, ingresses, pod metrics, …) are logged,
 * not fatal: a cluster without metrics-server must not make every observation unknown.
 */
const RELEVANT_PLURALS = [
  'deployments',
  'statefulsets',
  'daemonsets',
  'replicasets',
  'pods',
  'inferenceservices',
];

export function isRelevantError(error: KubernetesFetchError): boolean {
  if (!('resourcePath' in error) || !error.resourcePath) return true;
  const path = error.resourcePath;
  if (path.startsWith('/apis/metrics.k8s.io/')) return false;
  const plural = path.split('/').pop() ?? '';
  return RELEVANT_PLURALS.includes(plural);
}

export function describeError(error: KubernetesFetchError): string {
  if (error.errorType === 'FETCH_ERROR') return `FETCH_ERROR ${error.message}`;
  return [error.errorType, error.statusCode, error.resourcePath]
    .filter(v => v !== undefined)
    .join(' ');
}

async function mapConcurrently<T, R>(
  items: T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(concurrency, items.length) },
    async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]);
      }
    },
  );
  await Promise.all(workers);
  return results;
}

export interface KubernetesDeploymentSourceOptions {
  options: KubernetesSourceOptions;
  catalog: CatalogService;
  auth: AuthService;
  discovery: DiscoveryService;
  logger: LoggerService;
  /** Overridable for tests; defaults to the current time. */
  now?: () => Date;
}

/**
 * Reads what runs in Kubernetes for every catalog Component with `backstage.io/kubernetes-id`,
 * through the Kubernetes plugin's REST API (`POST /api/kubernetes/services/:serviceId`), and
 * maps it to deployment observations. Any failure throws: the core then treats this source's
 * observations as unknown instead of reporting drift.
 */
export class KubernetesDeploymentSource implements DeploymentSource {
  readonly id = SOURCE_ID;
  readonly schedule = DEFAULT_SCHEDULE;

  constructor(private readonly deps: KubernetesDeploymentSourceOptions) {
    // the core may call `collect` detached from the object
    this.collect = this.collect.bind(this);
  }

  async collect(context: {
    logger: LoggerService;
    signal?: AbortSignal;
  }): Promise<DeploymentObservationInput[]> {
    const { catalog, auth, options } = this.deps;
    const logger = context.logger ?? this.deps.logger;
    const observedAt = (this.deps.now?.() ?? new Date()).toISOString();

    const { items } = await catalog.getEntities(
      {
        filter: {
          kind: 'Component',
          [`metadata.annotations.${KUBERNETES_ID_ANNOTATION}`]: FILTER_EXISTS,
        },
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    // the filter does this already; kept so a catalog that ignores it cannot widen the query
    const components = items.filter(
      e => e.metadata.annotations?.[KUBERNETES_ID_ANNOTATION],
    );
    if (components.length === 0) return [];

    const baseUrl = await this.deps.discovery.getBaseUrl('kubernetes');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'kubernetes',
    });

    const failures: string[] = [];
    const perComponent = await mapConcurrently(
      components,
      options.concurrency,
      async entity => {
        context.signal?.throwIfAborted();
        const componentRef = stringifyEntityRef(entity);
        try {
          const response = await this.fetchObjects(
            baseUrl,
            token,
            entity,
            context.signal,
          );
          const clusters = this.checkErrors(
            componentRef,
            response.items ?? [],
            logger,
          );
          const { observations, warnings } = mapComponentObjects({
            componentRef,
            clusters,
            options,
            observedAt,
          });
          for (const w of warnings) logger.warn(`${componentRef}: ${w}`);
          return observations;
        } catch (e) {
          failures.push((e as Error).message);
          return [];
        }
      },
    );
    context.signal?.throwIfAborted();
    if (failures.length) {
      // one incomplete component makes the whole run unknown: the core must not see a partial view
      throw new Error(
        `Kubernetes source failed for ${failures.length} of ${
          components.length
        } component(s): ${failures.sort().join(' | ')}`,
      );
    }
    const observations = perComponent.flat();
    logger.info(
      `Kubernetes source: ${observations.length} observation(s) for ${components.length} component(s)`,
    );
    return observations;
  }

  private async fetchObjects(
    baseUrl: string,
    token: string,
    entity: Entity,
    signal?: AbortSignal,
  ): Promise<ObjectsByEntityResponse> {
    const serviceId =
      entity.metadata.annotations?.[KUBERNETES_ID_ANNOTATION] ??
      entity.metadata.name;
    const url = `${baseUrl}/services/${encodeURIComponent(serviceId)}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ entity }),
        signal,
      });
    } catch (e) {
      throw new Error(
        `Kubernetes plugin unreachable for ${stringifyEntityRef(
          entity,
        )} (${url}): ${(e as Error).message}`,
      );
    }
    if (!res.ok) {
      const error = await ResponseError.fromResponse(res);
      throw new Error(
        `Kubernetes plugin answered ${res.status} for ${stringifyEntityRef(
          entity,
        )}: ${error.body?.error?.message ?? error.message}`,
      );
    }
    return (await res.json()) as ObjectsByEntityResponse;
  }

  private checkErrors(
    componentRef: string,
    items: ClusterObjects[],
    logger: LoggerService,
  ) {
    const problems: string[] = [];
    for (const item of items) {
      for (const error of item.errors ?? []) {
        if (isRelevantError(error)) {
          problems.push(
            `cluster '${item.cluster.name}': ${describeError(error)}`,
          );
        } else {
          logger.warn(
            `${componentRef}: ignoring Kubernetes error in cluster '${
              item.cluster.name
            }' (${describeError(error)})`,
          );
        }
      }
    }
    if (problems.length) {
      throw new Error(
        `Kubernetes errors for ${componentRef}: ${problems.join('; ')}`,
      );
    }
    return items;
  }
}
