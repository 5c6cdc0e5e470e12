import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DeploymentObservationInput,
  MonitoringResultInput,
} from '@aims-backstage/backstage-plugin-aims-node';
import { PrometheusQueryData, PrometheusSample } from './PrometheusClient';

/**
 * `prometheus.aims.dev/query.<metric>: <PromQL>` on an AISystem: the instant query whose value
 * is that metric (`<metric>` as in `spec.monitoring[].metric`).
 *
 * @public
 */
export const QUERY_ANNOTATION_PREFIX = 'prometheus.aims.dev/query.';
/**
 * `prometheus.aims.dev/environment` on an AISystem: the environment its query results are
 * for. Default `production`.
 *
 * @public
 */
export const ENVIRONMENT_ANNOTATION = 'prometheus.aims.dev/environment';
/**
 * `prometheus.aims.dev/service-name` on a Component: the OpenTelemetry `service.name` it runs
 * as, when that is not its `metadata.name`.
 *
 * @public
 */
export const SERVICE_NAME_ANNOTATION = 'prometheus.aims.dev/service-name';

/** The series label whose value becomes a result's slice. @public */
export const SLICE_LABEL = 'slice';

const METRIC_NAME = /^[a-z0-9_.-]+$/;

// ------------------------------------------------------------------ monitoring queries

/** @public */
export interface DeclaredQuery {
  metric: string;
  query: string;
  /** The annotation it came from (named in warnings). */
  annotation: string;
}

/** @public */
export interface DeclaredQueries {
  entityRef: string;
  environment: string;
  queries: DeclaredQuery[];
  /** One line per bad annotation, naming the entity and the annotation. */
  problems: string[];
}

/**
 * Reads the `prometheus.aims.dev/query.<metric>` annotations of an AISystem. Bad annotations
 * (a metric name outside `[a-z0-9_.-]+`, an empty query, an empty environment) are reported in
 * `problems` and left out; the good ones still run.
 *
 * @public
 */
export function readDeclaredQueries(
  entity: Entity,
  defaultEnvironment: string,
): DeclaredQueries {
  const entityRef = stringifyEntityRef(entity);
  const annotations = entity.metadata.annotations ?? {};
  const problems: string[] = [];
  const queries: DeclaredQuery[] = [];
  let environment = defaultEnvironment;
  const rawEnvironment = annotations[ENVIRONMENT_ANNOTATION];
  if (rawEnvironment !== undefined) {
    if (rawEnvironment.trim()) environment = rawEnvironment.trim();
    else
      problems.push(
        `${entityRef}: annotation ${ENVIRONMENT_ANNOTATION} is empty; using '${defaultEnvironment}'`,
      );
  }
  for (const [annotation, value] of Object.entries(annotations)) {
    if (!annotation.startsWith(QUERY_ANNOTATION_PREFIX)) continue;
    const metric = annotation.slice(QUERY_ANNOTATION_PREFIX.length);
    if (!METRIC_NAME.test(metric)) {
      problems.push(
        `${entityRef}: annotation ${annotation} is ignored: the metric name '${metric}' must match [a-z0-9_.-]+`,
      );
      continue;
    }
    if (typeof value !== 'string' || !value.trim()) {
      problems.push(
        `${entityRef}: annotation ${annotation} is ignored: the PromQL query is empty`,
      );
      continue;
    }
    queries.push({ metric, query: value.trim(), annotation });
  }
  queries.sort((a, b) => a.metric.localeCompare(b.metric));
  return { entityRef, environment, queries, problems };
}

/** @public */
export interface MonitoringMapping {
  results: MonitoringResultInput[];
  warnings: string[];
}

function toIsoSecond(unixSeconds: number): string {
  return new Date(Math.floor(unixSeconds) * 1000).toISOString();
}

/**
 * Turns the answer to one declared query into monitoring results: one per series, the series'
 * `slice` label (if any) as the slice, the evaluation time as `observedAt`. A NaN or infinite
 * value is no measurement and is skipped; two series for one slice are ambiguous (the query
 * should aggregate, e.g. `avg by (slice) (…)`) and that slice is skipped.
 *
 * @public
 */
