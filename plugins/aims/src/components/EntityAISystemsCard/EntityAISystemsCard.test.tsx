import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { aimsApiRef } from '../../api';
import {
  FakeAimsApi,
  componentStatus,
  creditRiskStatus,
  driftFinding,
  responseError,
} from '../../testUtils/fixtures';
import { EntityAISystemsCard } from './EntityAISystemsCard';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'credit-decision-service', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'risk-ml' },
};

function render(api: FakeAimsApi) {
  return renderInTestApp(
    <EntityProvider entity={service}>
      <EntityAISystemsCard />
    </EntityProvider>,
    { apis: [[aimsApiRef, api]], mountedRoutes },
  );
}

describe('EntityAISystemsCard', () => {
  it("shows the open monitoring findings of the service's AI systems, linking to their Monitoring tab", async () => {
    const ref = 'aisystem:default/credit-risk-scorer';
    const api = new FakeAimsApi([], {
      'component:default/credit-decision-service': componentStatus(
        'component:default/credit-decision-service',
        [
          {
            ...creditRiskStatus,
            monitoring: {
              status: 'breached',
              metrics: 2,
              breached: 1,
              stale: 1,
              latest: [],
            },
          },
        ],
      ),
    });
    const monitoringFinding = (over: Record<string, unknown>) =>
      driftFinding({
        entityRef: ref,
        aiSystemRef: ref,
        environment: 'production',
        ...over,
      } as any);
    api.findings = [
      monitoringFinding({
        id: 'm-1',
        type: 'monitoring-threshold-breached',
        severity: 'critical',
        evidence: {
          metric: 'gini',
          slice: 'age-18-24',
          value: 0.512,
          observedAt: '2026-03-02T06:00:00Z',
          verdict: 'below-min',
          threshold: { min: 0.55 },
        },
      }),
      monitoringFinding({
        id: 'm-2',
        type: 'monitoring-stale',
        severity: 'high',
        evidence: {
          metric: 'feature_psi',
          slice: 'all',
          interval: 'P7D',
          lastObservedAt: '2026-02-09T06:00:00Z',
        },
      }),
      // resolved, and not a monitoring finding: not shown
      monitoringFinding({
        id: 'm-3',
        type: 'monitoring-stale',
        status: 'resolved',
      }),
      monitoringFinding({ id: 'd-1' }),
    ];
    await render(api);
    const alert = await screen.findByTestId('aims-monitoring-findings');
    expect(alert).toHaveTextContent('Monitoring: 2 open findings');
    const lines = within(alert).getAllByTestId('monitoring-finding');
    expect(lines.map(l => l.textContent)).toEqual([
      'credit-risk-scorer: gini (age-18-24) in production is 0.512, below its minimum 0.55 (2026-03-02 06:00 UTC) — critical',
      'credit-risk-scorer: feature_psi not reported since 2026-02-09 06:00 UTC (expected every P7D) — high',
    ]);
    expect(
      within(lines[0]).getByRole('link', { name: 'credit-risk-scorer' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/aisystem/credit-risk-scorer/monitoring',
    );
    expect(api.calls).toContainEqual(['getFindings', { aiSystemRef: ref }]);
  });

  it('asks for no findings when no AI system of the service is breached or stale', async () => {
    const api = new FakeAimsApi([], {
      'component:default/credit-decision-service': componentStatus(
        'component:default/credit-decision-service',
        [creditRiskStatus],
      ),
    });
    await render(api);
    await screen.findByRole('link', { name: /Consumer Credit Risk Scorer/ });
    expect(api.calls.filter(c => c[0] === 'getFindings')).toEqual([]);
    expect(screen.queryByTestId('aims-monitoring-findings')).toBeNull();
  });

  it('lists the AI systems the service uses with tier, lifecycle, assessment and findings', async () => {
    const api = new FakeAimsApi([], {
      'component:default/credit-decision-service': componentStatus(
        'component:default/credit-decision-service',
        [
          creditRiskStatus,
          {
            ...creditRiskStatus,
            entityRef: 'aisystem:default/support-assistant',
            title: 'Member Support Assistant',
            type: 'llm-application',
            lifecycle: 'experimental',
            euAiActTier: 'limited-risk',
            impactAssessment: {
              status: 'approved',
              approvedAt: null,
              reviewDue: null,
            },
            findings: { open: 0, critical: 0, high: 0 },
            controls: { applicable: 0, implementedWithEvidence: 0 },
            health: 'ok',
          },
        ],
      ),
    });
    await render(api);

    const link = await screen.findByRole('link', {
      name: /Consumer Credit Risk Scorer/,
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/aisystem/credit-risk-scorer',
    );
    const row = link.closest('tr')!;
    expect(within(row).getByTestId('ai-system-kind')).toHaveTextContent(
      'ml-model · production',
    );
    expect(within(row).getByTestId('eu-ai-act-tier')).toHaveTextContent(
      'High risk',
    );
    expect(
      within(row).getByTestId('impact-assessment-status'),
    ).toHaveTextContent('Review overdue');
    expect(within(row).getByTestId('open-findings')).toHaveTextContent(
      '3 (1 critical, 1 high)',
    );
    expect(within(row).getByTestId('ai-system-controls')).toHaveTextContent(
      '7/12 controls evidenced',
    );

    const second = screen
      .getByRole('link', { name: /Member Support Assistant/ })
      .closest('tr')!;
    expect(within(second).getByTestId('eu-ai-act-tier')).toHaveTextContent(
      'Limited risk',
    );
    expect(
      within(second).getByTestId('impact-assessment-status'),
    ).toHaveTextContent('Approved');
    expect(within(second).getByTestId('ai-system-controls')).toHaveTextContent(
      'No controls mapped',
    );
    expect(api.statusCalls).toEqual([
      'component:default/credit-decision-service',
    ]);
    expect(screen.queryByTestId('aims-no-ai-systems')).not.toBeInTheDocument();
  });

  it('says a retired system without an assessment owes none, and a live one that it is missing', async () => {
    const missing = {
      status: 'missing',
      approvedAt: null,
      reviewDue: null,
    } as const;
    const api = new FakeAimsApi([], {
      'component:default/credit-decision-service': componentStatus(
        'component:default/credit-decision-service',
        [
          {
            ...creditRiskStatus,
            entityRef: 'aisystem:default/emotion-monitor',
            title: 'Emotion Monitor',
            lifecycle: 'retired',
            impactAssessment: missing,
          },
          { ...creditRiskStatus, impactAssessment: missing },
        ],
      ),
    });
    await render(api);
    const retired = (
      await screen.findByRole('link', { name: /Emotion Monitor/ })
    ).closest('tr')!;
    const retiredStatus = within(retired).getByTestId(
      'impact-assessment-status',
    );
    expect(retiredStatus).toHaveTextContent('Not required');
    expect(retiredStatus).toHaveAttribute('data-value', 'not-required');
    const live = screen
      .getByRole('link', { name: /Consumer Credit Risk Scorer/ })
      .closest('tr')!;
    expect(
      within(live).getByTestId('impact-assessment-status'),
    ).toHaveTextContent('Missing');
  });

  it('puts the status facts in one column when its grid cell is narrow, so nothing is cut off', async () => {
    const realResizeObserver = (global as any).ResizeObserver;
    // the card measures its own width: report the 470px of the content column at 960px
    (global as any).ResizeObserver = class {
      constructor(private readonly callback: (entries: unknown[]) => void) {}
      observe() {
        this.callback([{ contentRect: { width: 470 } }]);
      }
      disconnect() {}
    };
    try {
      const api = new FakeAimsApi([], {
        'component:default/credit-decision-service': componentStatus(
          'component:default/credit-decision-service',
          [creditRiskStatus],
        ),
      });
      await render(api);
      const row = (
        await screen.findByRole('link', { name: /Consumer Credit Risk Scorer/ })
      ).closest('tr')!;
      expect(row.querySelectorAll('td')).toHaveLength(2);
      const facts = within(row).getByTestId('ai-system-status-facts');
      expect(facts).toHaveTextContent('EU AI Act');
      expect(
        within(facts).getByTestId('impact-assessment-status'),
      ).toHaveTextContent('Review overdue');
      expect(within(facts).getByTestId('open-findings')).toHaveTextContent(
        '3 (1 critical, 1 high)',
      );
      expect(within(facts).getByTestId('aims-health')).toBeInTheDocument();
      expect(facts).toHaveTextContent('Monitoring—');
    } finally {
      (global as any).ResizeObserver = realResizeObserver;
    }
  });

  it("shows each AI system's monitoring: status, and the latest value of each metric with a sparkline", async () => {
    const api = new FakeAimsApi([], {
      'component:default/credit-decision-service': componentStatus(
        'component:default/credit-decision-service',
        [
          {
            ...creditRiskStatus,
            monitoring: {
              status: 'breached',
              metrics: 2,
              breached: 1,
              stale: 0,
              latest: [
                {
                  metric: 'auc',
                  status: 'breached',
                  value: 0.62,
                  observedAt: '2026-03-09T06:00:00Z',
                  spark: [0.81, 0.8, 0.78, 0.62],
                },
                {
                  metric: 'psi',
                  status: 'ok',
                  value: 0.04,
                  observedAt: '2026-03-09T06:00:00Z',
                  spark: [0.03, 0.04],
                },
              ],
            },
          },
          {
            // an older backend sends no monitoring summary
            ...creditRiskStatus,
            entityRef: 'aisystem:default/support-assistant',
            title: 'Member Support Assistant',
          },
        ],
      ),
    });
    await render(api);
    const row = (
      await screen.findByRole('link', { name: /Consumer Credit Risk Scorer/ })
    ).closest('tr')!;
    const summary = within(row).getByTestId('monitoring-summary');
    expect(summary).toHaveAttribute('data-value', 'breached');
    expect(
      within(summary).getAllByTestId('monitoring-status')[0],
    ).toHaveTextContent('Breached');
    const latest = within(summary).getAllByTestId('monitoring-latest');
    expect(latest.map(l => l.getAttribute('data-metric'))).toEqual([
      'auc',
      'psi',
    ]);
    expect(latest[0]).toHaveTextContent('auc');
    expect(latest[0]).toHaveTextContent('0.62');
    const spark = within(latest[0]).getByTestId('monitoring-sparkline');
    expect(spark).toHaveAttribute('data-points', '4');
    // a line without axes
    expect(spark.querySelector('.recharts-line-curve')).not.toBeNull();
    expect(spark.querySelector('.recharts-xAxis')).toBeNull();

    const older = screen
      .getByRole('link', { name: /Member Support Assistant/ })
      .closest('tr')!;
    expect(within(older).getByTestId('monitoring-summary')).toHaveTextContent(
      '—',
    );
  });

  it('shows a clear empty state when the service uses no AI', async () => {
    const api = new FakeAimsApi([], {
      'component:default/credit-decision-service': componentStatus(
        'component:default/credit-decision-service',
        [],
      ),
    });
    await render(api);
    expect(await screen.findByTestId('aims-no-ai-systems')).toHaveTextContent(
      'This service uses no registered AI systems.',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows backend errors in an error panel instead of spinning', async () => {
    const api = new FakeAimsApi();
    api.getStatus = async () => {
      throw await responseError(500, 'Error', 'backend exploded');
    };
    await render(api);
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend exploded/).length).toBeGreaterThan(0);
  });
});
