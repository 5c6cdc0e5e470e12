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
  creditRiskScorer,
  creditRiskStatus,
} from '../../testUtils/fixtures';
import { AISystemOverviewCard } from './AISystemOverviewCard';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function render(entity: Entity, api: FakeAimsApi) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <AISystemOverviewCard />
    </EntityProvider>,
    { apis: [[aimsApiRef, api]], mountedRoutes },
  );
}

describe('AISystemOverviewCard', () => {
  it('shows the inventory record of a real AISystem entity and its live status', async () => {
    const api = new FakeAimsApi([], {
      'aisystem:default/credit-risk-scorer': creditRiskStatus,
    });
    await render(creditRiskScorer as unknown as Entity, api);

    expect(
      screen.getByText(/12-month probability of default/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('field-role')).toHaveTextContent(
      'Provider and deployer',
    );
    expect(screen.getByTestId('field-type')).toHaveTextContent('ml-model');
    expect(screen.getByTestId('field-lifecycle')).toHaveTextContent(
      'production',
    );
    expect(screen.getByTestId('field-human-oversight')).toHaveTextContent(
      /credit underwriter/,
    );

    // EU AI Act tier with the Annex III area name from the shared domain data
    const tiers = screen.getAllByTestId('eu-ai-act-tier');
    expect(tiers[0]).toHaveTextContent('High risk');
    expect(screen.getByTestId('annex-iii-area')).toHaveTextContent(
      'Annex III III.5: Access to and enjoyment of essential private and public services and benefits',
    );

    // owner, services (dependencyOf), datasets (dependsOn) as entity links
    expect(screen.getByRole('link', { name: /risk-ml/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/risk-ml',
    );
    expect(
      screen.getAllByRole('link', { name: /loan-origination-api/ })[0],
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/loan-origination-api',
    );
    expect(
      screen.getByRole('link', { name: /loan-applications-dataset/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/loan-applications-dataset',
    );

    // models
    expect(screen.getByText('credit-gbm 5.1.0 (in-house)')).toBeInTheDocument();
    expect(
      screen.getByText('credit-gbm-challenger 6.0.0-rc.2 (in-house)'),
    ).toBeInTheDocument();

    // declared deployments
    const deployments = screen.getByRole('table', {
      name: 'Declared deployments',
    });
    const rows = within(deployments).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('production');
    expect(rows[1]).toHaveTextContent('credit-decision-service');
    expect(rows[1]).toHaveTextContent('5.1.0');
    expect(rows[2]).toHaveTextContent('credit-gbm-challenger');

    // live AIMS status from /status
    expect(
      await screen.findByTestId('impact-assessment-status'),
    ).toHaveTextContent('Review overdue');
    expect(screen.getByTestId('aims-health')).toHaveTextContent('At risk');
    expect(screen.getByTestId('open-findings')).toHaveTextContent(
      '3 (1 critical, 1 high)',
    );
    expect(api.statusCalls).toEqual(['aisystem:default/credit-risk-scorer']);
  });

  it('says a retired system owes no impact assessment', async () => {
    const retired = {
      ...creditRiskScorer,
      spec: { ...creditRiskScorer.spec, lifecycle: 'retired' },
    };
    const api = new FakeAimsApi([], {
      'aisystem:default/credit-risk-scorer': {
        ...creditRiskStatus,
        lifecycle: 'retired',
        impactAssessment: {
          status: 'missing',
          approvedAt: null,
          reviewDue: null,
        },
      },
    });
    await render(retired as unknown as Entity, api);
    const status = await screen.findByTestId('impact-assessment-status');
    expect(status).toHaveTextContent('Not required');
    expect(status).not.toHaveTextContent('Missing');
  });

  it('says so when AIMS has no status for the system yet', async () => {
    await render(creditRiskScorer as unknown as Entity, new FakeAimsApi());
    expect(
      await screen.findByText('AIMS has no status for this AI system yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/12-month probability of default/),
    ).toBeInTheDocument();
  });

  it('shows an unclassified tier when euAiAct is absent', async () => {
    const entity = {
      ...creditRiskScorer,
      spec: { ...creditRiskScorer.spec, euAiAct: undefined },
    };
    await render(entity as unknown as Entity, new FakeAimsApi());
    expect(screen.getByTestId('eu-ai-act-tier')).toHaveTextContent(
      'Unclassified',
    );
    expect(screen.queryByTestId('annex-iii-area')).not.toBeInTheDocument();
    await screen.findByText('AIMS has no status for this AI system yet.');
  });
});
