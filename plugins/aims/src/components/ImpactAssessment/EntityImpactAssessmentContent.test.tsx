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
  completeImpactAssessmentContent,
  creditRiskScorer,
  impactAssessmentVersion,
  responseError,
} from '../../testUtils/fixtures';
import { EntityImpactAssessmentContent } from './EntityImpactAssessmentContent';

// The editor is a large form and jsdom re-renders it on every event: 5-20 s per test alone,
// several times that while `make test` runs every suite at once on a 2-core CI machine.
jest.setTimeout(120_000);

// usePermission caches answers by permission and resource ref (SWR) across tests, so every
// test renders its own AI system
let n = 0;
let REF = '';
let NAME = '';
beforeEach(() => {
  n += 1;
  NAME = `credit-risk-scorer-${n}`;
  REF = `aisystem:default/${NAME}`;
});
const aiSystem = (annotations?: Record<string, string>) =>
  ({
    ...creditRiskScorer,
    metadata: {
      ...creditRiskScorer.metadata,
      name: NAME,
      ...(annotations ? { annotations } : {}),
    },
  } as unknown as Entity);
const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

async function renderTab(options: {
  api: FakeAimsApi;
  user?: string;
  allowed?: (name: string) => boolean;
  entity?: Entity;
}) {
  const { api, user = 'user:default/ana', allowed = () => true } = options;
  const entity = options.entity ?? aiSystem();
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityImpactAssessmentContent />
    </EntityProvider>,
    {
      apis: [
        [aimsApiRef, api],
        mockApis.identity({ userEntityRef: user }),
        mockApis.permission({ authorize: authorizeBy(allowed) }),
      ],
      mountedRoutes,
    },
  );
}

