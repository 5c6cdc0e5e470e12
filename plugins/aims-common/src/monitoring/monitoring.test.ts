import { parseIsoDuration } from './duration';
import { effectiveThreshold, judgeValue } from './thresholds';
import { isStale } from './staleness';
import { mergeDailyAggregates, rollUpDaily } from './rollup';
import { monitoringResultKey, validateMonitoringReport } from './report';
import { monitoringFindingsForAISystem, monitoringSeverity } from './findings';
import { validateAISystemEntity } from '../kind/validateAISystemEntity';

const now = new Date('2026-12-01T12:00:00Z');
const ref = 'aisystem:default/fraud-scorer';

describe('durations', () => {
  it('parses ISO 8601 durations to milliseconds and refuses the rest', () => {
    expect(parseIsoDuration('P7D')).toBe(7 * 86_400_000);
    expect(parseIsoDuration('PT1H')).toBe(3_600_000);
    expect(parseIsoDuration('P1DT12H')).toBe(36 * 3_600_000);
    expect(parseIsoDuration('PT0.5S')).toBe(500);
    for (const bad of ['7d', 'P', 'PT', 'P0D', 'P1H', '', 'P-1D', 42])
      expect(parseIsoDuration(bad)).toBeUndefined();
  });
});

describe('thresholds', () => {
  it('judges a value against min, max and a band', () => {
    expect(judgeValue(0.8, { min: 0.85 })).toBe('below-min');
    expect(judgeValue(0.9, { min: 0.85 })).toBe('inside');
    expect(judgeValue(0.3, { max: 0.2 })).toBe('above-max');
    expect(judgeValue(0.15, { min: 0.1, max: 0.2 })).toBe('inside');
    expect(judgeValue(0.85, { min: 0.85 })).toBe('inside');
    expect(judgeValue(1, undefined)).toBe('no-threshold');
  });

  it('the declared threshold wins; the stricter bound where a sent one also applies', () => {
    expect(effectiveThreshold({ min: 0.85 }, undefined)).toEqual({
      threshold: { min: 0.85 },
      source: 'declared',
    });
    expect(effectiveThreshold(undefined, { min: 0.5 })).toEqual({
      threshold: { min: 0.5 },
      source: 'sent',
    });
    // a laxer sent bound changes nothing
    expect(effectiveThreshold({ min: 0.85 }, { min: 0.5 })).toEqual({
      threshold: { min: 0.85 },
      source: 'declared',
    });
    // a stricter sent bound applies
    expect(effectiveThreshold({ min: 0.85 }, { min: 0.9 })).toEqual({
      threshold: { min: 0.9 },
      source: 'declared+sent',
    });
    // a bound the declaration lacks applies too
    expect(effectiveThreshold({ min: 0.85 }, { max: 0.99 })).toEqual({
      threshold: { min: 0.85, max: 0.99 },
      source: 'declared+sent',
    });
    expect(effectiveThreshold(undefined, undefined)).toBeUndefined();
  });
});

describe('staleness', () => {
  const week = 7 * 86_400_000;
  it('is stale when never reported or older than the interval plus half of it', () => {
    expect(isStale(undefined, week, now)).toBe(true);
    expect(isStale(new Date(now.getTime() - 8 * 86_400_000), week, now)).toBe(
      false,
    );
    expect(isStale(new Date(now.getTime() - 11 * 86_400_000), week, now)).toBe(
      true,
    );
  });
});

describe('roll-up', () => {
  it('rolls a series into daily min, max, mean, count and last', () => {
    const days = rollUpDaily([
      { value: 2, observedAt: '2026-11-01T10:00:00Z' },
      { value: 4, observedAt: '2026-11-01T08:00:00Z' },
      { value: 6, observedAt: '2026-11-01T23:00:00Z' },
      { value: 1, observedAt: '2026-11-03T00:00:00Z' },
    ]);
    expect(days).toEqual([
      {
        day: '2026-11-01',
        min: 2,
        max: 6,
        mean: 4,
        count: 3,
        last: 6,
        lastObservedAt: '2026-11-01T23:00:00.000Z',
      },
      {
        day: '2026-11-03',
        min: 1,
        max: 1,
        mean: 1,
        count: 1,
        last: 1,
        lastObservedAt: '2026-11-03T00:00:00.000Z',
      },
    ]);
    expect(
      mergeDailyAggregates(days[0], { ...days[1], day: '2026-11-01' }),
    ).toMatchObject({
      min: 1,
      max: 6,
      count: 4,
      mean: 13 / 4,
      last: 1,
    });
  });
});

describe('reports', () => {
  const valid = {
    entityRef: 'aisystem:default/fraud-scorer',
    environment: 'production',
    results: [
      {
        metric: 'auc',
        value: 0.91,
        observedAt: '2026-11-20T10:00:00Z',
        slice: 'all',
      },
    ],
  };
  it('accepts the contract example', () => {
    expect(validateMonitoringReport(valid, { now })).toEqual([]);
  });
  it('names every bad field', () => {
    const problems = validateMonitoringReport(
      {
        entityRef: 'component:default/x',
        environment: '',
        results: [
          {
            metric: 'AUC',
            value: Number.NaN,
            observedAt: '2026-11-20',
            verdict: 'ok',
          },
          {
            metric: 'auc',
            value: 1,
            observedAt: '2027-01-01T00:00:00Z',
            window: '7 days',
            threshold: { min: 2, max: 1 },
          },
        ],
      },
      { now },
    );
    expect(problems.map(p => p.field)).toEqual([
      'entityRef',
      'environment',
      'results[0].verdict',
      'results[0].metric',
      'results[0].value',
      'results[0].observedAt',
      'results[1].observedAt',
      'results[1].window',
      'results[1].threshold',
    ]);
  });
  it('keys a result by system, environment, metric, slice, window and observedAt to the second', () => {
    const a = monitoringResultKey(valid, {
      metric: 'auc',
      observedAt: '2026-11-20T10:00:00.400Z',
    });
    const b = monitoringResultKey(
      { ...valid, entityRef: 'fraud-scorer' },
      { metric: 'auc', slice: 'all', observedAt: '2026-11-20T11:00:00+01:00' },
    );
    expect(a).toBe(b);
    expect(
      monitoringResultKey(valid, {
        metric: 'auc',
        observedAt: '2026-11-20T10:00:01Z',
      }),
    ).not.toBe(a);
  });
});

