import {
  DeclaredAISystem,
  DeploymentObservation,
  DeploymentReport,
  reconcile,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { median } from './measure';

const SOURCES = ['deployment-reports', 'k8s-prod', 'k8s-staging'];
const ENVIRONMENTS = ['production', 'staging'];
const LIFECYCLES = [
  'experimental',
  'production',
  'production',
  'deprecated',
  'retired',
];
const TIERS = [
  'high-risk',
  'limited-risk',
  'minimal-risk',
  'out-of-scope',
] as const;
const STATUSES = ['approved', 'approved', 'draft', 'missing'] as const;

/**
 * The declared side and the observations of a synthetic organisation, in memory: each AI
 * system declares two components (as the bench catalog does) with a production and a staging
 * deployment of its model; observations cycle through a realistic mix — mostly matches, then
 * version drift, undeclared models, AI systems the inventory does not know, systems seen in a
 * component they do not declare, and coverage-only rows (a component deployed without AI).
 */
export function syntheticDrift(size: {
  aiSystems: number;
  components: number;
  observations: number;
}) {
  const { aiSystems, components, observations } = size;
  const declared: DeclaredAISystem[] = [];
  for (let a = 0; a < aiSystems; a++) {
    const comps = [
      `component:default/service-${(a * 4) % components}`,
      `component:default/service-${(a * 4 + 1) % components}`,
    ];
    declared.push({
      ref: `aisystem:default/ai-system-${a}`,
      lifecycle: LIFECYCLES[a % LIFECYCLES.length],
      tier: TIERS[a % TIERS.length],
      impactAssessmentStatus: STATUSES[a % STATUSES.length],
      models: [{ name: `model-${a}`, version: '1.0.0', provider: 'in-house' }],
      dependencyOf: comps,
      deployments: ENVIRONMENTS.map(environment => ({
        environment,
        components: comps,
        model: `model-${a}`,
        version: environment === 'production' ? '1.0.0' : '1.1.0',
      })),
    });
  }
  const observedAt = new Date(Date.now() - 3 * 24 * 3600_000).toISOString();
  const out: DeploymentObservation[] = [];
  for (let i = 0; i < observations; i++) {
    // walk the declared pairs; ten kinds of rows, seven of them matches
    const a = Math.floor(i / 4) % aiSystems;
    const environment = ENVIRONMENTS[i % 2];
    const component = `component:default/service-${
      (a * 4 + ((i >> 1) % 2)) % components
    }`;
    const sourceId = SOURCES[i % SOURCES.length];
    const base = { sourceId, component, environment, observedAt };
    const declaredVersion = environment === 'production' ? '1.0.0' : '1.1.0';
    switch (i % 10) {
      case 7: // version drift
        out.push({
          ...base,
          aiSystemRef: `aisystem:default/ai-system-${a}`,
          model: `model-${a}`,
          version: '2.0.0',
        });
        break;
      case 8: // an undeclared model, or an AI system the inventory does not know
        out.push(
          i % 20 === 8
            ? {
                ...base,
                model: 'gpt-4o-mini',
                provider: 'openai',
                version: '2024-07-18',
              }
            : { ...base, aiSystemRef: `aisystem:default/shadow-${i}` },
        );
        break;
      case 9: // a system seen in a component it does not declare, or coverage only
        out.push(
          i % 20 === 9
            ? {
                ...base,
                aiSystemRef: `aisystem:default/ai-system-${
                  (a + 7) % aiSystems
                }`,
                version: '1.0.0',
              }
            : {
                ...base,
                component: `component:default/service-${
                  (i * 7 + 2) % components
                }`,
              },
        );
        break;
      default:
        out.push({
          ...base,
          aiSystemRef: `aisystem:default/ai-system-${a}`,
          model: `model-${a}`,
          version: declaredVersion,
        });
    }
  }
  return { declared, observations: out };
}

/** Median wall time (ms) of `runs` reconciles of one synthetic size, and the finding count. */
export function timeReconcile(
  size: { aiSystems: number; components: number; observations: number },
  runs: number,
) {
  const { declared, observations } = syntheticDrift(size);
  const health = SOURCES.map(sourceId => ({
    sourceId,
    status: 'healthy' as const,
  }));
  const times: number[] = [];
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    findings = reconcile(declared, observations, health, {
      now: Date.now(),
      gracePeriodMs: 3600_000,
    }).length;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(times), findings };
}

