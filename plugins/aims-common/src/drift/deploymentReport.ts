import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { FieldProblem } from '../impactAssessment/validate';
import type { DeploymentObservation } from './reconcile';
import type { components } from '../api/generated/openapi';

/** One AI system a deployment runs (`aiSystems[]` of a deployment report, contract). */
export type DeploymentReportAISystem =
  components['schemas']['DeploymentReportAISystem'];

/** AI the reporter cannot map to an AISystem (`models[]` of a deployment report, contract). */
export type DeploymentReportModel =
  components['schemas']['DeploymentReportModel'];

/**
 * `POST /api/aims/deployments` (contract, defined by the OpenAPI spec): what CI/CD deployed
 * where. `id` is the idempotency key (the same id twice is stored once). `aiSystems` and
 * `models` may be absent or empty: a report with neither says the component now runs in that
 * environment without AI.
 */
export type DeploymentReport = components['schemas']['DeploymentReport'];

/** A validated report with refs fully qualified and lower-case, and both lists present. */
export type NormalizedDeploymentReport = Required<DeploymentReport>;

export const DEPLOYMENT_REPORT_LIMITS = {
  idMaxLength: 200,
  maxAISystems: 100,
  maxModels: 100,
  /** model, version, provider and name fields. */
  maxTextLength: 200,
  environmentMaxLength: 63,
  /** How far in the future `deployedAt` may be (clock skew between CI runners and the portal). */
  maxFutureSkewMs: 5 * 60 * 1000,
} as const;

const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
/** A slug: lower-case letters and digits in words joined by single hyphens. */
const ENVIRONMENT_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** ISO-8601 date-time with an explicit timezone (`Z` or `±hh:mm`). */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

const TOP_FIELDS = [
  'id',
  'component',
  'environment',
  'deployedAt',
  'aiSystems',
  'models',
];
const AI_SYSTEM_FIELDS = ['ref', 'model', 'version'];
const MODEL_FIELDS = ['provider', 'name', 'version'];

const names = makeValidator();
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a ref of one kind (default kind = that kind); undefined when it is not one. */
function parseRefOfKind(
  value: string,
  kind: string,
): CompoundEntityRef | undefined {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value, {
      defaultKind: kind,
      defaultNamespace: DEFAULT_NAMESPACE,
    });
  } catch {
    return undefined;
  }
  if (
    ref.kind.toLocaleLowerCase('en-US') !== kind ||
    !names.isValidNamespace(ref.namespace.toLocaleLowerCase('en-US')) ||
    !names.isValidEntityName(ref.name)
  ) {
    return undefined;
  }
  return ref;
}

/** `kind:namespace/name`, all lower-case (entity refs compare case-insensitively). */
function normalizeRef(value: string, kind: string): string {
  const ref = parseEntityRef(value.trim(), {
    defaultKind: kind,
    defaultNamespace: DEFAULT_NAMESPACE,
  });
  return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
}

/** Is this an ISO-8601 date-time with a timezone, on a real calendar day? Returns epoch ms. */
export function parseIsoDateTimeWithZone(value: string): number | undefined {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [
    m[1],
    m[2],
    m[3],
    m[4],
    m[5],
    m[6] ?? '0',
  ].map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59))
    return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Validates a deployment report (the body of `POST /api/aims/deployments`). Every problem names
 * its field (`aiSystems[1].ref must be an entity ref of kind AISystem`); an empty list means
 * valid. Runs in the CLI before sending and on the server.
 */
