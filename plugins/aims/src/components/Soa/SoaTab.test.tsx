import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { ANNEX_A_CONTROLS } from '@aims-backstage/backstage-plugin-aims-common';
import { aimsApiRef } from '../../api';
import {
  FakeAimsApi,
  authorizeBy,
  evidenceItem,
  responseError,
  soaDocument,
  soaRow,
} from '../../testUtils/fixtures';
import { AIInventoryContent } from '../AIInventoryPage';

jest.setTimeout(30000);

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };
const catalogApi = { getEntityFacets: jest.fn(async () => ({ facets: {} })) };
const CATEGORY_IDS = [...new Set(ANNEX_A_CONTROLS.map(c => c.categoryId))];

/** An approved v1: A.6.2.4 implemented with current evidence, A.6.2.5 without, A.2.2 excluded. */
function approvedSoa() {
  return soaDocument({
    version: 1,
    status: 'approved',
    revision: 4,
    approvedBy: 'user:default/carol',
    approvedAt: '2026-03-02T09:00:00Z',
    controls: [
      soaRow('A.6.2.4', {
        applicable: true,
        implementationStatus: 'implemented',
        justification: 'Models are validated before release',
        owner: 'group:default/risk-ml',
        evidence: [evidenceItem()],
        currentEvidence: true,
        inclusionReasons: [
          { reason: 'risk-treatment', detail: 'Bias in scoring' },
        ],
        euAiActArticles: ['Art. 15'],
        nistAiRmf: ['MEASURE 2.5'],
        risks: [
          {
            riskId: 'r-1',
            title: 'Bias in scoring',
            aiSystemRef: 'aisystem:default/credit-risk-scorer',
          },
        ],
      }),
      soaRow('A.6.2.5', {
        applicable: true,
        implementationStatus: 'implemented',
      }),
      soaRow('A.2.2', {
        applicable: false,
        implementationStatus: 'not-applicable',
        justification: 'Covered by the group policy',
        reviewBy: '2020-01-01',
        exclusionStanding: 'review-overdue',
      }),
    ],
  });
}

async function renderSoa(
  api: FakeAimsApi,
  options: {
    allowed?: (name: string) => boolean;
    route?: string;
    user?: string;
  } = {},
) {
  const {
    allowed = () => true,
    route = '/?tab=soa',
    user = 'user:default/ana',
  } = options;
  const result = await renderInTestApp(<AIInventoryContent />, {
    apis: [
      [aimsApiRef, api],
      [catalogApiRef, catalogApi as any],
      mockApis.identity({ userEntityRef: user }),
      mockApis.permission({ authorize: authorizeBy(allowed) }),
    ],
    mountedRoutes,
    initialRouteEntries: [route],
  });
  return result;
}

