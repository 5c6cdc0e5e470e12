import { screen, waitFor, within } from '@testing-library/react';
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
  creditRiskScorer,
  risk,
} from '../../testUtils/fixtures';
import { EntityRisksContent } from './EntityRisksContent';
import { RiskRegisterContent } from './RiskRegisterContent';

// usePermission caches answers per resource ref across tests: one AI system per test
let n = 0;
let REF = '';
let NAME = '';
beforeEach(() => {
  n += 1;
  NAME = `credit-risk-scorer-${n}`;
  REF = `aisystem:default/${NAME}`;
});

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

async function renderRisks(
  api: FakeAimsApi,
  options: {
    user?: string;
    groups?: string[];
    allowed?: boolean;
    /** Per permission name; overrides `allowed`. */
    allow?: (permissionName: string) => boolean;
  } = {},
) {
  const {
    user = 'user:default/ana',
    groups = [],
    allowed = true,
    allow = () => allowed,
  } = options;
  const entity = {
    ...creditRiskScorer,
    metadata: { ...creditRiskScorer.metadata, name: NAME },
  } as unknown as Entity;
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityRisksContent />
    </EntityProvider>,
    {
      apis: [
        [aimsApiRef, api],
        mockApis.identity({
          userEntityRef: user,
          ownershipEntityRefs: [user, ...groups],
        }),
        mockApis.permission({ authorize: authorizeBy(name => allow(name)) }),
      ],
      mountedRoutes,
    },
  );
}