export function validateDeploymentReport(
  input: unknown,
  options: { now?: number } = {},
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) =>
    problems.push({ field, message: `${field} ${message}` });
  if (!isObject(input))
    return [{ field: 'report', message: 'report must be a JSON object' }];
  const now = options.now ?? Date.now();
  const L = DEPLOYMENT_REPORT_LIMITS;

  for (const key of Object.keys(input))
    if (!TOP_FIELDS.includes(key)) add(key, 'is not a known field');

  const requiredString = (field: string, value: unknown): value is string => {
    if (value === undefined || value === null) {
      add(field, 'is required');
      return false;
    }
    if (typeof value !== 'string') {
      add(field, 'must be a string');
      return false;
    }
    return true;
  };
  const optionalText = (field: string, value: unknown) => {
    if (value === undefined) return;
    if (typeof value !== 'string' || !value.trim())
      add(field, 'must be a non-empty string');
    else if (value.length > L.maxTextLength)
      add(field, `must be at most ${L.maxTextLength} characters`);
  };
  const requiredText = (field: string, value: unknown) => {
    if (!requiredString(field, value)) return;
    if (!value.trim()) add(field, 'must not be empty');
    else if (value.length > L.maxTextLength)
      add(field, `must be at most ${L.maxTextLength} characters`);
  };

  const { id, component, environment, deployedAt, aiSystems, models } = input;
  if (
    requiredString('id', id) &&
    (id.length < 1 || id.length > L.idMaxLength || !ID_PATTERN.test(id))
  ) {
    add('id', `must be 1-${L.idMaxLength} characters of A-Z a-z 0-9 . _ : -`);
  }
  if (
    requiredString('component', component) &&
    !parseRefOfKind(component.trim(), 'component')
  ) {
    add(
      'component',
      'must be an entity ref of kind Component (component:namespace/name)',
    );
  }
  if (
    requiredString('environment', environment) &&
    (environment.length > L.environmentMaxLength ||
      !ENVIRONMENT_PATTERN.test(environment))
  ) {
    add(
      'environment',
      `must be a slug: lower-case letters, digits and single hyphens, at most ${L.environmentMaxLength} characters`,
    );
  }
  if (requiredString('deployedAt', deployedAt)) {
    const at = parseIsoDateTimeWithZone(deployedAt);
    if (at === undefined)
      add(
        'deployedAt',
        'must be an ISO-8601 date-time with a timezone (2026-11-20T10:00:00Z)',
      );
    else if (at > now + L.maxFutureSkewMs)
      add('deployedAt', 'must not be more than 5 minutes in the future');
  }

  if (aiSystems !== undefined) {
    if (!Array.isArray(aiSystems)) add('aiSystems', 'must be an array');
    else if (aiSystems.length > L.maxAISystems)
      add('aiSystems', `must have at most ${L.maxAISystems} entries`);
    else {
      const seen = new Map<string, number>();
      aiSystems.forEach((entry, i) => {
        const at = `aiSystems[${i}]`;
        if (!isObject(entry)) {
          add(at, 'must be an object');
          return;
        }
        for (const key of Object.keys(entry))
          if (!AI_SYSTEM_FIELDS.includes(key))
            add(`${at}.${key}`, 'is not a known field');
        if (requiredString(`${at}.ref`, entry.ref)) {
          if (!parseRefOfKind(entry.ref.trim(), 'aisystem'))
            add(`${at}.ref`, 'must be an entity ref of kind AISystem');
          else {
            const key = `${normalizeRef(entry.ref, 'aisystem')}@${
              typeof entry.model === 'string' ? entry.model.trim() : ''
            }`;
            const first = seen.get(key);
            if (first !== undefined)
              add(
                `${at}.ref`,
                `repeats aiSystems[${first}] (same AI system and model)`,
              );
            else seen.set(key, i);
          }
        }
        optionalText(`${at}.model`, entry.model);
        optionalText(`${at}.version`, entry.version);
      });
    }
  }

  if (models !== undefined) {
    if (!Array.isArray(models)) add('models', 'must be an array');
    else if (models.length > L.maxModels)
      add('models', `must have at most ${L.maxModels} entries`);
    else {
      models.forEach((entry, i) => {
        const at = `models[${i}]`;
        if (!isObject(entry)) {
          add(at, 'must be an object');
          return;
        }
        for (const key of Object.keys(entry))
          if (!MODEL_FIELDS.includes(key))
            add(`${at}.${key}`, 'is not a known field');
        requiredText(`${at}.provider`, entry.provider);
        requiredText(`${at}.name`, entry.name);
        optionalText(`${at}.version`, entry.version);
      });
    }
  }
  return problems;
}

/**
 * A valid report in canonical form: refs fully qualified and lower-case
 * (`component:default/payments-api`), strings trimmed, provider lower-case, `deployedAt` as
 * UTC ISO, both lists present. Call it only on a report `validateDeploymentReport` accepted.
 */
export function normalizeDeploymentReport(
  report: DeploymentReport,
): NormalizedDeploymentReport {
  const trimmed = <K extends string>(key: K, v: string | undefined) =>
    (v === undefined ? {} : { [key]: v.trim() }) as Partial<Record<K, string>>;
  return {
    id: report.id,
    component: normalizeRef(report.component, 'component'),
    environment: report.environment.trim().toLocaleLowerCase('en-US'),
    deployedAt: new Date(Date.parse(report.deployedAt)).toISOString(),
    aiSystems: (report.aiSystems ?? []).map(s => ({
      ref: normalizeRef(s.ref, 'aisystem'),
      ...trimmed('model', s.model),
      ...trimmed('version', s.version),
    })),
    models: (report.models ?? []).map(m => ({
      provider: m.provider.trim().toLocaleLowerCase('en-US'),
      name: m.name.trim(),
      ...trimmed('version', m.version),
    })),
  };
}

/**
 * The observations a (normalized) report stands for, for drift reconcile: one per AI system,
 * one per unmapped model, or a single coverage-only observation when the report names no AI
 * (the component runs there without AI, so declared systems missing from it can be flagged).
 * `observedAt` is the deployment time; the store should replace the previous report's
 * observations for the same source, component and environment.
 */
export function deploymentReportToObservations(
  report: NormalizedDeploymentReport,
  sourceId = 'deployment-reports',
): DeploymentObservation[] {
  const base = {
    sourceId,
    component: report.component,
    environment: report.environment,
    observedAt: report.deployedAt,
    since: report.deployedAt,
    evidence: { reportId: report.id },
  };
  const out: DeploymentObservation[] = [
    ...report.aiSystems.map(s => ({
      ...base,
      aiSystemRef: s.ref,
      model: s.model,
      version: s.version,
    })),
    ...report.models.map(m => ({
      ...base,
      provider: m.provider,
      model: m.name,
      version: m.version,
    })),
  ];
  return out.length ? out : [base];
}
