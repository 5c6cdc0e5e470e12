import { AISystemEntityV1alpha1 } from '../kind/AISystemEntityV1alpha1';
import {
  DeclaredAISystem,
  DeploymentObservation,
  SourceHealth,
  declaredAISystemFromEntity,
  driftSeverity,
  reconcile,
  sourceHealthAt,
} from './reconcile';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const GRACE = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

const API = 'component:default/payments-api';
const WEB = 'component:default/payments-web';
const FRAUD = 'aisystem:default/fraud-scorer';

const system = (over: Partial<DeclaredAISystem> = {}): DeclaredAISystem => ({
  ref: FRAUD,
  lifecycle: 'production',
  tier: 'minimal-risk',
  impactAssessmentStatus: 'approved',
  models: [{ name: 'fraud-xgb', version: '3.2.0', provider: 'in-house' }],
  dependencyOf: [API],
  deployments: [
    {
      environment: 'production',
      components: [API],
      model: 'fraud-xgb',
      version: '3.2.0',
    },
    {
      environment: 'staging',
      components: [API],
      model: 'fraud-xgb',
      version: '3.2.0',
    },
  ],
  ...over,
});

const obs = (
  over: Partial<DeploymentObservation> = {},
): DeploymentObservation => ({
  sourceId: 'k8s',
  component: API,
  environment: 'production',
  aiSystemRef: FRAUD,
  model: 'fraud-xgb',
  version: '3.2.0',
  observedAt: iso(NOW - MIN),
  ...over,
});
const staging = (over: Partial<DeploymentObservation> = {}) =>
  obs({ environment: 'staging', ...over });
/** The clean baseline: the system seen where declared, at the declared version. */
const clean = [obs(), staging()];

const HEALTH: SourceHealth[] = [
  { sourceId: 'k8s', status: 'healthy' },
  { sourceId: 'ci', status: 'healthy' },
  { sourceId: 'broken', status: 'failed' },
  { sourceId: 'old', status: 'stale' },
];

const key = (type: string, env: string, target = FRAUD, component = API) =>
  `${type}:${component}:${target}:${env}`;

interface Case {
  name: string;
  declared?: DeclaredAISystem[];
  observations: DeploymentObservation[];
  health?: SourceHealth[];
  productionEnvironments?: string[];
  expected: Array<[string, string]>;
}