describe('EntityRisksContent', () => {
  it('counts risks per heat-map cell, inherent and residual, with the acceptance threshold', async () => {
    const api = new FakeAimsApi();
    api.risks = [
      risk({
        id: 'a',
        aiSystemRef: REF,
        inherent: { likelihood: 4, impact: 4 },
        residual: { likelihood: 2, impact: 3 },
      }),
      risk({
        id: 'b',
        aiSystemRef: REF,
        inherent: { likelihood: 4, impact: 4 },
        residual: { likelihood: 1, impact: 2 },
      }),
      risk({
        id: 'c',
        aiSystemRef: 'aisystem:default/other',
        inherent: { likelihood: 4, impact: 4 },
        residual: { likelihood: 4, impact: 4 },
      }),
    ];
    await renderRisks(api);
    const heatMap = await screen.findByTestId('risk-heatmap');
    // residual by default
    expect(within(heatMap).getByTestId('heatmap-cell-2-3')).toHaveTextContent(
      '1',
    );
    expect(within(heatMap).getByTestId('heatmap-cell-1-2')).toHaveTextContent(
      '1',
    );
    expect(within(heatMap).getByTestId('heatmap-cell-4-4')).toHaveTextContent(
      '0',
    );
    expect(within(heatMap).getByTestId('heatmap-cell-5-5')).toHaveAttribute(
      'data-band',
      'critical',
    );
    expect(within(heatMap).getByTestId('heatmap-cell-1-1')).toHaveAttribute(
      'data-band',
      'low',
    );
    expect(
      within(heatMap).getByTestId('acceptance-threshold'),
    ).toHaveTextContent('Acceptance threshold: 8');

    await userEvent.click(
      within(heatMap).getByRole('button', { name: 'Inherent' }),
    );
    expect(within(heatMap).getByTestId('heatmap-cell-4-4')).toHaveTextContent(
      '2',
    );
    expect(within(heatMap).getByTestId('heatmap-cell-2-3')).toHaveTextContent(
      '0',
    );
  });

  it('lists the register with score chips and the sign-off state; Sign off only for the risk owner', async () => {
    const api = new FakeAimsApi();
    api.risks = [
      risk({
        id: 'mine',
        aiSystemRef: REF,
        title: 'Mine',
        riskOwner: 'user:default/ana',
        residual: { likelihood: 3, impact: 4 },
      }),
      risk({
        id: 'theirs',
        aiSystemRef: REF,
        title: 'Theirs',
        riskOwner: 'user:default/bob',
        residual: { likelihood: 3, impact: 4 },
      }),
      risk({
        id: 'ok',
        aiSystemRef: REF,
        title: 'Fine',
        residual: { likelihood: 1, impact: 2 },
      }),
    ];
    await renderRisks(api, { user: 'user:default/ana' });
    const mine = (await screen.findByText('Mine')).closest('tr')!;
    const theirs = screen.getByText('Theirs').closest('tr')!;
    const fine = screen.getByText('Fine').closest('tr')!;
    expect(within(mine).getByTestId('needs-sign-off')).toHaveTextContent(
      'Needs sign-off',
    );
    expect(within(mine).getAllByTestId('risk-score')[1]).toHaveTextContent(
      '12 High',
    );
    expect(within(theirs).getByTestId('needs-sign-off')).toBeInTheDocument();
    expect(within(fine).getByText('Within acceptance')).toBeInTheDocument();

    expect(
      within(theirs).queryByRole('button', { name: 'Sign off' }),
    ).not.toBeInTheDocument();
    expect(
      within(fine).queryByRole('button', { name: 'Sign off' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(mine).getByRole('button', { name: 'Sign off' }),
    );
    await waitFor(() =>
      expect(api.calls).toContainEqual(['signOffRisk', 'mine', 1]),
    );
    const signed = (await screen.findByText('Mine')).closest('tr')!;
    await waitFor(() =>
      expect(within(signed).getByText(/Signed off by/)).toBeInTheDocument(),
    );
  });

  it('offers Sign off to a member of the group that owns the risk, not to other groups', async () => {
    const api = new FakeAimsApi();
    api.risks = [
      risk({
        id: 'team',
        aiSystemRef: REF,
        title: 'Team risk',
        riskOwner: 'group:default/risk-ml',
        residual: { likelihood: 3, impact: 4 },
      }),
      risk({
        id: 'other',
        aiSystemRef: REF,
        title: 'Other team',
        riskOwner: 'group:default/payments',
        residual: { likelihood: 3, impact: 4 },
      }),
    ];
    await renderRisks(api, {
      user: 'user:default/carol',
      groups: ['group:default/risk-ml'],
    });
    const team = (await screen.findByText('Team risk')).closest('tr')!;
    const other = screen.getByText('Other team').closest('tr')!;
    await waitFor(() =>
      expect(
        within(team).getByRole('button', { name: 'Sign off' }),
      ).toBeInTheDocument(),
    );
    expect(
      within(other).queryByRole('button', { name: 'Sign off' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(team).getByRole('button', { name: 'Sign off' }),
    );
    await waitFor(() =>
      expect(api.calls).toContainEqual(['signOffRisk', 'team', 1]),
    );
  });

  it('explains an empty register and hides Add risk without permission', async () => {
    await renderRisks(new FakeAimsApi(), { allowed: false });
    expect(
      await screen.findByText('No risks recorded for this AI system yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No risks recorded yet, so every cell is empty.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add risk' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
  });

  it('validates the risk form as you type and creates the risk', async () => {
    const api = new FakeAimsApi();
    await renderRisks(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add risk' }),
    );
    const dialog = await screen.findByRole('dialog');
    // no default risk owner: the owner signs off, so it is chosen, not the author by default
    expect(within(dialog).getByLabelText('Risk owner')).toHaveValue('');

    // saving with nothing filled in shows every problem and sends nothing
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add risk' }),
    );
    expect(
      within(dialog).getAllByText('is required').length,
    ).toBeGreaterThanOrEqual(2);
    expect(within(dialog).getByTestId('risk-actions-error')).toHaveTextContent(
      'needs at least one action when the treatment is mitigate',
    );
    expect(api.calls.some(c => c[0] === 'createRisk')).toBe(false);

    await userEvent.type(
      within(dialog).getByLabelText('Title'),
      'Thin-file declines',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Description'),
      'Applicants without history',
    );
    await userEvent.selectOptions(
      dialog.querySelector('#risk-inherent-likelihood')!,
      '2',
    );
    await userEvent.selectOptions(
      dialog.querySelector('#risk-inherent-impact')!,
      '2',
    );
    await userEvent.selectOptions(
      dialog.querySelector('#risk-residual-likelihood')!,
      '3',
    );
    await userEvent.selectOptions(
      dialog.querySelector('#risk-residual-impact')!,
      '3',
    );
    await userEvent.selectOptions(
      dialog.querySelector('#risk-treatment')!,
      'accept',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Risk owner'),
      'user:default/bob',
    );
    // residual above inherent: the shared rule says so
    expect(within(dialog).getByTestId('risk-residual-error')).toHaveTextContent(
      'score cannot exceed the inherent score',
    );
    await userEvent.selectOptions(
      dialog.querySelector('#risk-residual-likelihood')!,
      '1',
    );

    // Annex A control picker
    await userEvent.type(
      within(dialog).getByLabelText('Annex A controls'),
      'A.6.2.4',
    );
    await userEvent.click(
      await screen.findByText('A.6.2.4 AI system verification and validation'),
    );

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add risk' }),
    );
    await waitFor(() =>
      expect(api.calls.some(c => c[0] === 'createRisk')).toBe(true),
    );
    const [, ref, body] = api.calls.find(c => c[0] === 'createRisk')!;
    expect(ref).toBe(REF);
    expect(body).toEqual({
      title: 'Thin-file declines',
      description: 'Applicants without history',
      inherent: { likelihood: 2, impact: 2 },
      residual: { likelihood: 1, impact: 3 },
      treatment: 'accept',
      actions: [],
      controls: ['A.6.2.4'],
      riskOwner: 'user:default/bob',
    });
    expect(await screen.findByText('Thin-file declines')).toBeInTheDocument();
  });

  async function fillNewRisk(dialog: HTMLElement, riskOwner: string) {
    await userEvent.type(within(dialog).getByLabelText('Title'), 'Drift');
    await userEvent.type(
      within(dialog).getByLabelText('Description'),
      'Scores drift',
    );
    for (const id of [
      'inherent-likelihood',
      'inherent-impact',
      'residual-likelihood',
      'residual-impact',
    ]) {
      await userEvent.selectOptions(dialog.querySelector(`#risk-${id}`)!, '2');
    }
    await userEvent.selectOptions(
      dialog.querySelector('#risk-treatment')!,
      'accept',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Risk owner'),
      riskOwner,
    );
  }

  it('says a new risk owner should not be its author, and does not send yourself or your group without aims.risk.assignOwner', async () => {
    const api = new FakeAimsApi();
    await renderRisks(api, {
      groups: ['group:default/risk-ml'],
      allow: name => name !== 'aims.risk.assignOwner',
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add risk' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('Risk owner')).toHaveValue('');
    expect(dialog).toHaveTextContent('usually not you, its author');

    await fillNewRisk(dialog, 'group:default/risk-ml');
    expect(dialog).toHaveTextContent(
      'You may not name yourself or a group you belong to',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add risk' }),
    );
    expect(api.calls.some(c => c[0] === 'createRisk')).toBe(false);

    const owner = within(dialog).getByLabelText('Risk owner');
    await userEvent.clear(owner);
    await userEvent.type(owner, 'ana');
    expect(dialog).toHaveTextContent(
      'You may not name yourself or a group you belong to',
    );

    await userEvent.clear(owner);
    await userEvent.type(owner, 'user:default/bob');
    expect(dialog).not.toHaveTextContent('You may not name yourself');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add risk' }),
    );
    await waitFor(() =>
      expect(api.calls.find(c => c[0] === 'createRisk')?.[2]).toMatchObject({
        riskOwner: 'user:default/bob',
      }),
    );
  });

  it('lets a holder of aims.risk.assignOwner name themselves risk owner', async () => {
    const api = new FakeAimsApi();
    await renderRisks(api, { user: 'user:default/carol', allowed: true });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Add risk' }),
    );
    const dialog = await screen.findByRole('dialog');
    await fillNewRisk(dialog, 'user:default/carol');
    expect(dialog).not.toHaveTextContent('You may not name yourself');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add risk' }),
    );
    await waitFor(() =>
      expect(api.calls.find(c => c[0] === 'createRisk')?.[2]).toMatchObject({
        riskOwner: 'user:default/carol',
      }),
    );
  });

  it('edits a risk with its revision', async () => {
    const api = new FakeAimsApi();
    api.risks = [risk({ id: 'r1', aiSystemRef: REF, revision: 4 })];
    await renderRisks(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByLabelText('Title');
    await userEvent.clear(title);
    await userEvent.type(title, 'Renamed');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save risk' }),
    );
    await waitFor(() =>
      expect(api.calls.some(c => c[0] === 'updateRisk')).toBe(true),
    );
    const [, id, body, revision] = api.calls.find(c => c[0] === 'updateRisk')!;
    expect(id).toBe('r1');
    expect(revision).toBe(4);
    expect(body).toMatchObject({ title: 'Renamed', controls: ['A.6.2.4'] });
  });
});

describe('changing the risk owner', () => {
  const signedOff = (over: Record<string, unknown> = {}) =>
    risk({
      id: 'r1',
      aiSystemRef: REF,
      title: 'Signed',
      riskOwner: 'user:default/bob',
      residual: { likelihood: 3, impact: 4 },
      signOff: {
        by: 'user:default/bob',
        at: '2026-03-01T10:00:00Z',
        residualScore: 12,
      },
      ...over,
    });

  it('locks the owner field without aims.risk.assignOwner unless you are the current risk owner', async () => {
    const api = new FakeAimsApi();
    api.risks = [signedOff()];
    // ana edits the AI system's risks (aims.risk.update) but may not assign owners
    await renderRisks(api, {
      user: 'user:default/ana',
      allow: name => name !== 'aims.risk.assignOwner',
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Risk owner')).toBeDisabled(),
    );
    expect(dialog).toHaveTextContent(
      'Only the current risk owner or compliance (aims.risk.assignOwner)',
    );
  });

  it('lets a member of the owning group hand the risk on', async () => {
    const api = new FakeAimsApi();
    api.risks = [signedOff({ riskOwner: 'group:default/risk-ml' })];
    await renderRisks(api, {
      user: 'user:default/erin',
      groups: ['group:default/risk-ml'],
      allow: name => name !== 'aims.risk.assignOwner',
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Risk owner')).toBeEnabled(),
    );
  });

  it('warns that a new owner voids the sign-off, and the register shows it needed again', async () => {
    const api = new FakeAimsApi();
    api.risks = [signedOff()];
    await renderRisks(api, { user: 'user:default/carol' });
    const row = (await screen.findByText('Signed')).closest('tr')!;
    expect(within(row).getByText(/Signed off by/)).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const owner = within(dialog).getByLabelText('Risk owner');
    await waitFor(() => expect(owner).toBeEnabled());
    expect(
      within(dialog).queryByTestId('sign-off-voided'),
    ).not.toBeInTheDocument();
    await userEvent.clear(owner);
    await userEvent.type(owner, 'user:default/dave');
    expect(within(dialog).getByTestId('sign-off-voided')).toHaveTextContent(
      'Saving voids the sign-off by user:default/bob',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save risk' }),
    );
    await waitFor(() =>
      expect(api.calls.some(c => c[0] === 'updateRisk')).toBe(true),
    );
    await waitFor(() =>
      expect(
        within(screen.getByText('Signed').closest('tr')!).getByTestId(
          'needs-sign-off',
        ),
      ).toHaveTextContent('Needs sign-off'),
    );
  });
});

describe('RiskRegisterContent', () => {
  it('shows the org-wide heat map and register with links to each AI system, and downloads CSV', async () => {
    const api = new FakeAimsApi();
    api.risks = [
      risk({
        id: 'a',
        aiSystemRef: 'aisystem:default/credit-risk-scorer',
        title: 'Bias',
      }),
      risk({
        id: 'b',
        aiSystemRef: 'aisystem:default/fraud-scorer',
        title: 'False positives',
        residual: { likelihood: 1, impact: 1 },
      }),
    ];
    global.URL.createObjectURL = jest.fn(() => 'blob:x');
    global.URL.revokeObjectURL = jest.fn();
    await renderInTestApp(<RiskRegisterContent />, {
      apis: [
        [aimsApiRef, api],
        mockApis.identity({ userEntityRef: 'user:default/zed' }),
      ],
      mountedRoutes,
    });
    expect(await screen.findByText('Risk register (2)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'fraud-scorer' })).toHaveAttribute(
      'href',
      '/catalog/default/aisystem/fraud-scorer',
    );
    expect(screen.getByTestId('heatmap-cell-3-4')).toHaveTextContent('1');
    expect(screen.getByTestId('heatmap-cell-1-1')).toHaveTextContent('1');
    // not the owner: no sign-off
    expect(
      screen.queryByRole('button', { name: 'Sign off' }),
    ).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Sign-off'), 'true');
    await waitFor(() =>
      expect(screen.queryByText('False positives')).not.toBeInTheDocument(),
    );
    expect(api.calls).toContainEqual([
      'getRisks',
      { needsSignOff: true, limit: 100 },
    ]);

    await userEvent.click(screen.getByRole('button', { name: /Download CSV/ }));
    await waitFor(() =>
      expect(api.calls).toContainEqual(['getRisksCsv', { needsSignOff: true }]),
    );
  });
});
