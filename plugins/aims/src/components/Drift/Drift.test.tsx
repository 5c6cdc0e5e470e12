import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { aimsApiRef } from '../../api';
import {
  FakeAimsApi,
  authorizeBy,
  deploymentSource,
  driftFinding,
  responseError,
} from '../../testUtils/fixtures';
import { EntityDriftContent } from './EntityDriftContent';
import { EntityDriftBanner } from './EntityDriftBanner';
import { DeploymentSourcesCard } from './DeploymentSourcesCard';
import { driftSummary } from './driftText';

const tomorrow = () =>
  new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

const fraudScorer = {
  apiVersion: 'aims.dev/v1alpha1',
  kind: 'AISystem',
  metadata: { name: 'fraud-scorer', namespace: 'default' },
  spec: { type: 'ml-model', lifecycle: 'production', owner: 'fraud-ml' },
} as unknown as Entity;

const paymentsApi = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
} as unknown as Entity;

/**
 * Renders with a permission API that allows `aims.finding.act` on the entities in `mayActOn`
 * (every entity by default), and records each resource it was asked about.
 */
async function render(
  api: FakeAimsApi,
  entity: Entity,
  element: JSX.Element,
  mayActOn?: string[],
) {
  const asked: Array<[string, string | undefined]> = [];
  const authorize = authorizeBy((permission, resourceRef) => {
    asked.push([permission, resourceRef]);
    return (
      permission === 'aims.finding.act' &&
      (!mayActOn || mayActOn.includes(resourceRef ?? ''))
    );
  });
  await renderInTestApp(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    {
      apis: [[aimsApiRef, api], mockApis.permission({ authorize })],
      mountedRoutes,
    },
  );
  return { asked };
}

function apiWithFindings() {
  const api = new FakeAimsApi();
  api.findings = [
    driftFinding(),
    driftFinding({
      id: 'f-2',
      type: 'declared-not-observed',
      environment: 'staging',
      severity: 'low',
      status: 'snoozed',
      statusUntil: '2099-01-31T23:59:59.999Z',
      statusReason: 'staging is being rebuilt',
      evidence: {
        declared: [{ model: 'fraud-gbm', version: '3.2.0' }],
        coveredSince: '2026-02-01T00:00:00Z',
        coveredBy: [
          { sourceId: 'kubernetes', observedAt: '2026-03-02T07:00:00Z' },
        ],
      },
    }),
    {
      id: 'c-1',
      type: 'missing-impact-assessment',
      entityRef: 'aisystem:default/fraud-scorer',
      aiSystemRef: null,
      environment: null,
      severity: 'high',
      status: 'open',
      firstSeenAt: '2026-02-01T00:00:00Z',
      lastSeenAt: '2026-03-01T00:00:00Z',
      evidence: {},
    },
    driftFinding({
      id: 'f-9',
      aiSystemRef: 'aisystem:default/other',
      entityRef: 'component:default/other',
    }),
  ];
  return api;
}

