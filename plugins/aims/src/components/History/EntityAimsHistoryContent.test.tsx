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
  impactAssessmentVersion,
  responseError,
} from '../../testUtils/fixtures';
import {
  EntityAimsHistoryContent,
  eventChanges,
} from './EntityAimsHistoryContent';

const REF = 'aisystem:default/credit-risk-scorer';
const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function render(api: FakeAimsApi) {
  return renderInTestApp(
    <EntityProvider entity={creditRiskScorer as unknown as Entity}>
      <EntityAimsHistoryContent />
    </EntityProvider>,
    { apis: [[aimsApiRef, api]], mountedRoutes },
  );
}

describe('EntityAimsHistoryContent', () => {
  it('shows time, actor, action and field changes of each audit event', async () => {
    const api = new FakeAimsApi();
    api.audit = [
      {
        id: '2',
        at: '2026-03-02T14:05:00Z',
        actor: 'user:default/bob',
        action: 'impact-assessment.returned',
        entityRef: REF,
        details: {
          from: 'in-review',
          to: 'draft',
          reason: 'Fairness needs evidence',
        },
      },
      {
        id: '1',
        at: '2026-03-01T10:00:00Z',
        actor: 'user:default/ana',
        action: 'impact-assessment.draft-saved',
        entityRef: REF,
        details: {
          changes: [
            { field: 'dimensions[fairness].severity', before: 2, after: 4 },
            { field: 'intendedUse', before: '', after: 'Score loans' },
          ],
        },
      },
      {
        id: '0',
        at: '2026-02-01T10:00:00Z',
        actor: 'user:default/ana',
        action: 'impact-assessment.draft-saved',
        entityRef: 'aisystem:default/other',
        details: {},
      },
    ];
    await render(api);
    expect(await screen.findByText('AIMS history (2)')).toBeInTheDocument();
    expect(api.calls).toContainEqual([
      'getAuditEvents',
      { entityRef: REF, limit: 200 },
    ]);

    const saved = screen
      .getByText('Impact assessment draft saved')
      .closest('tr')!;
    expect(saved).toHaveTextContent('2026-03-01 10:00 UTC');
    expect(
      within(saved).getByRole('link', { name: /ana/ }),
    ).toBeInTheDocument();
    const changes = within(saved).getAllByTestId('change');
    expect(changes[0]).toHaveTextContent('Fairness › Severity: 2→4');
    expect(changes[1]).toHaveTextContent('Intended use: —→Score loans');

    const returned = screen
      .getByText('Impact assessment returned to draft')
      .closest('tr')!;
    expect(within(returned).getByTestId('change')).toHaveTextContent(
      'Status: in-review→draft',
    );
    expect(returned).toHaveTextContent('Reason: Fairness needs evidence');
  });

  it('shows every contributor of each impact-assessment version, and on the approval event', async () => {
    const api = new FakeAimsApi();
    api.versions[REF] = [
      impactAssessmentVersion({
        aiSystemRef: REF,
        version: 1,
        status: 'approved',
        author: 'user:default/ana',
        contributors: ['user:default/ana', 'user:default/carol'],
        submittedBy: 'user:default/carol',
        approvedBy: 'user:default/grace',
      }),
      impactAssessmentVersion({
        aiSystemRef: REF,
        version: 2,
        author: 'user:default/erin',
      }),
    ];
    api.audit = [
      {
        id: '5',
        at: '2026-03-03T09:00:00Z',
        actor: 'user:default/grace',
        action: 'impact-assessment.approved',
        entityRef: REF,
        details: {
          version: 1,
          from: 'in-review',
          to: 'approved',
          contributors: ['user:default/ana', 'user:default/carol'],
        },
      },
    ];
    await render(api);
    const v1 = await screen.findByTestId('history-version-1');
    expect(v1).toHaveTextContent('v1ana, carolcarolgrace');
    expect(
      within(v1)
        .getAllByRole('link')
        .map(a => a.textContent),
    ).toEqual(['ana', 'carol', 'carol', 'grace']);
    expect(screen.getByTestId('history-version-2')).toHaveTextContent(
      'v2erin——',
    );
    const approved = (
      await screen.findByText('Impact assessment approved')
    ).closest('tr')!;
    expect(approved).toHaveTextContent('Contributors: ana, carol');
  });

  it('explains an empty history', async () => {
    await render(new FakeAimsApi());
    expect(await screen.findByText(/Nothing recorded yet/)).toBeInTheDocument();
  });

  it('shows errors in an error panel', async () => {
    const api = new FakeAimsApi();
    api.failures.getAuditEvents = await responseError(
      403,
      'NotAllowedError',
      'not allowed to read the audit log',
    );
    await render(api);
    expect(
      await screen.findByText(/not allowed to read the audit log/),
    ).toBeInTheDocument();
  });

  it('diffs before/after documents with the shared diff', () => {
    expect(
      eventChanges({
        before: { title: 'a', controls: [] },
        after: { title: 'b', controls: ['A.5.2'] },
      }).changes,
    ).toEqual([
      { field: 'controls', before: [], after: ['A.5.2'] },
      { field: 'title', before: 'a', after: 'b' },
    ]);
  });
});
