import { render as renderPlain, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { aimsApiRef } from '../../api';
import {
  FakeAimsApi,
  creditRiskScorer,
  monitoringOverview,
  monitoringPoint,
  monitoringSeries,
  responseError,
} from '../../testUtils/fixtures';
import { EntityAimsMonitoringContent } from './EntityAimsMonitoringContent';
import { PointTooltip } from './MetricChart';
import { chartRows, dayTicks, valueAxis } from './chartData';

const REF = 'aisystem:default/credit-risk-scorer';
const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };
const AUC_THRESHOLD = { min: 0.7, max: 0.95 };

/** auc reported on five of the seven days (none on 03-05 and 03-06), breached on 03-07. */
const aucPoints = [
  monitoringPoint('2026-03-03T06:00:00Z', 0.81, AUC_THRESHOLD),
  monitoringPoint('2026-03-04T06:00:00Z', 0.8, AUC_THRESHOLD),
  monitoringPoint('2026-03-07T06:00:00Z', 0.62, AUC_THRESHOLD),
  monitoringPoint('2026-03-08T06:00:00Z', 0.78, AUC_THRESHOLD),
  monitoringPoint('2026-03-09T06:00:00Z', 0.79, AUC_THRESHOLD),
];

function fakeApi() {
  const api = new FakeAimsApi();
  api.monitoring[REF] = monitoringOverview([
    {
      metric: 'auc',
      declaration: {
        metric: 'auc',
        description: 'Ranking quality of the default score on the last week',
        threshold: AUC_THRESHOLD,
        severity: 'high',
        interval: 'P1D',
        slices: ['all', 'eu'],
      },
      status: 'ok',
      series: [monitoringSeries('auc', aucPoints, { status: 'ok' })],
    },
    {
      metric: 'psi',
      declaration: {
        metric: 'psi',
        threshold: { max: 0.2 },
        interval: 'P7D',
      },
      status: 'no-data',
      series: [],
    },
  ]);
  return api;
}

function render(api: FakeAimsApi, url = '/') {
  return renderInTestApp(
    <EntityProvider entity={creditRiskScorer as unknown as Entity}>
      <EntityAimsMonitoringContent />
    </EntityProvider>,
    { apis: [[aimsApiRef, api]], mountedRoutes, initialRouteEntries: [url] },
  );
}

