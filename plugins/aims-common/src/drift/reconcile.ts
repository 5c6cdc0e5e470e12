import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EuAiActTier } from '../domain/euAiAct';
import { ImpactAssessmentStatus } from '../api/types';
import {
  AISystemEntityV1alpha1,
  AISystemModel,
  getEuAiActTier,
} from '../kind/AISystemEntityV1alpha1';
import { resolveAISystemRefs } from '../kind/refs';
import { FindingDraft } from '../findings/complianceRules';
import { owesImpactAssessment } from '../impactAssessment/obligation';
import { DRIFT_FINDING_TYPES, FindingSeverity } from '../findings/vocabulary';

/*
 * Deployment drift: what the inventory declares (AISystem spec.deployments) against what
 * deployment sources observe (Kubernetes, CI/CD reports, …). Pure: no I/O, no clock — the
 * caller passes `now`. Near-linear: everything is indexed by component/environment in Maps.
 *
 * Rules (documented in detail on `reconcile`):
 * - Only observations of *healthy* sources count. A failed or stale source makes its
 *   observations unknown: they neither raise findings nor prove anything is deployed.
 * - version-mismatch: none of the versions healthy sources see equals a declared one. A canary
 *   split that still runs the declared version is not drift (rollout in progress).
 * - declared-not-observed: a healthy source has covered the component/environment for longer
 *   than the grace period and never saw the system there. No covering source → unknown.
 */

export type DriftFindingType = (typeof DRIFT_FINDING_TYPES)[number];

// ---------------------------------------------------------------------------------------------
// Source health

export const SOURCE_HEALTH_STATUSES = ['healthy', 'failed', 'stale'] as const;
export type SourceHealthStatus = (typeof SOURCE_HEALTH_STATUSES)[number];

/** The health of one deployment source at reconcile time. */
export interface SourceHealth {
  sourceId: string;
  status: SourceHealthStatus;
}

/** What the store knows about a source's runs. */
export interface SourceRunState {
  /** ISO time of the last successful run; null/undefined when it never succeeded. */
  lastSuccessAt?: string | null;
  /** ISO time of the last failed run. */
  lastFailureAt?: string | null;
  /** A last good run older than this makes the source stale. */
  freshnessWindowMs: number;
}

