import {
  AISystemEntityV1alpha1,
  LatestMonitoringResult,
  MonitoringReport,
  effectiveThreshold,
  getEuAiActTier,
  judgeValue,
  monitoringFindingsForAISystem,
  parseIsoDuration,
  validateAISystemEntity,
} from '@aims-backstage/backstage-plugin-aims-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { ExampleDataError } from './exampleData';
import { parseExampleMonitoring, seededRandom } from './exampleMonitoring';

const EXAMPLES = path.resolve(__dirname, '../../../../../examples');
const NOW = new Date('2026-11-29T12:00:00.000Z');
const DAY = 86_400_000;
const FILE = 'monitoring.yaml';

const results = (reports: MonitoringReport[]) =>
  reports.flatMap(r =>
    r.results.map(x => ({
      entityRef: r.entityRef,
      environment: r.environment,
      ...x,
    })),
  );

describe('seededRandom', () => {
  it('is the same for the same name and spread over [0, 1) across names', () => {
    expect(seededRandom('fraud-scorer|auc')).toBe(
      seededRandom('fraud-scorer|auc'),
    );
    const values = Array.from({ length: 2000 }, (_, i) =>
      seededRandom(`series-${i}`),
    );
    expect(values.every(v => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    // each tenth of the range is hit about equally often
    const deciles = new Array(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)]++;
    expect(Math.min(...deciles)).toBeGreaterThan(140);
  });
});

describe('parseExampleMonitoring', () => {
  const series = (extra: Record<string, unknown> = {}) => ({
    aiSystem: 'churn-model',
    environment: 'production',
    metric: 'auc',
    every: 'P1D',
    baseline: 0.9,
    ...extra,
  });
  const parseOne = (s: Record<string, unknown>, days = 10) =>
    results(parseExampleMonitoring({ days, series: [s] }, FILE, NOW));

  it('reports on the interval grid within the last days, oldest first, with level and trend', () => {
    const out = parseOne(
      series({ at: 'PT6H', window: 'P7D', trend: 0.01, decimals: 2 }),
    );
    expect(out).toHaveLength(10);
    expect(out[0]).toEqual({
      entityRef: 'aisystem:default/churn-model',
      environment: 'production',
      metric: 'auc',
      value: 0.81, // 9.25 days ago: 0.9 - 9.25 × 0.01, rounded
      observedAt: '2026-11-20T06:00:00.000Z',
      slice: 'all',
      window: 'P7D',
    });
    expect(out.at(-1)!.observedAt).toBe('2026-11-29T06:00:00.000Z');
    expect(out.at(-1)!.value).toBe(0.9);
  });

  it('keeps the noise within ±noise and the range, and is the same on every call', () => {
    const s = series({ every: 'PT1H', noise: 0.05, range: [0, 0.93] });
    const out = parseOne(s);
    expect(out).toHaveLength(240);
    const values = out.map(r => r.value);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0.85);
    expect(Math.max(...values)).toBeLessThanOrEqual(0.93);
    expect(new Set(values).size).toBeGreaterThan(50);
    expect(parseOne(s)).toEqual(out);
  });

  it('applies shifts to the slices named, leaves gaps and stops after lastReportedDaysAgo', () => {
    const out = parseOne(
      series({
        slices: { all: {}, uk: { baseline: 0.8 } },
        shifts: [{ sinceDaysAgo: 2, by: -0.1, slices: ['uk'] }],
        gaps: [{ fromDaysAgo: 6, toDaysAgo: 4 }],
      }),
    );
    const uk = out.filter(r => r.slice === 'uk');
    // reports at midnight, now is noon: 9.5 … 0.5 days ago, none 5.5 and 4.5 days ago
    const daysAgo = (r: { observedAt: string }) =>
      Math.floor((NOW.getTime() - Date.parse(r.observedAt)) / DAY);
    expect(uk.map(daysAgo)).toEqual([9, 8, 7, 6, 3, 2, 1, 0]);
    expect(uk.map(r => r.value)).toEqual([
      0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.7, 0.7,
    ]);
    expect(out.filter(r => r.slice === 'all').map(r => r.value)).toEqual(
      new Array(8).fill(0.9),
    );
    const stopped = parseOne(series({ lastReportedDaysAgo: 4 }));
    expect(stopped.map(daysAgo)).toEqual([9, 8, 7, 6, 5, 4]);
  });

  it('splits a system and environment into reports of at most 1000 results', () => {
    const reports = parseExampleMonitoring(
      { days: 90, series: [series({ every: 'PT1H' })] },
      FILE,
      NOW,
    );
    expect(reports.map(r => r.results.length)).toEqual([1000, 1000, 160]);
  });

  it.each([
    [{ every: 'daily' }, 'series[0].every: must be an ISO 8601 duration'],
    [{ baseline: '0.9' }, 'series[0].baseline: must be a number'],
    [{ verdict: 'inside' }, 'series[0].verdict: is not a known field'],
    [{ aiSystem: 'component:x' }, 'series[0].aiSystem: must be an AISystem'],
    [
      { gaps: [{ fromDaysAgo: 3, toDaysAgo: 5 }] },
      'series[0].gaps[0]: toDaysAgo must be more recent than fromDaysAgo',
    ],
    [
      { shifts: [{ sinceDaysAgo: 3, by: 1, slices: ['eu'] }] },
      'series[0].shifts[0].slices: must name slices of this series',
    ],
    [{ metric: 'Bad Metric' }, 'results[0].metric must match'],
  ])('names the file, series and field of bad data: %j', (extra, message) => {
    const bad = () => parseOne(series(extra));
    expect(bad).toThrow(ExampleDataError);
    expect(bad).toThrow(`${FILE}: `);
    expect(bad).toThrow(message);
  });
});