describe('findings', () => {
  const declared = [
    {
      metric: 'auc',
      threshold: { min: 0.85 },
      severity: 'high' as const,
      interval: 'P7D',
      slices: ['all', 'eu'],
    },
  ];
  const latest = (over: object) => ({
    metric: 'auc',
    slice: 'all',
    environment: 'production',
    value: 0.8,
    observedAt: '2026-11-30T10:00:00Z',
    verdict: 'below-min' as const,
    threshold: { min: 0.85 },
    ...over,
  });
  it('opens threshold-breached for the latest value outside, and stale for a slice never reported', () => {
    const findings = monitoringFindingsForAISystem({
      aiSystemRef: ref,
      lifecycle: 'production',
      tier: 'minimal-risk',
      declared,
      latest: [latest({})],
      productionEnvironments: ['production'],
      now,
    });
    expect(findings.map(f => [f.type, f.key, f.severity])).toEqual([
      [
        'monitoring-threshold-breached',
        `monitoring-threshold-breached:${ref}:production:auc:all`,
        'high',
      ],
      ['monitoring-stale', `monitoring-stale:${ref}:auc:eu`, 'high'],
    ]);
    expect(findings[1].evidence.lastObservedAt).toBeNull();
  });
  it('nothing while inside and fresh; nothing for a retired system', () => {
    const fresh = [
      latest({ verdict: 'inside', value: 0.9 }),
      latest({ slice: 'eu', verdict: 'inside', value: 0.9 }),
    ];
    const input = {
      aiSystemRef: ref,
      lifecycle: 'production',
      tier: 'minimal-risk' as const,
      declared,
      latest: fresh,
      productionEnvironments: ['production'],
      now,
    };
    expect(monitoringFindingsForAISystem(input)).toEqual([]);
    expect(
      monitoringFindingsForAISystem({
        ...input,
        lifecycle: 'retired',
        latest: [],
      }),
    ).toEqual([]);
  });
  it('severity grows with the environment and the tier', () => {
    expect(
      monitoringSeverity('high', { production: true, tier: 'minimal-risk' }),
    ).toBe('high');
    expect(
      monitoringSeverity('high', { production: false, tier: 'minimal-risk' }),
    ).toBe('medium');
    expect(
      monitoringSeverity('high', { production: true, tier: 'high-risk' }),
    ).toBe('critical');
    expect(
      monitoringSeverity(undefined, {
        production: false,
        tier: 'minimal-risk',
      }),
    ).toBe('low');
    expect(
      monitoringSeverity('critical', { production: true, tier: 'prohibited' }),
    ).toBe('critical');
  });
});

describe('spec.monitoring in the AISystem kind', () => {
  const entity = (monitoring: unknown) => ({
    apiVersion: 'aims.dev/v1alpha1',
    kind: 'AISystem',
    metadata: { name: 'fraud-scorer' },
    spec: {
      type: 'ml-model',
      lifecycle: 'production',
      owner: 'group:default/risk-ml',
      purpose: 'x',
      role: 'provider',
      monitoring,
    },
  });
  it('accepts the contract example', () => {
    expect(
      validateAISystemEntity(
        entity([
          {
            metric: 'auc',
            description: 'ROC AUC',
            threshold: { min: 0.85 },
            severity: 'high',
            interval: 'P7D',
            slices: ['all', 'eu', 'uk'],
          },
        ]),
      ),
    ).toEqual([]);
  });
  it('names the field of every mistake', () => {
    expect(
      validateAISystemEntity(entity([{ metric: 'AUC', interval: 'P7D' }]))[0],
    ).toEqual({
      field: 'spec.monitoring[0].metric',
      message: 'spec.monitoring[0].metric must match ^[a-z0-9_.-]+$',
    });
    expect(validateAISystemEntity(entity([{ metric: 'auc' }]))[0].field).toBe(
      'spec.monitoring[0].interval',
    );
    expect(
      validateAISystemEntity(entity([{ metric: 'auc', interval: 'weekly' }]))[0]
        .field,
    ).toBe('spec.monitoring[0].interval');
    expect(
      validateAISystemEntity(
        entity([{ metric: 'auc', interval: 'P7D', threshold: {} }]),
      )[0].message,
    ).toBe('spec.monitoring[0].threshold must set min, max or both');
    expect(
      validateAISystemEntity(
        entity([
          { metric: 'auc', interval: 'P7D', threshold: { min: 2, max: 1 } },
        ]),
      )[0].field,
    ).toBe('spec.monitoring[0].threshold');
    expect(
      validateAISystemEntity(
        entity([
          { metric: 'auc', interval: 'P7D' },
          { metric: 'auc', interval: 'P1D' },
        ]),
      )[0].field,
    ).toBe('spec.monitoring[1].metric');
    expect(
      validateAISystemEntity(
        entity([{ metric: 'auc', interval: 'P7D', verdict: 'ok' }]),
      )[0].field,
    ).toBe('spec.monitoring[0].verdict');
  });
});
