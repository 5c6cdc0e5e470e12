/*
 * Monitoring results as a pipeline or scheduled job sends them (`POST /monitoring/results`,
 * docs/architecture.md "Monitoring results (contract)"): checked field by field, and keyed so
 * that a result resent (same system, environment, metric, slice, window and observedAt to the
 * second) is stored once.
 */
import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { FieldProblem } from '../impactAssessment/validate';
import { parseIsoDuration } from './duration';
import { MonitoringThreshold } from './thresholds';

export const MONITORING_METRIC_PATTERN = /^[a-z0-9_.-]+$/;
export const MONITORING_SLICE_PATTERN = /^[A-Za-z0-9_.:-]+$/;
/** Results per report (one system and environment). */
export const MAX_MONITORING_RESULTS = 1000;
/** A result may not claim to be observed later than this after the server's clock. */
export const MONITORING_CLOCK_SKEW_MS = 5 * 60_000;

// types, not interfaces: assignable to the generated API types (open objects)
export type MonitoringResult = {
  metric: string;
  value: number;
  observedAt: string;
  slice?: string;
  window?: string;
  threshold?: MonitoringThreshold;
};

export type MonitoringReport = {
  entityRef: string;
  environment: string;
  results: MonitoringResult[];
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** ISO date-time with a timezone. */
function parseInstant(value: unknown): Date | undefined {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(
      value,
    )
  )
    return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const names = makeValidator();

/**
 * The AI system's ref in full, lower case (default kind AISystem), or undefined; a name or
 * namespace no entity can have (`fraud scorer`) is not a ref, as in a deployment report.
 */
export function monitoringEntityRef(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const ref = parseEntityRef(value.trim(), {
      defaultKind: 'aisystem',
      defaultNamespace: 'default',
    });
    if (
      ref.kind.toLocaleLowerCase('en-US') !== 'aisystem' ||
      !names.isValidNamespace(ref.namespace.toLocaleLowerCase('en-US')) ||
      !names.isValidEntityName(ref.name)
    )
      return undefined;
    return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** Every problem of a report, each naming its field (`results[3].observedAt`). */
export function validateMonitoringReport(
  body: unknown,
  options: { now: Date; maxResults?: number; at?: string },
): FieldProblem[] {
  const prefix = options.at ? `${options.at}.` : '';
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) =>
    problems.push({
      field: `${prefix}${field}`,
      message: `${prefix}${field} ${message}`,
    });
  if (!isObject(body)) {
    add('body', 'must be an object');
    return problems;
  }
  for (const key of Object.keys(body)) {
    if (!['entityRef', 'environment', 'results'].includes(key))
      add(key, 'is not a known field');
  }
  if (
    !monitoringEntityRef(body.entityRef) ||
    (body.entityRef as string).length > 300
  )
    add(
      'entityRef',
      'must be an AISystem entity ref (at most 300 characters), e.g. aisystem:default/fraud-scorer',
    );
  if (
    typeof body.environment !== 'string' ||
    !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(body.environment)
  )
    add('environment', 'must be an environment name (letters, digits, . _ -)');
  const max = options.maxResults ?? MAX_MONITORING_RESULTS;
  if (!Array.isArray(body.results) || body.results.length === 0) {
    add('results', 'must be a non-empty list');
    return problems;
  }
  if (body.results.length > max)
    add('results', `must have at most ${max} results`);
  body.results.slice(0, max).forEach((r, i) => {
    const at = `results[${i}]`;
    if (!isObject(r)) {
      add(at, 'must be an object');
      return;
    }
    for (const key of Object.keys(r)) {
      if (
        ![
          'metric',
          'value',
          'observedAt',
          'slice',
          'window',
          'threshold',
        ].includes(key)
      )
        add(
          `${at}.${key}`,
          'is not a known field (a verdict is never taken from a client)',
        );
    }
    if (
      typeof r.metric !== 'string' ||
      r.metric.length > 100 ||
      !MONITORING_METRIC_PATTERN.test(r.metric)
    )
      add(`${at}.metric`, 'must match [a-z0-9_.-]+ (at most 100 characters)');
    if (typeof r.value !== 'number' || !Number.isFinite(r.value))
      add(`${at}.value`, 'must be a finite number');
    const observed = parseInstant(r.observedAt);
    if (!observed)
      add(`${at}.observedAt`, 'must be an ISO 8601 date-time with a timezone');
    else if (
      observed.getTime() >
      options.now.getTime() + MONITORING_CLOCK_SKEW_MS
    )
      add(`${at}.observedAt`, 'is in the future');
    if (
      r.slice !== undefined &&
      (typeof r.slice !== 'string' ||
        r.slice.length > 100 ||
        !MONITORING_SLICE_PATTERN.test(r.slice))
    )
      add(
        `${at}.slice`,
        'must match [A-Za-z0-9_.:-]+ (at most 100 characters)',
      );
    if (r.window !== undefined && parseIsoDuration(r.window) === undefined)
      add(`${at}.window`, 'must be an ISO 8601 duration such as P7D');
    if (r.threshold !== undefined) {
      const t = r.threshold;
      const unknown = isObject(t)
        ? Object.keys(t).filter(k => k !== 'min' && k !== 'max')
        : [];
      for (const k of unknown)
        add(`${at}.threshold.${k}`, 'is not a known field');
      if (!isObject(t) || (t.min === undefined && t.max === undefined))
        add(
          `${at}.threshold`,
          'must be { min?, max? } with at least one bound',
        );
      else if (!unknown.length) {
        for (const k of ['min', 'max'] as const)
          if (
            t[k] !== undefined &&
            (typeof t[k] !== 'number' || !Number.isFinite(t[k] as number))
          )
            add(`${at}.threshold.${k}`, 'must be a finite number');
        if (
          typeof t.min === 'number' &&
          typeof t.max === 'number' &&
          t.min > t.max
        )
          add(`${at}.threshold`, 'min must not be above max');
      }
    }
  });
  return problems;
}

/** The idempotency key of one result: observedAt to the second. */
export function monitoringResultKey(
  report: { entityRef: string; environment: string },
  result: Pick<MonitoringResult, 'metric' | 'slice' | 'window' | 'observedAt'>,
): string {
  const second = new Date(result.observedAt).toISOString().slice(0, 19);
  return [
    monitoringEntityRef(report.entityRef) ?? report.entityRef,
    report.environment,
    result.metric,
    result.slice ?? 'all',
    result.window ?? '',
    `${second}Z`,
  ].join('|');
}