describe('EntityDriftContent (Drift tab of AISystem pages)', () => {
  it('lists the drift findings naming the system with evidence, and its compliance findings', async () => {
    const api = apiWithFindings();
    await render(api, fraudScorer, <EntityDriftContent />);
    expect(
      await screen.findByText('Deployment drift (1 open, 2 in all)'),
    ).toBeInTheDocument();
    expect(api.calls).toContainEqual([
      'getFindings',
      { entityRef: 'aisystem:default/fraud-scorer' },
    ]);

    const mismatch = screen.getByText('Version mismatch').closest('tr')!;
    expect(
      within(mismatch).getByRole('link', { name: /payments-api/ }),
    ).toBeInTheDocument();
    expect(mismatch).toHaveTextContent('production');
    expect(within(mismatch).getByTestId('finding-severity')).toHaveTextContent(
      'High',
    );
    expect(within(mismatch).getByTestId('finding-status')).toHaveTextContent(
      'Open',
    );
    expect(mismatch).toHaveTextContent('2026-03-01 10:00 UTC');
    expect(mismatch).toHaveTextContent('2026-03-03 08:30 UTC');
    const evidence = within(mismatch).getByTestId('drift-evidence');
    expect(evidence).toHaveTextContent(
      'kubernetes saw fraud-gbm 3.3.0 2026-03-03 08:30 UTC',
    );
    expect(evidence).toHaveTextContent(
      'deployment-reports saw fraud-gbm 3.3.0 2026-03-01 10:00 UTC',
    );

    const snoozed = screen.getByText('Declared, not observed').closest('tr')!;
    expect(within(snoozed).getByTestId('finding-status')).toHaveTextContent(
      'Snoozed until 2099-01-31',
    );
    expect(snoozed).toHaveTextContent('staging is being rebuilt');
    expect(within(snoozed).getByTestId('drift-evidence')).toHaveTextContent(
      'kubernetes saw the deployment',
    );

    expect(screen.getByText('Compliance findings (1)')).toBeInTheDocument();
    expect(screen.getByText('Missing impact assessment')).toBeInTheDocument();
    // the other system's drift is not here
    expect(
      screen.queryByRole('link', { name: /^other$/ }),
    ).not.toBeInTheDocument();
  });

  it('offers actions on each finding only where aims.finding.act allows them on the entity it is on', async () => {
    const api = new FakeAimsApi();
    api.findings = [
      driftFinding({ id: 'mine', entityRef: 'component:default/ledger-api' }),
      driftFinding({
        id: 'theirs',
        type: 'environment-mismatch',
        entityRef: 'component:default/cards-api',
      }),
      driftFinding({
        id: 'done',
        type: 'retired-but-running',
        entityRef: 'component:default/ledger-api',
        status: 'resolved',
      }),
    ];
    const { asked } = await render(api, fraudScorer, <EntityDriftContent />, [
      'component:default/ledger-api',
    ]);
    const mine = (await screen.findByText('Version mismatch')).closest('tr')!;
    await waitFor(() =>
      expect(
        within(mine).getByRole('button', { name: 'Acknowledge' }),
      ).toBeInTheDocument(),
    );
    expect(
      within(mine).getByRole('button', { name: 'Resolve' }),
    ).toBeInTheDocument();
    const theirs = screen.getByText('Environment mismatch').closest('tr')!;
    expect(
      within(theirs).queryByRole('button', { name: 'Acknowledge' }),
    ).not.toBeInTheDocument();
    expect(
      within(theirs).queryByRole('button', { name: 'Resolve' }),
    ).not.toBeInTheDocument();
    // history stays for everyone; a resolved finding has no action left
    expect(
      within(theirs).getByRole('button', { name: /History/ }),
    ).toBeInTheDocument();
    const done = screen.getByText('Retired but running').closest('tr')!;
    expect(
      within(done).queryByRole('button', { name: 'Acknowledge' }),
    ).not.toBeInTheDocument();
    expect(asked).toContainEqual([
      'aims.finding.act',
      'component:default/cards-api',
    ]);
    expect(asked).not.toContainEqual([
      'aims.finding.act',
      'aisystem:default/fraud-scorer',
    ]);
  });

  it('shows the event history of a finding', async () => {
    const api = apiWithFindings();
    api.findingEvents['f-1'] = [
      {
        id: '1',
        at: '2026-03-01T10:00:00Z',
        actor: 'aims:drift',
        action: 'opened',
        fromStatus: null,
        toStatus: 'open',
      },
      {
        id: '2',
        at: '2026-03-02T09:00:00Z',
        actor: 'user:default/ana',
        action: 'finding.acknowledge',
        fromStatus: 'open',
        toStatus: 'acknowledged',
        reason: 'rollout in progress',
      },
    ];
    await render(api, fraudScorer, <EntityDriftContent />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'History of finding f-1' }),
    );
    const dialog = await screen.findByRole('dialog');
    const events = await within(dialog).findByTestId('finding-events');
    expect(api.calls).toContainEqual(['getFinding', 'f-1']);
    expect(events).toHaveTextContent('opened');
    expect(events).toHaveTextContent('Acknowledged');
    expect(events).toHaveTextContent('rollout in progress');
    expect(
      within(events).getByRole('link', { name: /ana/ }),
    ).toBeInTheDocument();
  });

  it('explains an empty drift table', async () => {
    await render(new FakeAimsApi(), fraudScorer, <EntityDriftContent />);
    expect(await screen.findByTestId('aims-no-drift')).toHaveTextContent(
      /never as drift/,
    );
  });
});