describe('EntityImpactAssessmentContent', () => {
  it('explains the empty state and starts a draft with the entity tier', async () => {
    const api = new FakeAimsApi();
    await renderTab({ api });
    expect(
      await screen.findByText('This AI system has no impact assessment'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/clause 6\.1\.4 and control A\.5\.2/),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Start impact assessment' }),
    );
    expect(screen.getByTestId('impact-assessment-editor')).toBeInTheDocument();
    // the entity is high-risk: the new draft starts with that tier
    expect(
      (screen.getByLabelText('EU AI Act tier') as HTMLSelectElement).value,
    ).toBe('high-risk');
  });

  it('says a retired AI system owes no impact assessment instead of asking for one', async () => {
    const entity = aiSystem();
    const retired = {
      ...entity,
      spec: { ...entity.spec, lifecycle: 'retired' },
    } as Entity;
    await renderTab({ api: new FakeAimsApi(), entity: retired });
    expect(
      await screen.findByText('No impact assessment required'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('impact-assessment-status')).toHaveTextContent(
      'Not required',
    );
    expect(
      screen.queryByText('This AI system has no impact assessment'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Start impact assessment' }),
    ).not.toBeInTheDocument();
  });

  it('offers no start button without the update permission', async () => {
    await renderTab({ api: new FakeAimsApi(), allowed: () => false });
    expect(
      await screen.findByText(/Ask the owner of the AI system/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Start impact assessment' }),
    ).not.toBeInTheDocument();
  });

  it('validates as you type and lists what blocks "Submit for review"', async () => {
    const api = new FakeAimsApi();
    api.versions[REF] = [impactAssessmentVersion({ revision: 3 })];
    await renderTab({ api });
    await screen.findByTestId('impact-assessment-editor');

    const submit = screen.getByRole('button', { name: 'Submit for review' });
    expect(submit).toBeDisabled();
    const blockers = screen.getByTestId('submit-blockers');
    expect(blockers).toHaveTextContent('Intended use is required');
    expect(blockers).toHaveTextContent('Reviewers needs at least one reviewer');
    expect(blockers).toHaveTextContent('Next review date is required');

    // a rating out of range shows under the field at once
    const severity = screen.getByLabelText('Fairness severity');
    await userEvent.type(severity, '7');
    const row = screen.getByTestId('edit-dimension-fairness');
    expect(
      within(row).getByText('must be an integer from 1 to 5'),
    ).toBeInTheDocument();
    // and saving is blocked until it is fixed
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();
    await userEvent.clear(severity);
    await userEvent.type(severity, '4');
    expect(
      within(row).queryByText('must be an integer from 1 to 5'),
    ).not.toBeInTheDocument();

    // a touched required field says it is required
    const intendedUse = screen.getByLabelText('Intended use');
    await userEvent.type(intendedUse, 'x');
    await userEvent.clear(intendedUse);
    expect(screen.getAllByText('is required').length).toBeGreaterThan(0);
    // longer text is pasted: one input event instead of a re-render per key (CI is loaded)
    await userEvent.click(intendedUse);
    await userEvent.paste('Score loans');
    expect(screen.getByTestId('submit-blockers')).not.toHaveTextContent(
      'Intended use is required',
    );
  });

  it('saves the draft with the revision it started from', async () => {
    const api = new FakeAimsApi();
    api.versions[REF] = [impactAssessmentVersion({ revision: 3 })];
    await renderTab({ api });
    await userEvent.click(await screen.findByLabelText('Intended use'));
    await userEvent.paste('Score loans');
    await userEvent.click(screen.getByLabelText('Data categories'));
    await userEvent.paste('financial');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() =>
      expect(
        api.calls.filter(c => c[0] === 'saveImpactAssessmentDraft'),
      ).toHaveLength(1),
    );
    const [, ref, body] = api.calls.find(
      c => c[0] === 'saveImpactAssessmentDraft',
    )!;
    expect(ref).toBe(REF);
    expect(body).toMatchObject({
      revision: 3,
      content: { intendedUse: 'Score loans', dataCategories: ['financial'] },
    });
    // the overview is reloaded after the save
    await waitFor(() =>
      expect(
        api.calls.filter(c => c[0] === 'getImpactAssessment').length,
      ).toBeGreaterThan(1),
    );
  });

  it('shows "Someone else changed this assessment" on 409 and reloads, never overwriting', async () => {
    const api = new FakeAimsApi();
    api.versions[REF] = [impactAssessmentVersion({ revision: 3 })];
    api.failures.saveImpactAssessmentDraft = await responseError(
      409,
      'ConflictError',
      'stale revision',
    );
    await renderTab({ api });
    await userEvent.type(await screen.findByLabelText('Intended use'), 'Mine');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    const conflict = await screen.findByTestId('conflict');
    expect(conflict).toHaveTextContent(
      'Someone else changed this assessment — reload',
    );
    expect(screen.getByRole('button', { name: 'Save draft' })).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Submit for review' }),
    ).toBeDisabled();

    // someone else's change is stored; reload shows it
    api.versions[REF][0].content = {
      ...api.versions[REF][0].content,
      intendedUse: 'Theirs',
    };
    api.versions[REF][0].revision = 4;
    await userEvent.click(
      within(conflict).getByRole('button', { name: 'Reload' }),
    );
    await waitFor(() =>
      expect(
        (screen.getByLabelText('Intended use') as HTMLTextAreaElement).value,
      ).toBe('Theirs'),
    );
    expect(screen.queryByTestId('conflict')).not.toBeInTheDocument();
    expect(
      api.calls.filter(c => c[0] === 'saveImpactAssessmentDraft'),
    ).toHaveLength(1);
  });

  it('submits a complete draft for review', async () => {
    const api = new FakeAimsApi();
    api.versions[REF] = [
      impactAssessmentVersion({
        revision: 5,
        content: completeImpactAssessmentContent(),
      }),
    ];
    await renderTab({ api });
    await screen.findByTestId('impact-assessment-editor');
    expect(screen.queryByTestId('submit-blockers')).not.toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Submit for review' });
    expect(submit).toBeEnabled();
    await userEvent.click(submit);
    await waitFor(() =>
      expect(api.calls).toContainEqual([
        'transitionImpactAssessment',
        REF,
        { action: 'submit', revision: 5 },
      ]),
    );
    expect(await screen.findByText('In review: v1')).toBeInTheDocument();
  });

  describe('review', () => {
    function inReview() {
      const api = new FakeAimsApi();
      api.versions[REF] = [
        impactAssessmentVersion({
          status: 'in-review',
          revision: 8,
          author: 'user:default/ana',
          content: completeImpactAssessmentContent(),
        }),
      ];
      return api;
    }

    it('hides Approve for the author', async () => {
      await renderTab({ api: inReview(), user: 'user:default/ana' });
      expect(await screen.findByText('In review: v1')).toBeInTheDocument();
      expect(
        await screen.findByRole('button', { name: 'Return with reason' }),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Approve' }),
      ).not.toBeInTheDocument();
      expect(
        screen.getByText(/another approver must approve it/),
      ).toBeInTheDocument();
    });

    it('hides Approve for a contributor who is not the author: ana opened a stub, carol wrote and submitted it', async () => {
      const api = new FakeAimsApi();
      api.versions[REF] = [
        impactAssessmentVersion({
          status: 'in-review',
          revision: 8,
          author: 'user:default/ana',
          contributors: ['user:default/ana', 'user:default/carol'],
          submittedBy: 'user:default/carol',
          content: completeImpactAssessmentContent(),
        }),
      ];
      await renderTab({ api, user: 'user:default/carol' });
      expect(
        await screen.findByRole('button', { name: 'Return with reason' }),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Approve' }),
      ).not.toBeInTheDocument();
      expect(
        screen.getByText(/You submitted this version/),
      ).toBeInTheDocument();
    });

    it('hides Approve for someone who only saved part of the version', async () => {
      const api = new FakeAimsApi();
      api.versions[REF] = [
        impactAssessmentVersion({
          status: 'in-review',
          revision: 8,
          author: 'user:default/ana',
          contributors: ['user:default/ana', 'user:default/dave'],
          submittedBy: 'user:default/ana',
          content: completeImpactAssessmentContent(),
        }),
      ];
      await renderTab({ api, user: 'user:default/dave' });
      expect(
        await screen.findByRole('button', { name: 'Return with reason' }),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('button', { name: 'Approve' }),
      ).not.toBeInTheDocument();
      expect(
        screen.getByText(/You wrote part of this version/),
      ).toBeInTheDocument();
    });

    it('lets another approver approve, or return with a reason', async () => {
      const api = inReview();
      await renderTab({ api, user: 'user:default/bob' });
      await userEvent.click(
        await screen.findByRole('button', { name: 'Return with reason' }),
      );
      const dialog = screen.getByRole('dialog');
      const confirm = within(dialog).getByRole('button', {
        name: 'Return to draft',
      });
      expect(confirm).toBeDisabled();
      await userEvent.type(
        within(dialog).getByLabelText(/Reason/),
        'Fairness needs evidence',
      );
      await userEvent.click(confirm);
      await waitFor(() =>
        expect(api.calls).toContainEqual([
          'transitionImpactAssessment',
          REF,
          { action: 'return', revision: 8, reason: 'Fairness needs evidence' },
        ]),
      );
    });

    it('approves with the revision', async () => {
      const api = inReview();
      await renderTab({ api, user: 'user:default/bob' });
      await userEvent.click(
        await screen.findByRole('button', { name: 'Approve' }),
      );
      await waitFor(() =>
        expect(api.calls).toContainEqual([
          'transitionImpactAssessment',
          REF,
          { action: 'approve', revision: 8 },
        ]),
      );
      expect(
        await screen.findByText('Approved version v1'),
      ).toBeInTheDocument();
    });
  });

  it('shows the summary, the Art. 27 notice, the source of imported versions and compares versions', async () => {
    const api = new FakeAimsApi();
    api.fundamentalRights = true;
    const v1 = completeImpactAssessmentContent();
    const v2 = {
      ...v1,
      intendedUse: 'Score consumer and SME loans',
      dimensions: v1.dimensions.map(d =>
        d.dimension === 'fairness' ? { ...d, severity: 5 } : d,
      ),
    };
    api.versions[REF] = [
      impactAssessmentVersion({
        version: 1,
        status: 'approved',
        content: v1,
        contributors: ['user:default/ana', 'user:default/bob'],
        approvedBy: 'user:default/bob',
        approvedAt: '2026-01-15T12:00:00Z',
        reviewDue: '2099-01-01',
        source: {
          location: 'url:https://github.com/acme/credit/blob/main/ia.yaml',
          importedAt: '2026-01-10T08:30:00Z',
        },
      }),
      impactAssessmentVersion({ version: 2, revision: 9, content: v2 }),
    ];
    await renderTab({
      api,
      allowed: name => name !== 'aims.assessment.update',
    });

    expect(await screen.findByTestId('fria-notice')).toHaveTextContent(
      'EU AI Act Art. 27 fundamental rights impact assessment required',
    );
    expect(
      screen.getAllByTestId('impact-assessment-status')[0],
    ).toHaveTextContent('Approved');
    expect(screen.getByTestId('field-review-due')).toHaveTextContent(
      '2099-01-01',
    );
    expect(
      screen.getByText('Approved version v1 (in force)'),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('import-source')[0]).toHaveTextContent(
      'Imported from url:https://github.com/acme/credit/blob/main/ia.yaml at 2026-01-10 08:30 UTC',
    );
    // without the update permission the draft is read-only
    expect(
      screen.queryByTestId('impact-assessment-editor'),
    ).not.toBeInTheDocument();

    // the version history lists every contributor of a version
    expect(screen.getByTestId('contributors-1')).toHaveTextContent('ana, bob');

    await userEvent.click(screen.getByRole('button', { name: 'Compare' }));
    const diff = await screen.findByTestId('version-diff');
    expect(diff).toHaveTextContent('Changes from v1 to v2');
    const rows = within(diff).getAllByTestId('diff-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Fairness › Severity');
    expect(rows[0]).toHaveTextContent('45');
    expect(rows[1]).toHaveTextContent('Intended use');
    expect(rows[1]).toHaveTextContent('Score consumer and SME loans');
  });

  it('imports from the repository when the entity has the annotation', async () => {
    const api = new FakeAimsApi();
    const entity = aiSystem({
      'aims.dev/impact-assessment': 'url:./aims/impact-assessment.yaml',
    });
    await renderTab({ api, entity });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Import from repository' }),
    );
    await waitFor(() =>
      expect(api.calls).toContainEqual(['importImpactAssessment', REF]),
    );
    expect(
      (await screen.findAllByTestId('import-source'))[0],
    ).toHaveTextContent(
      'Imported from url:https://github.com/acme/credit/blob/main/aims/impact-assessment.yaml',
    );
  });

  it('shows backend errors in an error panel', async () => {
    const api = new FakeAimsApi();
    api.failures.getImpactAssessment = await responseError(
      500,
      'Error',
      'database down',
    );
    await renderTab({ api });
    expect(await screen.findByText(/database down/)).toBeInTheDocument();
  });

  it('keeps Import hidden without the annotation', async () => {
    await renderTab({ api: new FakeAimsApi() });
    await screen.findByText('This AI system has no impact assessment');
    expect(
      screen.queryByRole('button', { name: 'Import from repository' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Start impact assessment' }),
    ).toBeInTheDocument();
  });
});