describe('Statement of Applicability tab', () => {
  it('renders the 38 Annex A controls grouped by category with coverage per category', async () => {
    const api = new FakeAimsApi();
    api.soaVersions = [approvedSoa()];
    await renderSoa(api);

    expect(await screen.findByTestId('soa-tab')).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Statement of Applicability' }),
    ).toHaveAttribute('aria-selected', 'true');
    expect(screen.getAllByTestId(/^soa-row-/)).toHaveLength(38);
    for (const id of CATEGORY_IDS) {
      const section = screen.getByTestId(`soa-category-${id}`);
      const expected = ANNEX_A_CONTROLS.filter(c => c.categoryId === id);
      expect(within(section).getAllByTestId(/^soa-row-/)).toHaveLength(
        expected.length,
      );
    }
    expect(screen.getByTestId('soa-version')).toHaveTextContent('v1');
    expect(screen.getByTestId('soa-status')).toHaveTextContent('Approved');

    // overall coverage: 1 with evidence, 1 without, 1 excluded, 35 undecided
    expect(
      screen.getByTestId('soa-coverage-implementedWithEvidence'),
    ).toHaveTextContent('Implemented, current evidence: 1');
    expect(
      screen.getByTestId('soa-coverage-implementedWithoutEvidence'),
    ).toHaveTextContent('Implemented, no current evidence: 1');
    expect(screen.getByTestId('soa-coverage-excluded')).toHaveTextContent(
      'Excluded: 1',
    );
    expect(screen.getByTestId('soa-coverage-undecided')).toHaveTextContent(
      'Undecided: 35',
    );
    expect(
      screen.getByRole('img', { name: /^All Annex A controls: 38 controls/ }),
    ).toHaveAccessibleName(
      'All Annex A controls: 38 controls: 1 implemented, current evidence, 1 implemented, no current evidence, 1 excluded, 35 undecided',
    );
    // the A.6 category bar counts its own rows
    expect(
      screen.getByTestId('coverage-A.6-implementedWithEvidence'),
    ).toHaveTextContent(': 1');

    // a row: evidence count and list, overlays marked indicative, the risk linked to its tab
    const row = screen.getByTestId('soa-row-A.6.2.4');
    expect(
      within(row).getByText('Risk treatment: Bias in scoring'),
    ).toBeVisible();
    expect(within(row).getByText(/EU AI Act: Art. 15/)).toHaveTextContent(
      'indicative',
    );
    expect(
      within(row).getByRole('link', { name: /Bias in scoring/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/aisystem/credit-risk-scorer/risks',
    );
    fireEvent.click(
      within(row).getByRole('button', {
        name: /Evidence of A.6.2.4: 1\/1 current/,
      }),
    );
    expect(
      within(row).getByRole('link', { name: /Validation report Q1/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/validation-q1');

    // an exclusion past its review date is red
    expect(screen.getByTestId('review-by-A.2.2')).toHaveAttribute(
      'data-overdue',
      'true',
    );
  });

  it('filters by the URL: needs attention hides rows without a gap', async () => {
    const api = new FakeAimsApi();
    api.soaVersions = [approvedSoa()];
    await renderSoa(api, { route: '/?tab=soa&category=A.6&attention=1' });
    await screen.findByTestId('soa-tab');
    // A.6 rows except A.6.2.4 (implemented with current evidence)
    const a6 = ANNEX_A_CONTROLS.filter(c => c.categoryId === 'A.6');
    expect(screen.getAllByTestId(/^soa-row-/)).toHaveLength(a6.length - 1);
    expect(screen.queryByTestId('soa-row-A.6.2.4')).not.toBeInTheDocument();
    expect(screen.getByTestId('soa-row-A.6.2.5')).toBeInTheDocument();
  });

  it('saves a control row from the edit dialog and starts a draft over the approved SoA', async () => {
    const api = new FakeAimsApi();
    api.soaVersions = [approvedSoa()];
    await renderSoa(api);
    await screen.findByTestId('soa-tab');

    fireEvent.click(screen.getByRole('button', { name: 'Edit A.6.2.5' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Justification'), {
      target: { value: 'Verified in CI' },
    });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Save control' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const save = api.calls.find(c => c[0] === 'saveSoaControl')!;
    expect(save[1]).toBe('A.6.2.5');
    expect(save[2]).toMatchObject({
      revision: 4,
      applicable: true,
      justification: 'Verified in CI',
      implementationStatus: 'implemented',
    });
    // the new draft v2 is shown, with the workflow to submit it
    await waitFor(() =>
      expect(screen.getByTestId('soa-version')).toHaveTextContent('v2'),
    );
    expect(screen.getByTestId('soa-status')).toHaveTextContent('Draft');
    expect(
      screen.getByRole('button', { name: 'Submit for approval' }),
    ).toBeInTheDocument();
  });

  it('shows a conflict and saves nothing when someone else saved first (409)', async () => {
    const api = new FakeAimsApi();
    api.soaVersions = [approvedSoa()];
    await renderSoa(api);
    await screen.findByTestId('soa-tab');
    api.failures.saveSoaControl = await responseError(
      409,
      'ConflictError',
      'stale revision',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Edit A.6.2.5' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Save control' }),
    );

    expect(await within(dialog).findByTestId('conflict')).toHaveTextContent(
      'Someone else changed this Statement of Applicability',
    );
    expect(
      within(dialog).getByRole('button', { name: 'Save control' }),
    ).toBeDisabled();
    expect(api.soaVersions).toHaveLength(1);
  });

  it('shows the draft in progress over the approved SoA and opens it', async () => {
    const api = new FakeAimsApi();
    api.soaVersions = [
      approvedSoa(),
      soaDocument({ version: 2, status: 'draft', revision: 2 }),
    ];
    await renderSoa(api);
    const notice = await screen.findByTestId('soa-latest-notice');
    expect(notice).toHaveTextContent('A draft (v2) is in progress');
    // the approved version in force is read-only here
    expect(
      screen.queryByRole('button', { name: 'Edit A.6.2.5' }),
    ).not.toBeInTheDocument();
    fireEvent.click(within(notice).getByRole('button', { name: 'Open v2' }));
    await waitFor(() =>
      expect(screen.getByTestId('soa-version')).toHaveTextContent('v2'),
    );
    expect(screen.getByRole('button', { name: 'Edit A.6.2.5' })).toBeVisible();
  });

  it('lists evidence expiring in the next 30 days', async () => {
    const api = new FakeAimsApi();
    api.soaVersions = [approvedSoa()];
    api.evidence = [
      evidenceItem({
        id: 'ev-soon',
        title: 'Pen test report',
        expiresAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      }),
      evidenceItem({
        id: 'ev-later',
        title: 'Annual audit',
        expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
      }),
    ];
    await renderSoa(api);
    const panel = await screen.findByTestId('expiring-evidence');
    expect(await within(panel).findByText('Pen test report')).toBeVisible();
    expect(within(panel).queryByText('Annual audit')).not.toBeInTheDocument();
    expect(api.calls).toContainEqual([
      'listEvidence',
      { expiringWithinDays: 30 },
    ]);
  });

  it('prints: ?print=1 shows every row with its evidence and a footer with the version', async () => {
    const api = new FakeAimsApi();
    api.soaVersions = [approvedSoa()];
    await renderSoa(api, { route: '/?tab=soa&print=1' });
    const view = await screen.findByTestId('soa-print-view');
    expect(within(view).getAllByTestId(/^soa-row-/)).toHaveLength(38);
    expect(within(view).getByTestId('soa-print-footer')).toHaveTextContent(
      'Statement of Applicability v1 (Approved)',
    );
    expect(
      within(view).getByRole('link', { name: /Validation report Q1/ }),
    ).toBeInTheDocument();
    expect(
      within(view).queryByRole('button', { name: /^Edit / }),
    ).not.toBeInTheDocument();
  });

  it('says what failed instead of an empty table when the SoA cannot be loaded', async () => {
    const api = new FakeAimsApi();
    api.failures.getSoa = await responseError(500, 'Error', 'database down');
    await renderSoa(api);
    expect(
      await screen.findByText(/Could not load the Statement of Applicability/),
    ).toBeInTheDocument();
  });

  it('with nothing saved yet shows every control undecided and says so', async () => {
    const api = new FakeAimsApi();
    await renderSoa(api);
    await screen.findByTestId('soa-tab');
    expect(screen.getByTestId('soa-status')).toHaveTextContent('Not started');
    expect(screen.getAllByTestId(/^soa-row-/)).toHaveLength(38);
    expect(
      screen.getByText(/There is no Statement of Applicability yet/),
    ).toBeVisible();
  });

  it('adds organisation evidence to a control from the evidence dialog, validated with the shared rules', async () => {
    const api = new FakeAimsApi();
    api.soaVersions = [approvedSoa()];
    await renderSoa(api);
    await screen.findByTestId('soa-tab');

    fireEvent.click(
      screen.getByRole('button', { name: 'Add evidence to A.6.2.5' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: 'Verification checklist' },
    });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Add evidence' }),
    );
    // no link, reference or live source yet: the shared validator says so, nothing is sent
    expect(
      await within(dialog).findByText(
        /a link, a reference or a live source is required/,
      ),
    ).toBeInTheDocument();
    expect(api.calls.some(c => c[0] === 'createEvidence')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('Link'), {
      target: { value: 'https://docs.example.com/checklist' },
    });
    fireEvent.change(within(dialog).getByLabelText('Expires at'), {
      target: { value: '2099-01-31' },
    });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Add evidence' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const create = api.calls.find(c => c[0] === 'createEvidence')!;
    expect(create[1]).toMatchObject({
      controlId: 'A.6.2.5',
      aiSystemRef: null,
      title: 'Verification checklist',
      href: 'https://docs.example.com/checklist',
      expiresAt: '2099-01-31',
      status: 'draft',
      live: null,
    });
  });

  it('compares two versions row by row', async () => {
    const api = new FakeAimsApi();
    const v1 = approvedSoa();
    const v2 = soaDocument({
      ...v1,
      version: 2,
      status: 'draft',
      revision: 1,
      approvedBy: null,
      approvedAt: null,
      controls: v1.controls.map(r =>
        r.controlId === 'A.6.2.5'
          ? { ...r, implementationStatus: 'in-progress' as const }
          : r,
      ),
    });
    api.soaVersions = [v1, v2];
    await renderSoa(api);
    await screen.findByTestId('soa-version-2');
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    const diff = await screen.findByTestId('soa-version-diff');
    expect(diff).toHaveTextContent('Changes from v1 to v2');
    const rows = within(diff).getAllByTestId('diff-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('A.6.2.5 › Status');
    expect(rows[0]).toHaveTextContent('implemented');
    expect(rows[0]).toHaveTextContent('in-progress');
  });

  it('refuses Approve to the submitter (four eyes) and lets another approver approve', async () => {
    const api = new FakeAimsApi();
    api.actor = 'user:default/carol';
    api.soaVersions = [
      soaDocument({
        version: 1,
        status: 'in-review',
        revision: 5,
        author: 'user:default/ana',
        contributors: ['user:default/ana'],
        submittedBy: 'user:default/ana',
      }),
    ];
    // ana (the signed-in user) submitted it: no Approve, but she may return it
    await renderSoa(api);
    expect(
      await screen.findByText(/another approver must approve it/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Return with reason' }),
    ).toBeInTheDocument();
  });

  it('lets an approver who had no hand in the version approve it', async () => {
    const api = new FakeAimsApi();
    api.actor = 'user:default/carol';
    api.soaVersions = [
      soaDocument({
        version: 1,
        status: 'in-review',
        revision: 5,
        author: 'user:default/ana',
        contributors: ['user:default/ana'],
        submittedBy: 'user:default/ana',
      }),
    ];
    await renderSoa(api, { user: 'user:default/carol' });
    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(screen.getByTestId('soa-status')).toHaveTextContent('Approved'),
    );
    expect(api.calls).toContainEqual([
      'transitionSoa',
      { action: 'approve', revision: 5 },
    ]);
  });
});
