import {
  monitoringMetricStatuses,
  monitoringSeriesStatus,
  monitoringSummaryStatus,
  worstMonitoringStatus,
} from './status';

const now = new Date('2026-12-01T12:00:00Z');
const hoursAgo = (h: number) =>
  new Date(now.getTime() - h * 3600_000).toISOString();
const daily = { metric: 'auc', interval: 'P1D', threshold: { min: 0.85 } };
const latest = (over: Record<string, unknown> = {}) => ({
  metric: 'auc',
  slice: 'all',
  environment: 'production',
  value: 0.9,
  observedAt: hoursAgo(1),
  verdict: 'inside' as const,
  threshold: { min: 0.85 },
  ...over,
});

describe('monitoring statuses', () => {
  it('a series is breached by its latest verdict, stale past its interval plus half, ok otherwise', () => {
    expect(monitoringSeriesStatus(latest(), daily, now)).toBe('ok');
    expect(
      monitoringSeriesStatus(latest({ verdict: 'below-min' }), daily, now),
    ).toBe('breached');
    // a day and a half is the grace of a daily metric
    expect(
      monitoringSeriesStatus(latest({ observedAt: hoursAgo(35) }), daily, now),
    ).toBe('ok');
    expect(
      monitoringSeriesStatus(latest({ observedAt: hoursAgo(37) }), daily, now),
    ).toBe('stale');
    // an undeclared metric never goes stale; without any result it has no data
    expect(
      monitoringSeriesStatus(
        latest({ observedAt: hoursAgo(900) }),
        undefined,
        now,
      ),
    ).toBe('ok');
    expect(monitoringSeriesStatus(undefined, undefined, now)).toBe('no-data');
    expect(monitoringSeriesStatus(undefined, daily, now)).toBe('stale');
  });

  it('a metric takes the worst of its series; a declared slice never reported makes it stale', () => {
    const [auc, extra] = monitoringMetricStatuses(
      [{ ...daily, slices: ['all', 'eu'] }],
      [latest(), latest({ metric: 'latency', verdict: 'no-threshold' })],
      now,
    );
    expect(auc).toMatchObject({ metric: 'auc', status: 'stale' });
    expect(auc.series.map(s => s.status)).toEqual(['ok']);
    expect(extra).toMatchObject({
      metric: 'latency',
      declaration: undefined,
      status: 'ok',
    });
    const [breached] = monitoringMetricStatuses(
      [{ ...daily, slices: ['all', 'eu'] }],
      [latest(), latest({ slice: 'eu', verdict: 'below-min' })],
      now,
    );
    expect(breached.status).toBe('breached');
  });

  it('a system is breached before stale before ok; without metrics it is not monitored', () => {
    expect(worstMonitoringStatus(['ok', 'stale', 'breached'])).toBe('breached');
    expect(worstMonitoringStatus(['ok', 'no-data'])).toBe('ok');
    expect(monitoringSummaryStatus([])).toBe('not-monitored');
    expect(monitoringSummaryStatus([{ status: 'no-data' }])).toBe(
      'not-monitored',
    );
    expect(
      monitoringSummaryStatus([{ status: 'ok' }, { status: 'stale' }]),
    ).toBe('stale');
  });
});
