import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeploymentObservationInput,
  DeploymentSource,
  MonitoringResultInput,
  MonitoringSource,
} from '@aims-backstage/backstage-plugin-aims-node';
import { DEFAULT_ENVIRONMENT, PrometheusSourceOptions } from './config';
import {
  genAiUsageQuery,
  indexComponents,
  readDeclaredQueries,
  SERVICE_NAME_ANNOTATION,
  serviceNamesOf,
  targetInfoQuery,
  toGenAiObservations,
  toMonitoringResults,
} from './mapping';
import {
  PrometheusClient,
  PrometheusQueryError,
  PrometheusSample,
} from './PrometheusClient';

/** Source ids (config `aims.monitoringSources.<id>` / `aims.sources.<id>` in the core). */
export const MONITORING_SOURCE_ID = 'prometheus';
export const GENAI_SOURCE_ID = 'prometheus-genai';

export interface PrometheusSourceDeps {
  options: PrometheusSourceOptions;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Overridable for tests; defaults to the current time. */
  now?: () => Date;
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

/** What a source's `collect` is given by the core. */
interface CollectContext {
  logger: LoggerService;
  signal?: AbortSignal;
}

/**
 * What both Prometheus sources share: a client of the configured Prometheus, the schedule the
 * options give the source, and a `collect` the core may call detached from the object.
 */
abstract class PrometheusSource<Collected> {
  readonly schedule: SchedulerServiceTaskScheduleDefinition;
  protected readonly client: PrometheusClient;

  constructor(
    protected readonly deps: PrometheusSourceDeps,
    schedule: SchedulerServiceTaskScheduleDefinition,
  ) {
    this.schedule = schedule;
    this.client = new PrometheusClient(deps.options.connection);
    this.collect = this.collect.bind(this);
  }

  abstract collect(context: CollectContext): Promise<Collected[]>;

  /** The run's logger (the core's, else the module's) and the instant its queries ask about. */
  protected run(context: CollectContext) {
    return {
      logger: context.logger ?? this.deps.logger,
      time: this.deps.now?.() ?? new Date(),
    };
  }
}

/**
 * Monitoring source `prometheus`: runs the instant queries AISystems declare with
 * `prometheus.aims.dev/query.<metric>` and reports one result per series. A query Prometheus
 * refuses (bad PromQL) is logged with the entity and annotation and skipped; Prometheus being
 * unavailable throws, so those metrics go stale instead of being judged on nothing.
 */
export class PrometheusMonitoringSource
  extends PrometheusSource<MonitoringResultInput>
  implements MonitoringSource
{
  readonly id = MONITORING_SOURCE_ID;

  constructor(deps: PrometheusSourceDeps) {
    super(deps, deps.options.monitoring.schedule);
  }

  async collect(context: CollectContext): Promise<MonitoringResultInput[]> {
    const { logger, time } = this.run(context);
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: 'AISystem' },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
        ],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const declared = items.map(e =>
      readDeclaredQueries(e, DEFAULT_ENVIRONMENT),
    );
    for (const problem of declared.flatMap(d => d.problems)) {
      logger.warn(`Prometheus monitoring source: ${problem}`);
    }
    const jobs = declared.flatMap(d =>
      d.queries.map(query => ({ declared: d, query })),
    );
    const perQuery = await mapConcurrently(
      jobs,
      this.deps.options.concurrency,
      async ({ declared: d, query }) => {
        context.signal?.throwIfAborted();
        try {
          const data = await this.client.query(
            query.query,
            time,
            context.signal,
          );
          const { results, warnings } = toMonitoringResults({
            entityRef: d.entityRef,
            environment: d.environment,
            query,
            data,
          });
          for (const w of warnings)
            logger.warn(`Prometheus monitoring source: ${w}`);
          return results;
        } catch (e) {
          if (e instanceof PrometheusQueryError) {
            logger.warn(
              `Prometheus monitoring source: ${d.entityRef}: annotation ${query.annotation}: Prometheus refused the query (${e.message}); skipped`,
            );
            return [];
          }
          // Prometheus unavailable: the whole run fails, nothing is reported from guesses
          throw e;
        }
      },
    );
    const results = perQuery.flat();
    logger.info(
      `Prometheus monitoring source: ${results.length} result(s) from ${
        jobs.length
      } query(ies) of ${
        declared.filter(d => d.queries.length).length
      } AI system(s)`,
    );
    return results;
  }
}

/**
 * Deployment source `prometheus-genai`: which catalog Component called which model, from the
 * OpenTelemetry GenAI client metrics in Prometheus. Any failure (Prometheus or catalog) throws:
 * the core then treats this source's observations as unknown — an empty answer would read as
 * "no AI used anywhere".
 */
export class PrometheusGenAiSource
  extends PrometheusSource<DeploymentObservationInput>
  implements DeploymentSource
{
  readonly id = GENAI_SOURCE_ID;

  constructor(deps: PrometheusSourceDeps) {
    super(deps, deps.options.genai.schedule);
  }

  async collect(
    context: CollectContext,
  ): Promise<DeploymentObservationInput[]> {
    const { logger, time } = this.run(context);
    const { genai } = this.deps.options;

    const vector = async (query: string): Promise<PrometheusSample[]> => {
      const data = await this.client.query(query, time, context.signal);
      if (data.resultType !== 'vector') {
        throw new Error(`Prometheus answered a ${data.resultType} to ${query}`);
      }
      return data.result;
    };
    // a refused query is a failure here too: a partial view would read as "no longer used"
    const usage = await Promise.all(
      genai.metrics.map(async metric => ({
        metric,
        samples: await vector(
          genAiUsageQuery(metric, genai.windowMs, genai.environmentLabel),
        ),
      })),
    );
    const seen = usage.some(u => u.samples.length > 0);
    const targetInfo = seen
      ? await vector(targetInfoQuery(genai.windowMs, genai.environmentLabel))
      : [];
    // only the components that can match a service seen: the catalog may hold 50,000 entities
    const names = serviceNamesOf(usage, targetInfo);
    const { items } = names.length
      ? await this.deps.catalog.getEntities(
          {
            filter: [
              { kind: 'Component', 'metadata.name': names },
              {
                kind: 'Component',
                [`metadata.annotations.${SERVICE_NAME_ANNOTATION}`]: names,
              },
            ],
            fields: [
              'kind',
              'metadata.namespace',
              'metadata.name',
              'metadata.annotations',
            ],
          },
          { credentials: await this.deps.auth.getOwnServiceCredentials() },
        )
      : { items: [] };
    const components = indexComponents(items);
    for (const p of components.problems)
      logger.warn(`Prometheus GenAI source: ${p}`);

    const { observations, unmapped, warnings } = toGenAiObservations({
      usage,
      targetInfo,
      components,
      environment: genai.environment,
      environmentLabel: genai.environmentLabel,
      windowMs: genai.windowMs,
      observedAt: time.toISOString(),
    });
    for (const w of warnings) logger.warn(`Prometheus GenAI source: ${w}`);
    if (unmapped.length) {
      logger.info(
        `Prometheus GenAI source: skipped ${
          unmapped.length
        } service(s) that map to no component: ${unmapped.join(', ')}`,
      );
    }
    logger.info(
      `Prometheus GenAI source: ${observations.length} observation(s) of GenAI usage`,
    );
    return observations;
  }
}