describe('EntityDriftBanner (Component pages)', () => {
  it('is hidden when the component has no open drift findings', async () => {
    const api = new FakeAimsApi();
    api.findings = [
      driftFinding({ status: 'resolved' }),
      driftFinding({ id: 'f-2', status: 'snoozed' }),
    ];
    await render(
      api,
      paymentsApi,
      <div data-testid="page">
        <EntityDriftBanner />
      </div>,
    );
    await waitFor(() =>
      expect(api.calls).toContainEqual([
        'getFindings',
        { entityRef: 'component:default/payments-api' },
      ]),
    );
    expect(screen.getByTestId('page')).toBeEmptyDOMElement();
  });

  it('lists each open drift finding in one line with its actions', async () => {
    const api = new FakeAimsApi();
    api.findings = [driftFinding()];
    await render(api, paymentsApi, <EntityDriftBanner />);
    const banner = await screen.findByTestId('aims-drift-banner');
    expect(banner).toHaveTextContent('1 open finding');
    expect(within(banner).getByTestId('drift-line')).toHaveTextContent(
      'version-mismatch: fraud-scorer in production runs 3.3.0, declared 3.2.0',
    );
    for (const name of [
      'Acknowledge',
      'Snooze until…',
      'Accept risk until…',
      'Resolve',
    ]) {
      expect(within(banner).getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('shows the findings but no actions without aims.finding.act on the service', async () => {
    // another component than the other tests: usePermission caches answers per resource
    const checkoutApi = {
      ...paymentsApi,
      metadata: { name: 'checkout-api', namespace: 'default' },
    } as Entity;
    const api = new FakeAimsApi();
    api.findings = [
      driftFinding({ entityRef: 'component:default/checkout-api' }),
    ];
    const { asked } = await render(api, checkoutApi, <EntityDriftBanner />, []);
    const banner = await screen.findByTestId('aims-drift-banner');
    expect(banner).toHaveTextContent('1 open finding');
    await waitFor(() =>
      expect(asked).toContainEqual([
        'aims.finding.act',
        'component:default/checkout-api',
      ]),
    );
    for (const name of [
      'Acknowledge',
      'Snooze until…',
      'Accept risk until…',
      'Resolve',
    ]) {
      expect(
        within(banner).queryByRole('button', { name }),
      ).not.toBeInTheDocument();
    }
  });

  it('offers only the actions the status allows (an acknowledged finding is not acknowledged again)', async () => {
    const api = new FakeAimsApi();
    api.findings = [driftFinding({ status: 'acknowledged' })];
    await render(api, paymentsApi, <EntityDriftBanner />);
    const banner = await screen.findByTestId('aims-drift-banner');
    expect(
      await within(banner).findByRole('button', { name: 'Resolve' }),
    ).toBeInTheDocument();
    expect(
      within(banner).queryByRole('button', { name: 'Acknowledge' }),
    ).not.toBeInTheDocument();
    expect(banner).toHaveTextContent('(Acknowledged)');
  });

  it('asks for a reason, sends the action and refreshes', async () => {
    const api = new FakeAimsApi();
    api.findings = [driftFinding()];
    await render(api, paymentsApi, <EntityDriftBanner />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Resolve' }),
    );
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Resolve' });
    expect(submit).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      'Declared 3.3.0 in catalog-info',
    );
    expect(submit).toBeEnabled();
    await userEvent.click(submit);
    await waitFor(() =>
      expect(screen.queryByTestId('aims-drift-banner')).not.toBeInTheDocument(),
    );
    expect(api.calls).toContainEqual([
      'actOnFinding',
      'f-1',
      { action: 'resolve', reason: 'Declared 3.3.0 in catalog-info' },
    ]);
    expect(api.calls.filter(c => c[0] === 'getFindings')).toHaveLength(2);
  });

  it('needs a future date to snooze and sends it', async () => {
    const api = new FakeAimsApi();
    api.findings = [driftFinding()];
    await render(api, paymentsApi, <EntityDriftBanner />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Snooze until…' }),
    );
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Snooze' });
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      'Fix ships next sprint',
    );
    expect(submit).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Until'), {
      target: { value: '2020-01-01' },
    });
    expect(submit).toBeDisabled();
    expect(dialog).toHaveTextContent('Pick today or a later date');
    const until = tomorrow();
    fireEvent.change(within(dialog).getByLabelText('Until'), {
      target: { value: until },
    });
    expect(submit).toBeEnabled();
    await userEvent.click(submit);
    await waitFor(() =>
      expect(api.calls).toContainEqual([
        'actOnFinding',
        'f-1',
        { action: 'snooze', reason: 'Fix ships next sprint', until },
      ]),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('says who may act when the backend answers 403', async () => {
    const api = new FakeAimsApi();
    api.findings = [driftFinding()];
    api.failures.actOnFinding = await responseError(
      403,
      'NotAllowedError',
      'You are not allowed',
    );
    await render(api, paymentsApi, <EntityDriftBanner />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Acknowledge' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'on it');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Acknowledge' }),
    );
    expect(
      await within(dialog).findByTestId('finding-action-error'),
    ).toHaveTextContent(
      'Only the owners of this service or AI system, or compliance, can act on this finding.',
    );
    expect(api.findings[0].status).toBe('open');
  });
});

describe('DeploymentSourcesCard', () => {
  it('shows each source with its status, last success and last error', async () => {
    const api = new FakeAimsApi();
    api.sources = [
      deploymentSource('kubernetes'),
      deploymentSource('deployment-reports', {
        status: 'failed',
        lastFailureAt: '2026-03-03T09:00:00Z',
        lastError: 'connect ECONNREFUSED',
      }),
      deploymentSource('argocd', {
        status: 'stale',
        lastSuccessAt: '2026-02-01T00:00:00Z',
      }),
    ];
    await render(api, paymentsApi, <DeploymentSourcesCard />);
    const k8s = await screen.findByTestId('source-kubernetes');
    expect(within(k8s).getByTestId('source-status')).toHaveTextContent(
      'Healthy',
    );
    expect(k8s).toHaveTextContent('2026-03-03 08:30 UTC');
    const reports = screen.getByTestId('source-deployment-reports');
    expect(within(reports).getByTestId('source-status')).toHaveTextContent(
      'Failed',
    );
    expect(reports).toHaveTextContent('connect ECONNREFUSED');
    expect(
      within(screen.getByTestId('source-argocd')).getByTestId('source-status'),
    ).toHaveTextContent('Stale');
    expect(
      screen.getByText(/count as unknown, never as drift/),
    ).toBeInTheDocument();
    // nothing waiting: no backlog line
    expect(screen.queryByTestId('reconcile-backlog')).not.toBeInTheDocument();
  });

  it('says how many components wait for the drift comparison, and since when', async () => {
    const api = new FakeAimsApi();
    api.sources = [deploymentSource('deployment-reports')];
    api.reconcileBacklog = {
      waiting: 3,
      oldestRequestedAt: '2026-03-03T09:00:00Z',
    };
    await render(api, paymentsApi, <DeploymentSourcesCard />);
    expect(await screen.findByTestId('reconcile-backlog')).toHaveTextContent(
      '3 components have deployment reports waiting to be compared with the inventory (oldest 2026-03-03 09:00 UTC)',
    );
  });
});

describe('driftSummary', () => {
  it('says what drifted in one line per type', () => {
    expect(driftSummary(driftFinding())).toBe(
      'version-mismatch: fraud-scorer in production runs 3.3.0, declared 3.2.0',
    );
    expect(
      driftSummary(
        driftFinding({
          type: 'undeclared-ai-usage',
          aiSystemRef: null,
          evidence: {
            reason: 'model-not-declared',
            model: 'gpt-4o',
            provider: 'openai',
          },
        }),
      ),
    ).toBe(
      'undeclared-ai-usage: model gpt-4o (openai) runs in production, declared by no AI system',
    );
    expect(
      driftSummary(
        driftFinding({
          type: 'environment-mismatch',
          environment: 'dev',
          evidence: { declaredEnvironments: ['production', 'staging'] },
        }),
      ),
    ).toBe(
      'environment-mismatch: fraud-scorer runs in dev, declared only in production, staging',
    );
    expect(
      driftSummary(
        driftFinding({
          type: 'unassessed-in-production',
          evidence: { impactAssessmentStatus: 'draft' },
        }),
      ),
    ).toBe(
      'unassessed-in-production: fraud-scorer runs in production without an approved impact assessment (draft)',
    );
  });
});