type Instant = number | Date | string;
const toMs = (t: Instant): number => {
  if (typeof t === 'number') return t;
  return typeof t === 'string' ? Date.parse(t) : t.getTime();
};
const parseTime = (t: string | null | undefined): number | undefined => {
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * A source's health at `now`:
 * - `failed` when its latest run failed (last failure strictly after the last success, or it
 *   failed and never succeeded);
 * - `stale` when it never succeeded, or its last success is older than the freshness window
 *   (`now - lastSuccessAt > freshnessWindowMs`; exactly at the window edge is still healthy);
 * - `healthy` otherwise.
 */
export function sourceHealthAt(
  source: SourceRunState,
  now: Instant,
): SourceHealthStatus {
  const success = parseTime(source.lastSuccessAt);
  const failure = parseTime(source.lastFailureAt);
  if (failure !== undefined && (success === undefined || failure > success))
    return 'failed';
  if (success === undefined) return 'stale';
  return toMs(now) - success > source.freshnessWindowMs ? 'stale' : 'healthy';
}

// ---------------------------------------------------------------------------------------------
// Inputs

/** One declared deployment, components resolved (see `resolveAISystemRefs`). */
export interface DeclaredDeployment {
  environment: string;
  components: string[];
  model?: string;
  version?: string;
}

/** An AI system as drift needs it: the inventory's side. */
export interface DeclaredAISystem {
  /** `aisystem:namespace/name`. */
  ref: string;
  lifecycle: string;
  tier: EuAiActTier;
  /** Where the feature exists; absent counts as `missing` (not approved). */
  impactAssessmentStatus?: ImpactAssessmentStatus;
  models: AISystemModel[];
  /** Components that use the system (`spec.dependencyOf`, resolved). */
  dependencyOf?: string[];
  deployments: DeclaredDeployment[];
  /**
   * Optional ISO time the store first saw the current declaration; `declared-not-observed`
   * waits a grace period after it (absent: the declaration is old enough).
   */
  declaredSince?: string;
}

/** Builds the declared side of one AISystem entity with `resolveAISystemRefs`. */
export function declaredAISystemFromEntity(
  entity: AISystemEntityV1alpha1,
  extra: {
    impactAssessmentStatus?: ImpactAssessmentStatus;
    declaredSince?: string;
  } = {},
): DeclaredAISystem {
  const refs = resolveAISystemRefs(entity);
  return {
    ref: refs.self,
    lifecycle: entity.spec.lifecycle,
    tier: getEuAiActTier(entity),
    impactAssessmentStatus: extra.impactAssessmentStatus,
    models: entity.spec.models ?? [],
    dependencyOf: refs.dependencyOf,
    deployments: refs.deployments,
    declaredSince: extra.declaredSince,
  };
}

/**
 * One thing a deployment source saw: an AI system (or a model it could not map) running in a
 * component in an environment. An observation with neither `aiSystemRef` nor `model` says the
 * source saw the component deployed there with no AI: it only counts as coverage.
 * Observations are each source's current view: the store replaces a source's rows for a
 * component/environment when the source reports it again.
 */
export interface DeploymentObservation {
  sourceId: string;
  /** Component ref; the kind defaults to `component`, the namespace to `default`. */
  component: string;
  environment: string;
  /** AISystem ref; the kind defaults to `aisystem`. */
  aiSystemRef?: string;
  /** Model name (mapped to a declared AI system of the component when `aiSystemRef` is absent). */
  model?: string;
  provider?: string;
  version?: string;
  /** ISO time the source last saw this. */
  observedAt: string;
  /** ISO time the source first saw this state (the deployment time); defaults to `observedAt`. */
  since?: string;
  /** Share weight in a split (replicas, traffic percent); defaults to 1. */
  weight?: number;
  /** Source-specific evidence (workload name, report id, pipeline URL, …). */
  evidence?: Record<string, unknown>;
}

export interface ReconcileOptions {
  now: Instant;
  /** How long a covered, declared deployment may stay unobserved before it is a finding. */
  gracePeriodMs: number;
  /** Environments that count as production (case-insensitive); default `production`, `prod`. */
  productionEnvironments?: string[];
}

export const DEFAULT_PRODUCTION_ENVIRONMENTS = ['production', 'prod'];

// ---------------------------------------------------------------------------------------------
// Severity

const LADDER: FindingSeverity[] = ['low', 'medium', 'high', 'critical'];
const BASE_SEVERITY: Record<DriftFindingType, FindingSeverity> = {
  'version-mismatch': 'low',
  'undeclared-ai-usage': 'medium',
  'declared-not-observed': 'low',
  'environment-mismatch': 'low',
  'retired-but-running': 'high',
  'unassessed-in-production': 'medium',
};

/**
 * The one severity rule of drift findings: a base per type (retired-but-running: `high` for a
 * retired system, `medium` for a deprecated one), raised one level in a production
 * environment and one more for an EU AI Act `high-risk` or `prohibited` system, capped at
 * `critical`. (unassessed-in-production is always in production: `high`, `critical` when
 * high-risk.)
 */
export function driftSeverity(input: {
  type: DriftFindingType;
  production: boolean;
  tier?: EuAiActTier;
  lifecycle?: string;
}): FindingSeverity {
  const base =
    input.type === 'retired-but-running' &&
    input.lifecycle?.toLocaleLowerCase('en-US') !== 'retired'
      ? 'medium'
      : BASE_SEVERITY[input.type];
  const steps =
    (input.production ? 1 : 0) +
    (input.tier === 'high-risk' || input.tier === 'prohibited' ? 1 : 0);
  return LADDER[Math.min(LADDER.length - 1, LADDER.indexOf(base) + steps)];
}

// ---------------------------------------------------------------------------------------------
// Reconcile

const lc = (s: string) => s.trim().toLocaleLowerCase('en-US');
const SEP = '\n';

interface Obs {
  sourceId: string;
  component: string;
  environment: string;
  model?: string;
  provider?: string;
  version?: string;
  observedAt: string;
  since: number;
  weight: number;
  evidence?: Record<string, unknown>;
}

interface IndexedSystem {
  decl: DeclaredAISystem;
  ref: string;
  lifecycle: string;
  /** Every component the system declares (dependencyOf and deployments). */
  components: Set<string>;
  /** `component\nenvironment` → the declared deployments there. */
  pairs: Map<string, DeclaredDeployment[]>;
  /** component → declared environments. */
  environmentsByComponent: Map<string, string[]>;
  declaredSince?: number;
}

interface Group {
  component: string;
  environment: string;
  target: string;
  observations: Obs[];
}

function refNormalizer(defaultKind: string) {
  const cache = new Map<string, string | undefined>();
  return (ref: string): string | undefined => {
    let out = cache.get(ref);
    if (out === undefined && !cache.has(ref)) {
      try {
        out = lc(
          stringifyEntityRef(
            parseEntityRef(ref.trim(), {
              defaultKind,
              defaultNamespace: DEFAULT_NAMESPACE,
            }),
          ),
        );
      } catch {
        out = undefined;
      }
      cache.set(ref, out);
    }
    return out;
  };
}

function sourceEvidence(observations: Obs[]) {
  return [...observations]
    .sort(
      (a, b) =>
        a.sourceId.localeCompare(b.sourceId) ||
        a.observedAt.localeCompare(b.observedAt),
    )
    .map(o => ({
      sourceId: o.sourceId,
      observedAt: o.observedAt,
      ...(o.model !== undefined ? { model: o.model } : {}),
      ...(o.provider !== undefined ? { provider: o.provider } : {}),
      ...(o.version !== undefined ? { version: o.version } : {}),
      ...(o.evidence !== undefined ? { evidence: o.evidence } : {}),
    }));
}

const modelMatches = (
  declaredModel: string | undefined,
  observedModel: string | undefined,
) =>
  declaredModel === undefined ||
  observedModel === undefined ||
  lc(declaredModel) === lc(observedModel);

/**
 * Drift findings from what is declared and what healthy sources observe. Returns drafts sorted
 * by key; each sits on the Component (`entityRef`) and names the AI system (`aiSystemRef`).
 * Refs and environments compare case-insensitively; keys use lower-case full refs.
 *
 * Observations:
 * - Only observations whose source is `healthy` in `sourceHealth` count; a source that is
 *   `failed`, `stale` or absent from `sourceHealth` makes its observations unknown.
 * - An observation names its AI system by `aiSystemRef`, or by `model` (+`provider`): mapped to
 *   a system that declares the component and has a model of that name (and provider, when
 *   both give one), preferring one declared for that environment.
 *
 * Findings (keys `<type>:<component>:<aiSystemRef or model:provider/name>:<environment>`):
 * - `undeclared-ai-usage`: an observed AI system that is not in the inventory or does not
 *   declare the component (neither in `dependencyOf` nor in `deployments`), or a model no
 *   system of the component declares (`model:<provider|unknown>/<name>` in the key).
 * - `environment-mismatch`: the system declares deployments, declares the component, but not
 *   in the observed environment. (A system without any `deployments` makes no claim.)
 * - `version-mismatch`: in a declared component/environment with a declared version, when
 *   *no* observed version (observations without a version are ignored) matches a declared
 *   one (same version; same model when both name one). A canary split that still runs the
 *   declared version is no finding. The evidence lists every observed version with its share
 *   (by `weight`, default 1 per observation).
 * - `retired-but-running`: lifecycle `retired` or `deprecated` and observed anywhere.
 * - `unassessed-in-production`: a system that owes an impact assessment (every one but a
 *   retired one, `owesImpactAssessment`) observed in a production environment without an
 *   approved one: status `missing` (also when absent), `draft` or `in-review`. A retired system
 *   running there is `retired-but-running` only. An approval
 *   past its review date (`review-overdue`) still stands — the overdue review is its own
 *   compliance finding (`impact-assessment-review-overdue`), not drift.
 * - `declared-not-observed`: a declared component/environment of a non-retired system that no
 *   healthy source saw the system in, when at least one healthy source covers that
 *   component/environment (has any observation there, coverage-only included), and
 *   `now - max(coveredSince, declaredSince) > gracePeriodMs`, where coveredSince is the
 *   earliest `since` (default `observedAt`) of the covering observations. Exactly at the
 *   grace period is still inside it. No covering healthy source → unknown, no finding.
 */
export function reconcile(
  declared: ReadonlyArray<DeclaredAISystem>,
  observations: ReadonlyArray<DeploymentObservation>,
  sourceHealth: ReadonlyArray<SourceHealth>,
  options: ReconcileOptions,
): FindingDraft[] {
  const now = toMs(options.now);
  const production = new Set(
    (options.productionEnvironments ?? DEFAULT_PRODUCTION_ENVIRONMENTS).map(lc),
  );
  const isProduction = (env: string) => production.has(env);
  const healthy = new Set(
    sourceHealth.filter(s => s.status === 'healthy').map(s => s.sourceId),
  );
  const componentRef = refNormalizer('component');
  const systemRef = refNormalizer('aisystem');

  // Index the declared side.
  const systems = new Map<string, IndexedSystem>();
  /** component → systems declaring it, for mapping model observations. */
  const systemsByComponent = new Map<string, IndexedSystem[]>();
  for (const decl of declared) {
    const ref = systemRef(decl.ref);
    if (!ref) continue;
    const sys: IndexedSystem = {
      decl,
      ref,
      lifecycle: lc(decl.lifecycle),
      components: new Set(),
      pairs: new Map(),
      environmentsByComponent: new Map(),
      declaredSince: parseTime(decl.declaredSince),
    };
    for (const c of decl.dependencyOf ?? []) {
      const comp = componentRef(c);
      if (comp) sys.components.add(comp);
    }
    for (const d of decl.deployments) {
      const env = lc(d.environment);
      for (const c of d.components) {
        const comp = componentRef(c);
        if (!comp) continue;
        sys.components.add(comp);
        const key = comp + SEP + env;
        const list = sys.pairs.get(key);
        if (list) list.push(d);
        else {
          sys.pairs.set(key, [d]);
          const envs = sys.environmentsByComponent.get(comp);
          if (envs) envs.push(env);
          else sys.environmentsByComponent.set(comp, [env]);
        }
      }
    }
    systems.set(ref, sys);
    for (const comp of sys.components) {
      const list = systemsByComponent.get(comp);
      if (list) list.push(sys);
      else systemsByComponent.set(comp, [sys]);
    }
  }

  // Index healthy observations: coverage per component/environment, groups per AI target.
  const coverage = new Map<string, { since: number; observations: Obs[] }>();
  const groups = new Map<string, Group>();
  const addToGroup = (target: string, o: Obs) => {
    const key = o.component + SEP + o.environment + SEP + target;
    const group = groups.get(key);
    if (group) group.observations.push(o);
    else
      groups.set(key, {
        component: o.component,
        environment: o.environment,
        target,
        observations: [o],
      });
  };

  for (const raw of observations) {
    if (!healthy.has(raw.sourceId)) continue;
    const component = componentRef(raw.component);
    const observedAtMs = parseTime(raw.observedAt);
    if (!component || observedAtMs === undefined || !raw.environment) continue;
    const environment = lc(raw.environment);
    const o: Obs = {
      sourceId: raw.sourceId,
      component,
      environment,
      model: raw.model,
      provider: raw.provider,
      version: raw.version,
      observedAt: raw.observedAt,
      since: parseTime(raw.since) ?? observedAtMs,
      weight: raw.weight !== undefined && raw.weight >= 0 ? raw.weight : 1,
      evidence: raw.evidence,
    };
    const pairKey = component + SEP + environment;
    const cov = coverage.get(pairKey);
    if (cov) {
      cov.observations.push(o);
      if (o.since < cov.since) cov.since = o.since;
    } else coverage.set(pairKey, { since: o.since, observations: [o] });

    if (raw.aiSystemRef) {
      const ref = systemRef(raw.aiSystemRef);
      if (ref) addToGroup(ref, o);
    } else if (raw.model) {
      const name = lc(raw.model);
      const provider = raw.provider ? lc(raw.provider) : undefined;
      const candidates = (systemsByComponent.get(component) ?? []).filter(s =>
        s.decl.models.some(
          m =>
            lc(m.name) === name &&
            (!provider || !m.provider || lc(m.provider) === provider),
        ),
      );
      const mapped =
        candidates.find(s => s.pairs.has(pairKey)) ?? candidates[0];
      addToGroup(
        mapped ? mapped.ref : `model:${provider ?? 'unknown'}/${name}`,
        o,
      );
    }
  }

  const findings: FindingDraft[] = [];
  const push = (
    type: DriftFindingType,
    component: string,
    target: string,
    environment: string,
    severity: FindingSeverity,
    evidence: Record<string, unknown>,
    aiSystemRef?: string,
  ) =>
    findings.push({
      key: `${type}:${component}:${target}:${environment}`,
      type,
      entityRef: component,
      ...(aiSystemRef ? { aiSystemRef } : {}),
      environment,
      severity,
      evidence,
    });

  // Findings from what is observed.
  for (const group of groups.values()) {
    const { component, environment, target, observations: obs } = group;
    const prod = isProduction(environment);
    const sources = sourceEvidence(obs);
    if (target.startsWith('model:')) {
      push(
        'undeclared-ai-usage',
        component,
        target,
        environment,
        driftSeverity({ type: 'undeclared-ai-usage', production: prod }),
        {
          reason: 'model-not-declared',
          model: obs[0].model,
          provider: obs[0].provider ?? null,
          sources,
        },
      );
      continue;
    }
    const sys = systems.get(target);
    if (!sys) {
      push(
        'undeclared-ai-usage',
        component,
        target,
        environment,
        driftSeverity({ type: 'undeclared-ai-usage', production: prod }),
        {
          reason: 'unknown-ai-system',
          sources,
        },
        target,
      );
      continue;
    }
    const { tier } = sys.decl;
    if (!sys.components.has(component)) {
      push(
        'undeclared-ai-usage',
        component,
        target,
        environment,
        driftSeverity({ type: 'undeclared-ai-usage', production: prod, tier }),
        {
          reason: 'component-not-declared',
          declaredComponents: [...sys.components].sort(),
          sources,
        },
        target,
      );
    } else if (sys.pairs.size > 0) {
      const entries = sys.pairs.get(component + SEP + environment);
      if (!entries) {
        push(
          'environment-mismatch',
          component,
          target,
          environment,
          driftSeverity({
            type: 'environment-mismatch',
            production: prod,
            tier,
          }),
          {
            declaredEnvironments: [
              ...(sys.environmentsByComponent.get(component) ?? []),
            ].sort(),
            sources,
          },
          target,
        );
      } else {
        const mismatch = versionMismatch(entries, obs);
        if (mismatch) {
          push(
            'version-mismatch',
            component,
            target,
            environment,
            driftSeverity({ type: 'version-mismatch', production: prod, tier }),
            {
              ...mismatch,
              sources,
            },
            target,
          );
        }
      }
    }
    if (sys.lifecycle === 'retired' || sys.lifecycle === 'deprecated') {
      push(
        'retired-but-running',
        component,
        target,
        environment,
        driftSeverity({
          type: 'retired-but-running',
          production: prod,
          tier,
          lifecycle: sys.lifecycle,
        }),
        {
          lifecycle: sys.decl.lifecycle,
          sources,
        },
        target,
      );
    }
    // a system that owes no assessment (retired) is only retired-but-running, never unassessed
    const status = sys.decl.impactAssessmentStatus ?? 'missing';
    if (
      prod &&
      owesImpactAssessment(sys.decl.lifecycle) &&
      status !== 'approved' &&
      status !== 'review-overdue'
    ) {
      push(
        'unassessed-in-production',
        component,
        target,
        environment,
        driftSeverity({
          type: 'unassessed-in-production',
          production: true,
          tier,
        }),
        {
          impactAssessmentStatus: status,
          tier,
          sources,
        },
        target,
      );
    }
  }

  // Findings from what is declared but not seen.
  for (const sys of systems.values()) {
    if (sys.lifecycle === 'retired') continue;
    for (const [pairKey, entries] of sys.pairs) {
      if (groups.has(pairKey + SEP + sys.ref)) continue;
      const cov = coverage.get(pairKey);
      if (!cov) continue; // no healthy source looks there: unknown
      const anchor = Math.max(cov.since, sys.declaredSince ?? -Infinity);
      if (now - anchor <= options.gracePeriodMs) continue;
      const [component, environment] = pairKey.split(SEP);
      push(
        'declared-not-observed',
        component,
        sys.ref,
        environment,
        driftSeverity({
          type: 'declared-not-observed',
          production: isProduction(environment),
          tier: sys.decl.tier,
        }),
        {
          declared: entries.map(e => ({
            model: e.model ?? null,
            version: e.version ?? null,
          })),
          coveredSince: new Date(cov.since).toISOString(),
          gracePeriodMs: options.gracePeriodMs,
          coveredBy: sourceEvidence(cov.observations).map(
            ({ sourceId, observedAt }) => ({ sourceId, observedAt }),
          ),
        },
        sys.ref,
      );
    }
  }

  const byKey = (a: FindingDraft, b: FindingDraft) => {
    if (a.key === b.key) return 0;
    return a.key < b.key ? -1 : 1;
  };
  return findings.sort(byKey);
}

/**
 * The version-mismatch evidence for one declared component/environment, or undefined when
 * there is no mismatch: no declared version, no observed version, or at least one observed
 * version matches a declared deployment (canary / rollout in progress).
 */
function versionMismatch(entries: DeclaredDeployment[], obs: Obs[]) {
  if (!entries.some(e => e.version !== undefined)) return undefined;
  const versioned = obs.filter(o => o.version !== undefined);
  if (!versioned.length) return undefined;
  const matches = (o: Obs) =>
    entries.some(
      e =>
        (e.version === undefined || e.version === o.version) &&
        modelMatches(e.model, o.model),
    );
  if (versioned.some(matches)) return undefined;
  const total = versioned.reduce((sum, o) => sum + o.weight, 0);
  const variants = new Map<
    string,
    { model: string | null; version: string; weight: number; sources: string[] }
  >();
  for (const o of versioned) {
    const key = `${o.model ?? ''}@${o.version}`;
    const v = variants.get(key) ?? {
      model: o.model ?? null,
      version: o.version!,
      weight: 0,
      sources: [],
    };
    v.weight += o.weight;
    if (!v.sources.includes(o.sourceId)) v.sources.push(o.sourceId);
    variants.set(key, v);
  }
  return {
    declared: entries.map(e => ({
      model: e.model ?? null,
      version: e.version ?? null,
    })),
    observed: [...variants.values()]
      .map(v => ({
        model: v.model,
        version: v.version,
        share: total > 0 ? Math.round((v.weight / total) * 10_000) / 10_000 : 0,
        sources: v.sources.sort(),
      }))
      .sort((a, b) => b.share - a.share || a.version.localeCompare(b.version)),
  };
}