const cases: Case[] = [
  // clean
  {
    name: 'clean system: seen where declared at the declared version',
    observations: clean,
    expected: [],
  },
  {
    name: 'no observations at all: unknown, nothing to say',
    observations: [],
    expected: [],
  },

  // version-mismatch and canaries
  {
    name: 'version-mismatch in production (low, raised by production)',
    observations: [obs({ version: '3.3.0' }), staging()],
    expected: [[key('version-mismatch', 'production'), 'medium']],
  },
  {
    name: 'version-mismatch outside production for a high-risk system (raised by tier)',
    declared: [system({ tier: 'high-risk' })],
    observations: [obs(), staging({ version: '3.1.0' })],
    expected: [[key('version-mismatch', 'staging'), 'medium']],
  },
  {
    name: 'version-mismatch in production for a high-risk system',
    declared: [system({ tier: 'high-risk' })],
    observations: [obs({ version: '3.1.0' }), staging()],
    expected: [[key('version-mismatch', 'production'), 'high']],
  },
  {
    name: 'canary split with the declared version still running: not drift',
    observations: [
      obs({ weight: 90 }),
      obs({ version: '3.3.0', weight: 10 }),
      staging(),
    ],
    expected: [],
  },
  {
    name: 'canary split between two undeclared versions: mismatch',
    observations: [
      obs({ version: '3.3.0', weight: 90 }),
      obs({ version: '3.4.0', weight: 10 }),
      staging(),
    ],
    expected: [[key('version-mismatch', 'production'), 'medium']],
  },
  {
    name: 'two sources disagree and one sees the declared version: not drift',
    observations: [
      obs({ version: '3.3.0' }),
      obs({ sourceId: 'ci', version: '3.2.0' }),
      staging(),
    ],
    expected: [],
  },
  {
    name: 'observations without a version: version unknown, no mismatch',
    observations: [
      obs({ version: undefined }),
      staging({ version: undefined }),
    ],
    expected: [],
  },
  {
    name: 'no declared version: any version is fine',
    declared: [
      system({
        deployments: [{ environment: 'production', components: [API] }],
      }),
    ],
    observations: [obs({ version: '9.9.9' })],
    expected: [],
  },
  {
    name: 'same version of another model is a mismatch',
    observations: [obs({ model: 'fraud-lgbm' }), staging()],
    expected: [[key('version-mismatch', 'production'), 'medium']],
  },

  // undeclared-ai-usage
  {
    name: 'undeclared: an AI system not in the inventory',
    observations: [
      ...clean,
      obs({
        aiSystemRef: 'aisystem:default/ghost',
        model: undefined,
        version: undefined,
      }),
    ],
    expected: [
      [
        key('undeclared-ai-usage', 'production', 'aisystem:default/ghost'),
        'high',
      ],
    ],
  },
  {
    name: 'undeclared: a known system that does not declare the component',
    observations: [...clean, staging({ component: WEB })],
    expected: [[key('undeclared-ai-usage', 'staging', FRAUD, WEB), 'medium']],
  },
  {
    name: 'undeclared: a model no AI system of the component declares',
    observations: [
      ...clean,
      obs({
        aiSystemRef: undefined,
        provider: 'OpenAI',
        model: 'GPT-4o',
        version: undefined,
      }),
    ],
    expected: [
      [key('undeclared-ai-usage', 'production', 'model:openai/gpt-4o'), 'high'],
    ],
  },
  {
    name: 'undeclared: a model without provider',
    observations: [
      ...clean,
      staging({
        aiSystemRef: undefined,
        provider: undefined,
        model: 'whisper',
        version: undefined,
      }),
    ],
    expected: [
      [
        key('undeclared-ai-usage', 'staging', 'model:unknown/whisper'),
        'medium',
      ],
    ],
  },
  {
    name: 'a model observation maps to the declaring AI system (name and provider)',
    observations: [
      obs({ aiSystemRef: undefined, provider: 'in-house' }),
      staging({
        aiSystemRef: undefined,
        model: 'FRAUD-XGB',
        provider: undefined,
      }),
    ],
    expected: [],
  },
  {
    name: 'a model observation with another provider does not map',
    observations: [
      ...clean,
      obs({ aiSystemRef: undefined, provider: 'openai' }),
    ],
    expected: [
      [
        key('undeclared-ai-usage', 'production', 'model:openai/fraud-xgb'),
        'high',
      ],
    ],
  },
  {
    name: 'a mapped model observation at an undeclared version is a version-mismatch',
    observations: [
      obs({ aiSystemRef: undefined, version: '4.0.0' }),
      staging(),
    ],
    expected: [[key('version-mismatch', 'production'), 'medium']],
  },

  // environment-mismatch
  {
    name: 'environment-mismatch: observed in an environment not declared for the component',
    observations: [...clean, obs({ environment: 'dev' })],
    expected: [[key('environment-mismatch', 'dev'), 'low']],
  },
  {
    name: 'environment-mismatch: the component is only in dependencyOf while deployments name others',
    declared: [system({ dependencyOf: [API, WEB] })],
    observations: [...clean, obs({ component: WEB })],
    expected: [
      [key('environment-mismatch', 'production', FRAUD, WEB), 'medium'],
    ],
  },
  {
    name: 'a system without deployments makes no claim about environments or versions',
    declared: [system({ deployments: [] })],
    observations: [obs({ environment: 'dev', version: '0.0.1' })],
    expected: [],
  },
  {
    name: 'multiple environments: mismatch in production, unknown environment, staging clean',
    observations: [
      obs({ version: '3.3.0' }),
      staging(),
      obs({ environment: 'qa' }),
    ],
    expected: [
      [key('environment-mismatch', 'qa'), 'low'],
      [key('version-mismatch', 'production'), 'medium'],
    ],
  },

  // retired-but-running
  {
    name: 'retired and running outside production: high',
    declared: [system({ lifecycle: 'retired' })],
    observations: [staging()],
    expected: [[key('retired-but-running', 'staging'), 'high']],
  },
  {
    name: 'retired and running in production: critical (retired systems are never "declared-not-observed")',
    declared: [system({ lifecycle: 'Retired' })],
    observations: [
      obs(),
      staging({ aiSystemRef: undefined, model: undefined, version: undefined }),
    ],
    expected: [[key('retired-but-running', 'production'), 'critical']],
  },
  {
    name: 'deprecated and running: medium, high in production',
    declared: [system({ lifecycle: 'deprecated' })],
    observations: clean,
    expected: [
      [key('retired-but-running', 'production'), 'high'],
      [key('retired-but-running', 'staging'), 'medium'],
    ],
  },

  {
    name: 'retired without an assessment in production: retired-but-running only (it owes none)',
    declared: [
      system({ lifecycle: 'Retired', impactAssessmentStatus: 'missing' }),
    ],
    observations: [obs()],
    expected: [[key('retired-but-running', 'production'), 'critical']],
  },
  {
    name: 'retired with a draft in production: retired-but-running only',
    declared: [
      system({
        lifecycle: 'retired',
        impactAssessmentStatus: 'draft',
        tier: 'high-risk',
      }),
    ],
    observations: [obs()],
    expected: [[key('retired-but-running', 'production'), 'critical']],
  },
  {
    name: 'deprecated still owes an assessment: retired-but-running and unassessed-in-production',
    declared: [
      system({ lifecycle: 'deprecated', impactAssessmentStatus: 'missing' }),
    ],
    observations: [obs()],
    expected: [
      [key('retired-but-running', 'production'), 'high'],
      [key('unassessed-in-production', 'production'), 'high'],
    ],
  },

  // unassessed-in-production
  {
    name: 'unassessed-in-production: draft assessment, observed in production',
    declared: [system({ impactAssessmentStatus: 'draft' })],
    observations: clean,
    expected: [[key('unassessed-in-production', 'production'), 'high']],
  },
  {
    name: 'unassessed-in-production: no assessment status counts as missing; high-risk is critical',
    declared: [
      system({ impactAssessmentStatus: undefined, tier: 'high-risk' }),
    ],
    observations: clean,
    expected: [[key('unassessed-in-production', 'production'), 'critical']],
  },
  {
    name: 'an approval past its review date still counts (the overdue review is a compliance finding)',
    declared: [system({ impactAssessmentStatus: 'review-overdue' })],
    observations: clean,
    expected: [],
  },
  {
    name: 'unassessed only in production environments (staging is fine)',
    declared: [system({ impactAssessmentStatus: 'missing' })],
    observations: [staging()],
    expected: [],
  },
  {
    name: 'custom production environments',
    declared: [
      system({
        impactAssessmentStatus: 'in-review',
        deployments: [
          { environment: 'live', components: [API], version: '3.2.0' },
        ],
      }),
    ],
    observations: [obs({ environment: 'LIVE' })],
    productionEnvironments: ['live'],
    expected: [[key('unassessed-in-production', 'live'), 'high']],
  },

  // declared-not-observed and grace windows
  {
    name: 'declared-not-observed: covered (no AI) longer than the grace period',
    observations: [
      staging(),
      obs({
        sourceId: 'ci',
        aiSystemRef: undefined,
        model: undefined,
        version: undefined,
        since: iso(NOW - GRACE - 1),
      }),
    ],
    expected: [[key('declared-not-observed', 'production'), 'medium']],
  },
  {
    name: 'declared-not-observed: just inside the grace period (exactly at it) is no finding',
    observations: [
      staging(),
      obs({
        sourceId: 'ci',
        aiSystemRef: undefined,
        model: undefined,
        version: undefined,
        since: iso(NOW - GRACE),
      }),
    ],
    expected: [],
  },
  {
    name: 'declared-not-observed: covering observedAt is the clock when since is absent',
    observations: [
      obs(),
      staging({
        aiSystemRef: 'aisystem:default/other',
        model: undefined,
        version: undefined,
        observedAt: iso(NOW - GRACE - MIN),
      }),
    ],
    expected: [
      [key('declared-not-observed', 'staging'), 'low'],
      [
        key('undeclared-ai-usage', 'staging', 'aisystem:default/other'),
        'medium',
      ],
    ],
  },
  {
    name: 'declared-not-observed: the earliest covering observation starts the clock',
    observations: [
      staging(),
      obs({
        sourceId: 'ci',
        aiSystemRef: undefined,
        model: undefined,
        version: undefined,
        since: iso(NOW - 10 * MIN),
      }),
      obs({
        aiSystemRef: undefined,
        model: undefined,
        version: undefined,
        since: iso(NOW - 2 * GRACE),
      }),
    ],
    expected: [[key('declared-not-observed', 'production'), 'medium']],
  },
  {
    name: 'declared-not-observed: a recent declaration is inside its grace period',
    declared: [system({ declaredSince: iso(NOW - GRACE + MIN) })],
    observations: [
      staging(),
      obs({
        aiSystemRef: undefined,
        model: undefined,
        version: undefined,
        since: iso(NOW - 3 * GRACE),
      }),
    ],
    expected: [],
  },
  {
    name: 'declared-not-observed: a declaration just outside its grace period',
    declared: [system({ declaredSince: iso(NOW - GRACE - 1) })],
    observations: [
      staging(),
      obs({
        aiSystemRef: undefined,
        model: undefined,
        version: undefined,
        since: iso(NOW - 3 * GRACE),
      }),
    ],
    expected: [[key('declared-not-observed', 'production'), 'medium']],
  },
  {
    name: 'declared-not-observed: no healthy source covers the component/environment → unknown',
    observations: [staging()],
    expected: [],
  },

  // unknown: failed and stale sources
  {
    name: 'failed source: its mismatching observations are unknown, not drift',
    observations: [
      obs({ sourceId: 'broken', version: '3.3.0' }),
      staging({ sourceId: 'broken', aiSystemRef: 'aisystem:default/ghost' }),
    ],
    expected: [],
  },
  {
    name: 'stale source: its observations are unknown, not drift',
    declared: [
      system({ lifecycle: 'retired', impactAssessmentStatus: 'missing' }),
    ],
    observations: [
      obs({ sourceId: 'old', environment: 'dev', version: '0.1.0' }),
    ],
    expected: [],
  },
  {
    name: 'a failed source does not count as coverage (no declared-not-observed)',
    observations: [
      staging(),
      obs({
        sourceId: 'broken',
        aiSystemRef: undefined,
        model: undefined,
        version: undefined,
        since: iso(NOW - 3 * GRACE),
      }),
    ],
    expected: [],
  },
  {
    name: 'a stale source seeing the old version does not spoil a healthy canary-free view',
    observations: [
      obs(),
      obs({ sourceId: 'old', version: '3.0.0' }),
      staging(),
    ],
    expected: [],
  },
  {
    name: 'a stale source seeing the declared version does not hide a healthy mismatch',
    observations: [
      obs({ version: '3.3.0' }),
      obs({ sourceId: 'old' }),
      staging(),
    ],
    expected: [[key('version-mismatch', 'production'), 'medium']],
  },
  {
    name: 'a source missing from sourceHealth is unknown',
    observations: [
      ...clean,
      obs({ sourceId: 'unregistered', aiSystemRef: 'aisystem:default/ghost' }),
    ],
    expected: [],
  },
  {
    name: 'every source unknown: nothing at all',
    observations: [obs({ version: '1.0.0' })],
    health: [{ sourceId: 'k8s', status: 'stale' }],
    expected: [],
  },

  // refs
  {
    name: 'refs and environments compare case-insensitively',
    observations: [
      obs({
        component: 'Component:Default/Payments-API',
        aiSystemRef: 'AISystem:default/Fraud-Scorer',
        environment: 'Production',
      }),
      staging({
        component: 'payments-api',
        aiSystemRef: 'fraud-scorer',
        environment: 'STAGING',
      }),
    ],
    expected: [],
  },
  {
    name: 'keys use lower-case full refs whatever the input spelling',
    declared: [
      system({
        ref: 'AISystem:Default/Fraud-Scorer',
        deployments: [
          {
            environment: 'Production',
            components: ['Payments-API'],
            version: '3.2.0',
          },
        ],
      }),
    ],
    observations: [
      obs({
        component: 'COMPONENT:default/payments-api',
        aiSystemRef: 'fraud-scorer',
        version: '3.3.0',
      }),
    ],
    expected: [[key('version-mismatch', 'production'), 'medium']],
  },
];