describe('EntityAimsMonitoringContent', () => {
  it('charts each reported metric with its threshold band, breaches marked, latest value and declaration', async () => {
    const api = fakeApi();
    const { container } = await render(api);
    const [auc] = await screen.findAllByTestId('monitoring-metric', undefined, {
      timeout: 10000,
    });
    expect(auc).toHaveAttribute('data-metric', 'auc');
    const charts = within(auc).getAllByTestId('monitoring-chart');
    expect(charts).toHaveLength(1);
    // the declared band, and a line per bound
    expect(charts[0].querySelectorAll('.recharts-reference-area')).toHaveLength(
      1,
    );
    expect(charts[0].querySelectorAll('.recharts-reference-line')).toHaveLength(
      2,
    );
    // one dot per result; the breach red and marked
    const breaches = within(charts[0]).getAllByTestId('monitoring-breach');
    expect(breaches.map(b => b.getAttribute('data-observed-at'))).toEqual([
      '2026-03-07T06:00:00Z',
    ]);
    expect(within(charts[0]).getAllByTestId('monitoring-point')).toHaveLength(
      4,
    );
    expect(
      within(auc).getByTestId('monitoring-latest-value'),
    ).toHaveTextContent('Latest 0.79 at 2026-03-09 06:00 UTC');
    expect(within(auc).getAllByTestId('monitoring-status')[0]).toHaveAttribute(
      'data-value',
      'ok',
    );
    const declaration = within(auc).getByTestId('monitoring-declaration');
    expect(declaration).toHaveTextContent(
      'Ranking quality of the default score on the last week',
    );
    expect(declaration).toHaveTextContent('Threshold: min 0.7 · max 0.95');
    expect(declaration).toHaveTextContent('Severity: high');
    expect(declaration).toHaveTextContent('Reported every: P1D');
    expect(declaration).toHaveTextContent('Slices: all, eu');
    expect(
      within(auc).getByTestId('monitoring-silent-slices'),
    ).toHaveTextContent('Never reported for slice eu.');
    // the stored thresholds are the declared one: no line of thresholds over time
    expect(charts[0].querySelectorAll('.recharts-line')).toHaveLength(1);
    // the default range is 30 days
    expect(api.calls).toContainEqual(['getMonitoring', REF, { days: 30 }]);
    expect(container.querySelectorAll('.recharts-surface').length).toBe(1);
  });

  it('leaves days without data as gaps, never zeros', async () => {
    await render(fakeApi());
    const chart = await screen.findByTestId('monitoring-chart', undefined, {
      timeout: 10000,
    });
    const rows: Array<[number, number | null]> = JSON.parse(
      chart.getAttribute('data-rows')!,
    );
    const gaps = rows.filter(([, v]) => v === null).map(([t]) => t);
    // one break between the results around the missing days (5 and 6 March)
    expect(gaps).toHaveLength(1);
    expect(new Date(gaps[0]).toISOString() > '2026-03-04').toBe(true);
    expect(new Date(gaps[0]).toISOString() < '2026-03-07').toBe(true);
    expect(rows.filter(([, v]) => v === 0)).toEqual([]);
    // the line is drawn in pieces: a new segment (M) after each gap
    const path = chart
      .querySelector('.recharts-line-curve')!
      .getAttribute('d')!;
    expect(path.match(/M/g)!.length).toBeGreaterThanOrEqual(2);
    // and no dot stands at a gap
    const dots = [
      ...within(chart).getAllByTestId('monitoring-point'),
      ...within(chart).getAllByTestId('monitoring-breach'),
    ];
    expect(dots).toHaveLength(5);
  });

  it('draws the threshold each value was judged against where it changed over time', async () => {
    const api = fakeApi();
    const before = { min: 0.6, max: 0.95 };
    api.monitoring[REF].metrics[0].series = [
      monitoringSeries('auc', [
        monitoringPoint('2026-03-03T06:00:00Z', 0.65, before),
        monitoringPoint('2026-03-04T06:00:00Z', 0.66, before),
        monitoringPoint('2026-03-08T06:00:00Z', 0.66, AUC_THRESHOLD),
      ]),
    ];
    await render(api);
    const [chart] = await screen.findAllByTestId(
      'monitoring-chart',
      undefined,
      {
        timeout: 10000,
      },
    );
    // the value, and the stored min and max as step lines
    expect(chart.querySelectorAll('.recharts-line')).toHaveLength(3);
    // 0.65 and 0.66 were inside the old threshold; only the last one breached
    expect(
      within(chart)
        .getAllByTestId('monitoring-breach')
        .map(b => b.getAttribute('data-observed-at')),
    ).toEqual(['2026-03-08T06:00:00Z']);
  });

  it('says so for a declared metric never reported', async () => {
    await render(fakeApi());
    await screen.findAllByTestId('monitoring-metric', undefined, {
      timeout: 10000,
    });
    const psi = screen
      .getAllByTestId('monitoring-metric')
      .find(m => m.getAttribute('data-metric') === 'psi')!;
    expect(
      within(psi).getByTestId('monitoring-never-reported'),
    ).toHaveTextContent('Never reported.');
    expect(within(psi).queryByTestId('monitoring-chart')).toBeNull();
    expect(within(psi).getByTestId('monitoring-status')).toHaveAttribute(
      'data-value',
      'no-data',
    );
    expect(within(psi).getByTestId('monitoring-declaration')).toHaveTextContent(
      'Threshold: max 0.2',
    );
  });

  it('asks for 90 days when that range is chosen', async () => {
    const api = fakeApi();
    await render(api);
    await screen.findAllByTestId('monitoring-metric', undefined, {
      timeout: 10000,
    });
    await userEvent.click(screen.getByRole('button', { name: '90 days' }));
    await screen.findAllByTestId('monitoring-metric');
    expect(api.calls).toContainEqual(['getMonitoring', REF, { days: 90 }]);
  });

  it('reads the range and the selected slice and environment from the URL', async () => {
    const linked = fakeApi();
    await render(linked, '/?days=7&environment=staging&slice=eu');
    await screen.findAllByTestId('monitoring-chart');
    expect(linked.calls).toContainEqual([
      'getMonitoring',
      REF,
      { days: 7, slice: 'eu', environment: 'staging' },
    ]);
  });

  it('shows the error when monitoring cannot be loaded', async () => {
    const api = fakeApi();
    api.failures.getMonitoring = await responseError(
      500,
      'Error',
      'monitoring store unavailable',
    );
    await render(api);
    expect(
      await screen.findByText(/monitoring store unavailable/, undefined, {
        timeout: 10000,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('monitoring-chart')).toBeNull();
  });
});

describe('monitoring chart details', () => {
  it("shows the day's min–max and the threshold judged against for an aggregated point", () => {
    const point = monitoringPoint(
      '2026-02-01T00:00:00Z',
      0.74,
      { min: 0.75 },
      { min: 0.7, max: 0.79, mean: 0.75, count: 24 },
    );
    renderPlain(
      <PointTooltip
        active
        payload={[
          { payload: { t: 0, value: 0.74, breach: true, point } } as any,
        ]}
      />,
    );
    const tooltip = screen.getByTestId('monitoring-tooltip');
    expect(tooltip).toHaveTextContent('min–max 0.7–0.79');
    expect(tooltip).toHaveTextContent('24 result(s)');
    expect(tooltip).toHaveTextContent('below the minimum');
    expect(tooltip).toHaveTextContent('Judged against min 0.75');
  });

  it('breaks a daily line with a null row where a day passed without a point', () => {
    const rows = chartRows(
      [
        monitoringPoint('2026-03-02T05:00:00Z', 1),
        monitoringPoint('2026-03-03T05:10:00Z', 2),
        // 3 and 4 March missing
        monitoringPoint('2026-03-05T04:50:00Z', 3),
      ],
      '2026-03-01T00:00:00Z',
      '2026-03-06T00:00:00Z',
    );
    expect(rows.map(r => [new Date(r.t).toISOString(), r.value])).toEqual([
      ['2026-03-02T05:00:00.000Z', 1],
      ['2026-03-03T05:10:00.000Z', 2],
      ['2026-03-04T05:00:00.000Z', null],
      ['2026-03-05T04:50:00.000Z', 3],
    ]);
    expect(
      chartRows([], '2026-03-01T00:00:00Z', '2026-03-06T00:00:00Z'),
    ).toEqual([]);
  });

  it('judges gaps by the declared interval: a weekly metric is a line, a missing week breaks it', () => {
    const week = 7 * 24 * 3600 * 1000;
    const weekly = ['2026-02-05', '2026-02-12', '2026-02-19', '2026-03-05'].map(
      (d, i) => monitoringPoint(`${d}T06:00:00Z`, i),
    );
    const rows = chartRows(
      weekly,
      '2026-02-01T00:00:00Z',
      '2026-03-20T00:00:00Z',
      week,
    );
    expect(
      rows.filter(r => r.value === null).map(r => new Date(r.t).toISOString()),
    ).toEqual([
      // 26 February missing
      '2026-02-26T06:00:00.000Z',
      // nothing for over a week before the end of the range
      '2026-03-20T00:00:00.000Z',
    ]);
    // the same results judged daily: before the first, and every week apart, is a gap
    expect(
      chartRows(weekly, '2026-02-01T00:00:00Z', '2026-03-06T00:00:00Z').filter(
        r => r.value === null,
      ),
    ).toHaveLength(4);
  });

  it('rounds the value axis to a round step that takes in values and threshold bounds', () => {
    const rows = chartRows(
      [monitoringPoint('2026-03-02T10:00:00Z', 0.62, { min: 0.7 })],
      '2026-03-01T00:00:00Z',
      '2026-03-03T00:00:00Z',
    );
    expect(valueAxis(rows, { min: 0.7, max: 0.95 })).toEqual({
      domain: [0.6, 1],
      ticks: [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1],
    });
  });

  it('ticks the time axis daily for a week and every few days for 90', () => {
    expect(
      dayTicks('2026-03-03T00:00:00Z', '2026-03-10T00:00:00Z'),
    ).toHaveLength(8);
    const quarter = dayTicks('2026-01-01T10:00:00Z', '2026-04-01T10:00:00Z');
    expect(quarter.length).toBeLessThanOrEqual(9);
    expect(new Date(quarter[0]).toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });
});