export function toMonitoringResults(input: {
  entityRef: string;
  environment: string;
  query: DeclaredQuery;
  data: PrometheusQueryData;
}): MonitoringMapping {
  const { entityRef, environment, query, data } = input;
  const where = `${entityRef}: annotation ${query.annotation}`;
  const warnings: string[] = [];
  let samples: Array<{ slice?: string; sample: [number, string] }>;
  if (data.resultType === 'vector') {
    samples = data.result.map((s: PrometheusSample) => ({
      slice: s.metric[SLICE_LABEL] || undefined,
      sample: s.value,
    }));
  } else if (data.resultType === 'scalar') {
    samples = [{ sample: data.result }];
  } else {
    return {
      results: [],
      warnings: [
        `${where}: the query returns a ${data.resultType}, not an instant vector or scalar; nothing reported`,
      ],
    };
  }
  if (samples.length === 0) {
    warnings.push(`${where}: the query returned no series; nothing reported`);
  }
  const perSlice = new Map<string, number>();
  for (const { slice } of samples) {
    const key = slice ?? '';
    perSlice.set(key, (perSlice.get(key) ?? 0) + 1);
  }
  const results: MonitoringResultInput[] = [];
  for (const { slice, sample } of samples) {
    const count = perSlice.get(slice ?? '')!;
    if (count > 1) continue;
    const value = Number(sample[1]);
    if (!Number.isFinite(value)) {
      warnings.push(
        `${where}: value ${sample[1]}${
          slice ? ` for slice '${slice}'` : ''
        } is not a number; skipped`,
      );
      continue;
    }
    results.push({
      entityRef,
      environment,
      metric: query.metric,
      value,
      observedAt: toIsoSecond(sample[0]),
      ...(slice ? { slice } : {}),
    });
  }
  for (const [slice, count] of perSlice) {
    if (count > 1) {
      warnings.push(
        `${where}: ${count} series for ${
          slice ? `slice '${slice}'` : 'no slice label'
        }; aggregate them in the query (e.g. avg by (${SLICE_LABEL}) (…)); skipped`,
      );
    }
  }
  return { results, warnings };
}

// ------------------------------------------------------------------ GenAI usage

/** Labels the GenAI queries keep (OpenTelemetry attribute names with `.` as `_`). @public */
export const GENAI_LABELS = {
  serviceName: 'service_name',
  model: 'gen_ai_request_model',
  provider: 'gen_ai_provider_name',
  /** The older attribute for the provider (semantic conventions before 1.37). */
  system: 'gen_ai_system',
} as const;