describe('reconcile', () => {
  it.each(cases.map(c => [c.name, c] as const))('%s', (_name, c) => {
    const findings = reconcile(
      c.declared ?? [system()],
      c.observations,
      c.health ?? HEALTH,
      {
        now: NOW,
        gracePeriodMs: GRACE,
        productionEnvironments: c.productionEnvironments,
      },
    );
    expect(findings.map(f => [f.key, f.severity])).toEqual(c.expected);
    for (const f of findings) {
      expect(f.entityRef).toBe(f.key.split(':').slice(1, 3).join(':'));
      expect(f.key.startsWith(`${f.type}:`)).toBe(true);
      expect(f.key.endsWith(`:${f.environment}`)).toBe(true);
    }
  });

  it('covers every drift finding type in the table', () => {
    const types = new Set(
      cases.flatMap(c => c.expected.map(([k]) => k.split(':')[0])),
    );
    expect([...types].sort()).toEqual([
      'declared-not-observed',
      'environment-mismatch',
      'retired-but-running',
      'unassessed-in-production',
      'undeclared-ai-usage',
      'version-mismatch',
    ]);
  });

  it('version-mismatch evidence lists every observed version with its share and source', () => {
    const [finding] = reconcile(
      [system()],
      [
        obs({ version: '3.3.0', weight: 3 }),
        obs({ sourceId: 'ci', version: '3.3.0', weight: 1 }),
        obs({ version: '3.4.0', weight: 1 }),
      ],
      HEALTH,
      { now: NOW, gracePeriodMs: GRACE },
    );
    expect(finding).toMatchObject({
      type: 'version-mismatch',
      entityRef: API,
      aiSystemRef: FRAUD,
      environment: 'production',
      evidence: {
        declared: [{ model: 'fraud-xgb', version: '3.2.0' }],
        observed: [
          {
            model: 'fraud-xgb',
            version: '3.3.0',
            share: 0.8,
            sources: ['ci', 'k8s'],
          },
          {
            model: 'fraud-xgb',
            version: '3.4.0',
            share: 0.2,
            sources: ['k8s'],
          },
        ],
      },
    });
    expect((finding.evidence.sources as unknown[]).length).toBe(3);
    expect(finding.evidence.sources).toContainEqual({
      sourceId: 'ci',
      observedAt: iso(NOW - MIN),
      model: 'fraud-xgb',
      version: '3.3.0',
    });
  });

  it('evidence says which source saw what, when, with the source evidence', () => {
    const [finding] = reconcile(
      [system()],
      [
        obs({
          aiSystemRef: 'aisystem:default/ghost',
          evidence: { workload: 'deploy/payments-api' },
        }),
      ],
      HEALTH,
      { now: NOW, gracePeriodMs: GRACE },
    );
    expect(finding.evidence).toEqual({
      reason: 'unknown-ai-system',
      sources: [
        {
          sourceId: 'k8s',
          observedAt: iso(NOW - MIN),
          model: 'fraud-xgb',
          version: '3.2.0',
          evidence: { workload: 'deploy/payments-api' },
        },
      ],
    });
    expect(finding.aiSystemRef).toBe('aisystem:default/ghost');
  });

  it('declared-not-observed evidence names the covering sources and the clock', () => {
    const [finding] = reconcile(
      [system()],
      [
        staging(),
        obs({
          sourceId: 'ci',
          aiSystemRef: undefined,
          model: undefined,
          version: undefined,
          since: iso(NOW - 2 * GRACE),
        }),
      ],
      HEALTH,
      { now: NOW, gracePeriodMs: GRACE },
    );
    expect(finding.evidence).toEqual({
      declared: [{ model: 'fraud-xgb', version: '3.2.0' }],
      coveredSince: iso(NOW - 2 * GRACE),
      gracePeriodMs: GRACE,
      coveredBy: [{ sourceId: 'ci', observedAt: iso(NOW - MIN) }],
    });
  });

  it('keys are stable: a finding resolves when the cause goes and returns with the same key', () => {
    const run = (o: DeploymentObservation[]) =>
      reconcile([system()], o, HEALTH, { now: NOW, gracePeriodMs: GRACE }).map(
        f => f.key,
      );
    const drifted = run([obs({ version: '3.3.0' }), staging()]);
    expect(run(clean)).toEqual([]);
    expect(run([staging(), obs({ version: '3.4.0', sourceId: 'ci' })])).toEqual(
      drifted,
    );
    // Input order does not matter.
    const a = reconcile(
      [system()],
      [obs({ version: '3.3.0' }), obs({ sourceId: 'ci', version: '3.4.0' })],
      HEALTH,
      { now: NOW, gracePeriodMs: GRACE },
    );
    const b = reconcile(
      [system()],
      [obs({ sourceId: 'ci', version: '3.4.0' }), obs({ version: '3.3.0' })],
      HEALTH,
      { now: NOW, gracePeriodMs: GRACE },
    );
    expect(a).toEqual(b);
  });

  it('declares deployments from an AISystem entity through resolveAISystemRefs', () => {
    const entity: AISystemEntityV1alpha1 = {
      apiVersion: 'aims.dev/v1alpha1',
      kind: 'AISystem',
      metadata: { name: 'fraud-scorer', namespace: 'payments' },
      spec: {
        type: 'ml-model',
        lifecycle: 'production',
        owner: 'risk-ml',
        purpose: 'Scores payments',
        role: 'provider',
        dependencyOf: ['payments-api'],
        models: [{ name: 'fraud-xgb', version: '3.2.0' }],
        deployments: [{ environment: 'production' }],
        euAiAct: { tier: 'high-risk' },
      },
    };
    const declared = declaredAISystemFromEntity(entity, {
      impactAssessmentStatus: 'approved',
    });
    expect(declared).toMatchObject({
      ref: 'aisystem:payments/fraud-scorer',
      tier: 'high-risk',
      dependencyOf: ['component:payments/payments-api'],
      deployments: [
        {
          environment: 'production',
          components: ['component:payments/payments-api'],
          model: 'fraud-xgb',
          version: '3.2.0',
        },
      ],
    });
    const findings = reconcile(
      [declared],
      [
        obs({
          component: 'component:payments/payments-api',
          aiSystemRef: 'aisystem:payments/fraud-scorer',
          version: '3.3.0',
        }),
      ],
      HEALTH,
      { now: NOW, gracePeriodMs: GRACE },
    );
    expect(findings.map(f => [f.key, f.severity])).toEqual([
      [
        'version-mismatch:component:payments/payments-api:aisystem:payments/fraud-scorer:production',
        'high',
      ],
    ]);
  });

  it('scales to 5,000 systems, 20,000 components and 100,000 observations', () => {
    const declared: DeclaredAISystem[] = [];
    const observations: DeploymentObservation[] = [];
    const at = iso(NOW - MIN);
    for (let i = 0; i < 5_000; i++) {
      const ref = `aisystem:default/system-${i}`;
      const components = [0, 1, 2, 3].map(
        k => `component:default/service-${i * 4 + k}`,
      );
      declared.push({
        ref,
        lifecycle: 'production',
        tier: 'limited-risk',
        impactAssessmentStatus: 'approved',
        models: [{ name: `model-${i}`, version: '1.0.0' }],
        dependencyOf: components,
        deployments: [
          {
            environment: 'production',
            components,
            model: `model-${i}`,
            version: '1.0.0',
          },
          {
            environment: 'staging',
            components,
            model: `model-${i}`,
            version: '1.0.0',
          },
        ],
      });
      components.forEach((component, k) => {
        const j = i * 4 + k;
        const prodVersion = j % 20 === 0 ? '2.0.0' : '1.0.0';
        observations.push(
          {
            sourceId: 'k8s',
            component,
            environment: 'production',
            aiSystemRef: ref,
            version: prodVersion,
            observedAt: at,
          },
          {
            sourceId: 'ci',
            component,
            environment: 'production',
            model: `model-${i}`,
            version: prodVersion,
            observedAt: at,
          },
          {
            sourceId: 'k8s',
            component,
            environment: 'staging',
            aiSystemRef: ref,
            version: '1.0.0',
            observedAt: at,
          },
          {
            sourceId: 'ci',
            component,
            environment: 'staging',
            aiSystemRef: ref,
            version: '1.0.0',
            observedAt: at,
          },
          {
            sourceId: 'broken',
            component,
            environment: 'production',
            aiSystemRef: 'aisystem:default/ghost',
            observedAt: at,
          },
        );
      });
    }
    expect(observations).toHaveLength(100_000);
    const findings = reconcile(declared, observations, HEALTH, {
      now: NOW,
      gracePeriodMs: GRACE,
    });
    expect(findings).toHaveLength(1_000);
  });
});