/** Section (i): reconcile at 1/16, 1/4 and full size; the growth exponent of the wall time. */
export function reconcileScaling(
  full: { aiSystems: number; components: number; observations: number },
  runs: number,
) {
  console.log(
    `\ndrift reconcile scaling (pure reconcile, 3 healthy sources, median of ${runs} runs)`,
  );
  const results: number[] = [];
  for (const divisor of [16, 4, 1]) {
    const size = {
      aiSystems: Math.max(1, Math.round(full.aiSystems / divisor)),
      components: Math.max(2, Math.round(full.components / divisor)),
      observations: Math.max(1, Math.round(full.observations / divisor)),
    };
    // warm-up at this size (JIT), not timed
    timeReconcile(
      { ...size, observations: Math.min(size.observations, 1000) },
      1,
    );
    const { ms, findings } = timeReconcile(size, runs);
    results.push(ms);
    const label = divisor === 1 ? 'full' : `1/${divisor}`;
    console.log(
      `  ${label.padEnd(5)} ${String(size.components).padStart(
        6,
      )} components, ${String(size.aiSystems).padStart(5)} AI systems, ${String(
        size.observations,
      ).padStart(7)} observations: ${ms
        .toFixed(1)
        .padStart(8)} ms (${findings} findings)`,
    );
  }
  const exponent = Math.log(results[2] / results[0]) / Math.log(16);
  console.log(
    `  growth exponent log(t_full/t_1/16)/log(16): ${exponent.toFixed(
      2,
    )} (target <= 1.2) ${exponent <= 1.2 ? 'OK' : 'OVER TARGET'}`,
  );
}

/**
 * Deployment reports for the push bench: each names a component of the bench catalog, the AI
 * system that declares it (matching), one that does not (undeclared) and an unmapped model.
 */
export function syntheticReports(
  count: number,
  size: { aiSystems: number; components: number },
  aiPerReport: number,
  runId: string,
) {
  const deployedAt = new Date(Date.now() - 3600_000).toISOString();
  const reports: DeploymentReport[] = [];
  for (let i = 0; i < count; i++) {
    const a = i % size.aiSystems;
    const aiSystems = [
      {
        ref: `aisystem:default/ai-system-${a}`,
        model: `model-${a}`,
        version: '1.0.0',
      },
    ];
    for (let k = 1; k < aiPerReport; k++) {
      aiSystems.push({
        ref: `aisystem:default/ai-system-${(a + k * 11) % size.aiSystems}`,
        model: `model-x${k}`,
        version: '1.0.0',
      });
    }
    reports.push({
      id: `bench-${runId}-${i}`,
      component: `component:default/service-${(a * 4) % size.components}`,
      environment: i % 3 === 0 ? 'staging' : 'production',
      deployedAt,
      aiSystems,
      models: [{ provider: 'openai', name: 'gpt-4o-mini' }],
    });
  }
  return reports;
}

/** `observationTargetKey` of aims-backend's ObservationStore (a change there fails the bench's checks). */
function targetKey(o: DeploymentObservation): string {
  const part = (v?: string) => (v ?? '').trim().toLocaleLowerCase('en-US');
  if (o.aiSystemRef)
    return `ai:${o.aiSystemRef.toLocaleLowerCase('en-US')}|${part(
      o.model,
    )}|${part(o.version)}`;
  if (o.model)
    return `model:${part(o.provider)}/${part(o.model)}|${part(o.version)}`;
  return '-';
}

/**
 * Replaces the stored deployment observations with those of `syntheticDrift(size)` and marks
 * their sources healthy, as the sources' own runs would (direct batch inserts; see seedAims.ts).
 */
export async function seedObservations(
  knex: Knex,
  size: { aiSystems: number; components: number; observations: number },
): Promise<number> {
  const { observations } = syntheticDrift(size);
  const now = new Date();
  const rows = new Map<string, Record<string, unknown>>();
  for (const o of observations) {
    const key = `${o.sourceId}\n${o.component}\n${o.environment}\n${targetKey(
      o,
    )}`;
    rows.set(key, {
      source_id: o.sourceId,
      component: o.component,
      environment: o.environment,
      target_key: targetKey(o),
      ai_system_ref: o.aiSystemRef ?? null,
      model: o.model ?? null,
      provider: o.provider ?? null,
      version: o.version ?? null,
      observed_at: new Date(o.observedAt),
      since: new Date(o.observedAt),
      seen_at: now,
      evidence: null,
    });
  }
  await knex('aims_observations').delete();
  await knex.batchInsert('aims_observations', [...rows.values()] as any[], 500);
  for (const sourceId of SOURCES) {
    await knex('aims_sources')
      .insert({
        source_id: sourceId,
        last_success_at: now,
        freshness_window_ms: 7 * 24 * 3600_000,
      })
      .onConflict('source_id')
      .merge(['last_success_at', 'freshness_window_ms']);
  }
  return rows.size;
}

/**
 * Between timed reconciles: every tenth observation of an AI system flips between its
 * declared version and a drifted one, so each run opens or resolves findings (and notifies)
 * in proportion to the size, as a real day of deployments does.
 */
export async function churnObservations(knex: Knex, run: number) {
  await knex('aims_observations')
    .whereNotNull('ai_system_ref')
    .whereNotNull('model')
    .andWhereRaw('id % 10 = 3')
    .update({ version: run % 2 ? '2.0.0' : '1.0.0' });
}