function promDuration(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))}s`;
}

function groupLabels(environmentLabel?: string): string[] {
  return [
    'job',
    'instance',
    GENAI_LABELS.serviceName,
    GENAI_LABELS.model,
    GENAI_LABELS.provider,
    GENAI_LABELS.system,
    ...(environmentLabel ? [environmentLabel] : []),
  ];
}

/**
 * The PromQL for "which service called which model within the window" on one counter series
 * (a histogram's `_count`): series whose count grew in the window, or that appeared in it (a
 * process that called once and was then scraped has a count that never grows; OpenTelemetry
 * only exports a series once something was recorded, so its appearance is a call).
 *
 * @public
 */
export function genAiUsageQuery(
  metric: string,
  windowMs: number,
  environmentLabel?: string,
): string {
  const w = promDuration(windowMs);
  return `count by (${groupLabels(environmentLabel).join(', ')}) (
  (increase(${metric}[${w}]) > 0)
  or
  (${metric} unless ${metric} offset ${w})
)`;
}

/**
 * `target_info` (the OpenTelemetry resource as a Prometheus series, per scrape target): where
 * an exporter keeps `service.name` off the data series, it is here, joined by job and instance.
 *
 * @public
 */
export function targetInfoQuery(
  windowMs: number,
  environmentLabel?: string,
): string {
  return `max by (job, instance, ${GENAI_LABELS.serviceName}${
    environmentLabel ? `, ${environmentLabel}` : ''
  }) (last_over_time(target_info[${promDuration(windowMs)}]))`;
}

/** Resolves OpenTelemetry service names to catalog Components. @public */
export interface ComponentIndex {
  resolve(serviceName: string): { componentRef?: string; problem?: string };
  /** Conflicting annotations found while indexing. */
  problems: string[];
}

/**
 * Indexes Components by `prometheus.aims.dev/service-name` (wins) and by `metadata.name`.
 * A service name two components claim is ambiguous and maps to neither.
 *
 * @public
 */
export function indexComponents(components: Entity[]): ComponentIndex {
  const byAnnotation = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, ref: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(ref)) list.push(ref);
    map.set(key, list);
  };
  for (const entity of components) {
    const ref = stringifyEntityRef(entity);
    const annotated = entity.metadata.annotations?.[SERVICE_NAME_ANNOTATION];
    if (annotated?.trim()) add(byAnnotation, annotated.trim(), ref);
    add(byName, entity.metadata.name, ref);
  }
  const problems: string[] = [];
  for (const [service, refs] of byAnnotation) {
    if (refs.length > 1) {
      problems.push(
        `service '${service}' is claimed by ${refs.join(
          ', ',
        )} (annotation ${SERVICE_NAME_ANNOTATION}); it maps to none of them`,
      );
    }
  }
  return {
    problems,
    resolve(serviceName) {
      const annotated = byAnnotation.get(serviceName);
      if (annotated) {
        return annotated.length === 1
          ? { componentRef: annotated[0] }
          : {
              problem: `service '${serviceName}' is claimed by several components: ${annotated.join(
                ', ',
              )}`,
            };
      }
      const named = byName.get(serviceName);
      if (!named) {
        return {
          problem: `service '${serviceName}' matches no catalog Component (by name or annotation ${SERVICE_NAME_ANNOTATION})`,
        };
      }
      if (named.length > 1) {
        return {
          problem: `service '${serviceName}' matches several components by name (${named.join(
            ', ',
          )}); set annotation ${SERVICE_NAME_ANNOTATION} on one`,
        };
      }
      return { componentRef: named[0] };
    },
  };
}

/** @public */
export interface GenAiMappingInput {
  /** The answer to genAiUsageQuery per metric. */
  usage: Array<{ metric: string; samples: PrometheusSample[] }>;
  /** The answer to targetInfoQuery. */
  targetInfo: PrometheusSample[];
  components: ComponentIndex;
  environment: string;
  environmentLabel?: string;
  /** The window in the evidence, e.g. `3600s`. */
  windowMs: number;
  observedAt: string;
}

/** @public */
export interface GenAiMapping {
  observations: DeploymentObservationInput[];
  /** Services seen calling a model that map to no component (logged and skipped). */
  unmapped: string[];
  warnings: string[];
}

type Labels = Record<string, string>;

const targetKey = (labels: Labels) =>
  `${labels.job ?? ''}\u0000${labels.instance ?? ''}`;

function indexTargets(targetInfo: PrometheusSample[]): Map<string, Labels> {
  return new Map(targetInfo.map(s => [targetKey(s.metric), s.metric]));
}

function serviceNameOf(labels: Labels, target?: Labels): string {
  return (
    labels[GENAI_LABELS.serviceName] ||
    target?.[GENAI_LABELS.serviceName] ||
    labels.job?.split('/').pop() ||
    ''
  );
}

/**
 * The service names the usage series name (resolved as in toGenAiObservations), so that only
 * the components that can match them are read from the catalog.
 *
 * @public
 */
export function serviceNamesOf(
  usage: GenAiMappingInput['usage'],
  targetInfo: PrometheusSample[],
): string[] {
  const targets = indexTargets(targetInfo);
  const names = new Set<string>();
  for (const { samples } of usage) {
    for (const { metric: labels } of samples) {
      const name = serviceNameOf(labels, targets.get(targetKey(labels)));
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * Turns GenAI usage series into deployment observations: one per (component, environment,
 * model, provider). The service is the series' `service_name` label, else `target_info`'s for
 * its job and instance, else the `job` label (its last `/` segment: the Collector writes
 * `service.namespace/service.name`). The provider is `gen_ai_provider_name`, else the older
 * `gen_ai_system`.
 *
 * @public
 */
export function toGenAiObservations(input: GenAiMappingInput): GenAiMapping {
  const { environmentLabel } = input;
  const targets = indexTargets(input.targetInfo);
  const warnings: string[] = [];
  const unmapped = new Set<string>();
  const problems = new Set<string>();
  const byKey = new Map<string, DeploymentObservationInput>();
  for (const { metric, samples } of input.usage) {
    for (const { metric: labels } of samples) {
      const target = targets.get(targetKey(labels));
      const serviceName = serviceNameOf(labels, target);
      const model = labels[GENAI_LABELS.model] || undefined;
      const provider =
        labels[GENAI_LABELS.provider] ||
        labels[GENAI_LABELS.system] ||
        undefined;
      if (!serviceName) {
        warnings.push(
          `a ${metric} series has no service_name, target_info or job label; skipped`,
        );
        continue;
      }
      if (!model && !provider) {
        warnings.push(
          `service '${serviceName}': a ${metric} series names no model (${GENAI_LABELS.model}) and no provider (${GENAI_LABELS.provider} / ${GENAI_LABELS.system}); skipped`,
        );
        continue;
      }
      const { componentRef, problem } = input.components.resolve(serviceName);
      if (!componentRef) {
        unmapped.add(serviceName);
        if (problem) problems.add(problem);
        continue;
      }
      const environment =
        (environmentLabel &&
          (labels[environmentLabel] || target?.[environmentLabel])) ||
        input.environment;
      const key = [componentRef, environment, model ?? '', provider ?? ''].join(
        '\u0000',
      );
      const existing = byKey.get(key);
      if (existing) {
        const metrics = (existing.evidence!.metrics as string[]) ?? [];
        if (!metrics.includes(metric)) metrics.push(metric);
        continue;
      }
      const evidenceLabels: Record<string, string> = {};
      for (const name of [
        'job',
        'instance',
        GENAI_LABELS.serviceName,
        GENAI_LABELS.model,
        GENAI_LABELS.provider,
        GENAI_LABELS.system,
        ...(environmentLabel ? [environmentLabel] : []),
      ]) {
        if (labels[name]) evidenceLabels[name] = labels[name];
      }
      byKey.set(key, {
        component: componentRef,
        environment,
        ...(model ? { model } : {}),
        ...(provider ? { provider } : {}),
        observedAt: input.observedAt,
        evidence: {
          source: 'prometheus',
          service: serviceName,
          metric,
          metrics: [metric],
          labels: evidenceLabels,
          window: promDuration(input.windowMs),
        },
      });
    }
  }
  return {
    observations: [...byKey.values()],
    unmapped: [...unmapped].sort(),
    warnings: [...warnings, ...[...problems].sort()],
  };
}