describe('driftSeverity', () => {
  it.each([
    ['version-mismatch', false, 'minimal-risk', undefined, 'low'],
    ['version-mismatch', true, 'minimal-risk', undefined, 'medium'],
    ['version-mismatch', true, 'high-risk', undefined, 'high'],
    ['version-mismatch', false, 'prohibited', undefined, 'medium'],
    ['declared-not-observed', false, 'unclassified', undefined, 'low'],
    ['declared-not-observed', true, 'limited-risk', undefined, 'medium'],
    ['environment-mismatch', false, 'high-risk', undefined, 'medium'],
    ['undeclared-ai-usage', false, undefined, undefined, 'medium'],
    ['undeclared-ai-usage', true, undefined, undefined, 'high'],
    ['undeclared-ai-usage', true, 'high-risk', undefined, 'critical'],
    ['retired-but-running', false, 'minimal-risk', 'retired', 'high'],
    ['retired-but-running', true, 'minimal-risk', 'retired', 'critical'],
    ['retired-but-running', true, 'high-risk', 'retired', 'critical'],
    ['retired-but-running', false, 'minimal-risk', 'deprecated', 'medium'],
    ['retired-but-running', true, 'minimal-risk', 'deprecated', 'high'],
    ['unassessed-in-production', true, 'limited-risk', undefined, 'high'],
    ['unassessed-in-production', true, 'high-risk', undefined, 'critical'],
  ] as const)(
    '%s production=%s tier=%s lifecycle=%s → %s',
    (type, production, tier, lifecycle, expected) => {
      expect(driftSeverity({ type, production, tier, lifecycle })).toBe(
        expected,
      );
    },
  );
});