describe('examples/aims/monitoring.yaml', () => {
  const reports = parseExampleMonitoring(
    parse(fs.readFileSync(path.join(EXAMPLES, 'aims', FILE), 'utf8')),
    FILE,
    NOW,
  );
  const all = results(reports);
  const systems = new Map(
    parseAllDocuments(
      fs.readFileSync(path.join(EXAMPLES, 'ai-systems.yaml'), 'utf8'),
    )
      .map(d => d.toJS() as AISystemEntityV1alpha1)
      .filter(e => e?.kind === 'AISystem')
      .map(e => [`aisystem:default/${e.metadata.name}`, e]),
  );

  it('reports only metrics and slices the systems declare, for valid systems', () => {
    expect(all.length).toBeGreaterThan(3000);
    expect(all.length).toBeLessThan(10_000);
    for (const r of reports) {
      const entity = systems.get(r.entityRef)!;
      expect(validateAISystemEntity(entity)).toEqual([]);
      for (const x of r.results) {
        const declared = entity.spec.monitoring?.find(
          m => m.metric === x.metric,
        );
        expect([r.entityRef, x.metric, declared?.metric]).toEqual([
          r.entityRef,
          x.metric,
          x.metric,
        ]);
        expect(declared!.slices ?? ['all']).toContain(x.slice);
      }
    }
  });

  it('as of now: one breach (fraud-scorer UK AUC after 3.3.0), one stale metric, everything else fine', () => {
    const latest = new Map<string, LatestMonitoringResult>();
    for (const r of all) {
      const entity = systems.get(r.entityRef)!;
      const declared = entity.spec.monitoring!.find(m => m.metric === r.metric);
      const threshold =
        effectiveThreshold(declared?.threshold, undefined)?.threshold ?? null;
      latest.set(`${r.entityRef}|${r.metric}|${r.slice}`, {
        metric: r.metric,
        slice: r.slice!,
        environment: r.environment,
        value: r.value,
        observedAt: r.observedAt,
        verdict: judgeValue(r.value, threshold ?? undefined),
        threshold,
      });
    }
    const findings = [...systems.entries()]
      .filter(([, e]) => e.spec.monitoring?.length)
      .flatMap(([ref, e]) =>
        monitoringFindingsForAISystem({
          aiSystemRef: ref,
          lifecycle: e.spec.lifecycle,
          tier: getEuAiActTier(e),
          declared: e.spec.monitoring!,
          latest: [...latest.entries()]
            .filter(([k]) => k.startsWith(`${ref}|`))
            .map(([, v]) => v),
          productionEnvironments: ['production'],
          now: NOW,
        }),
      );
    expect(
      findings.map(f => [
        f.type,
        f.aiSystemRef,
        (f.evidence as any).metric,
        (f.evidence as any).slice,
        f.severity,
      ]),
    ).toEqual([
      [
        'monitoring-threshold-breached',
        'aisystem:default/fraud-scorer',
        'auc',
        'uk',
        'high',
      ],
      [
        'monitoring-stale',
        'aisystem:default/credit-risk-scorer',
        'feature_psi',
        'all',
        'high',
      ],
    ]);
    const stale = all.filter(r => r.metric === 'feature_psi').at(-1)!;
    expect((NOW.getTime() - Date.parse(stale.observedAt)) / DAY).toBeCloseTo(
      20,
      0,
    );
    // the breach is new: inside for the 87 days before 3.3.0 went to production
    const uk = all.filter(r => r.metric === 'auc' && r.slice === 'uk');
    const before = uk.filter(
      r => Date.parse(r.observedAt) < NOW.getTime() - 3 * DAY,
    );
    expect(before.every(r => r.value >= 0.85)).toBe(true);
    expect(uk.slice(-3).every(r => r.value < 0.85)).toBe(true);
  });

  it('has one series with a gap of several days (support-assistant hallucination rate); the others report on every interval', () => {
    const series = new Map<string, number[]>();
    for (const r of all) {
      const key = `${r.entityRef} ${r.metric} ${r.slice}`;
      series.set(key, [...(series.get(key) ?? []), Date.parse(r.observedAt)]);
    }
    const gaps: [string, number][] = [];
    for (const [key, times] of series) {
      const [ref, metric] = key.split(' ');
      const interval = parseIsoDuration(
        systems.get(ref)!.spec.monitoring!.find(m => m.metric === metric)!
          .interval,
      )!;
      for (let i = 1; i < times.length; i++)
        if (times[i] - times[i - 1] > interval)
          gaps.push([key, (times[i] - times[i - 1]) / DAY]);
      // from 90 days ago (less one interval) on
      expect(times[0] - (NOW.getTime() - 90 * DAY)).toBeLessThanOrEqual(
        interval,
      );
    }
    expect(gaps).toEqual([
      ['aisystem:default/support-assistant hallucination_rate all', 7],
    ]);
  });

  it('generates the same results on every start the same day, and a later start reuses the same times', () => {
    const data = parse(
      fs.readFileSync(path.join(EXAMPLES, 'aims', FILE), 'utf8'),
    );
    expect(parseExampleMonitoring(data, FILE, NOW)).toEqual(reports);
    const later = results(
      parseExampleMonitoring(data, FILE, new Date(NOW.getTime() + DAY)),
    );
    const times = new Set(
      all.map(r => `${r.metric}|${r.slice}|${r.observedAt}`),
    );
    const reused = later.filter(r =>
      times.has(`${r.metric}|${r.slice}|${r.observedAt}`),
    );
    expect(reused.length / later.length).toBeGreaterThan(0.97);
  });
});