describe('sourceHealthAt', () => {
  const window = 30 * MIN;
  it.each([
    ['healthy: recent success', { lastSuccessAt: iso(NOW - MIN) }, 'healthy'],
    [
      'healthy: exactly at the freshness window',
      { lastSuccessAt: iso(NOW - window) },
      'healthy',
    ],
    [
      'stale: just past the freshness window',
      { lastSuccessAt: iso(NOW - window - 1) },
      'stale',
    ],
    ['stale: never ran', {}, 'stale'],
    [
      'failed: the latest run failed',
      { lastSuccessAt: iso(NOW - 10 * MIN), lastFailureAt: iso(NOW - MIN) },
      'failed',
    ],
    [
      'failed: never succeeded',
      { lastSuccessAt: null, lastFailureAt: iso(NOW - MIN) },
      'failed',
    ],
    [
      'healthy: recovered after a failure',
      { lastSuccessAt: iso(NOW - MIN), lastFailureAt: iso(NOW - 10 * MIN) },
      'healthy',
    ],
    [
      'stale: recovered long ago',
      {
        lastSuccessAt: iso(NOW - 2 * window),
        lastFailureAt: iso(NOW - 3 * window),
      },
      'stale',
    ],
  ] as const)('%s', (_name, state, expected) => {
    expect(sourceHealthAt({ ...state, freshnessWindowMs: window }, NOW)).toBe(
      expected,
    );
    expect(
      sourceHealthAt({ ...state, freshnessWindowMs: window }, new Date(NOW)),
    ).toBe(expected);
  });
});
