import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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
  evidenceItem,
  responseError,
  systemControl,
  systemControls,
} from '../../testUtils/fixtures';
import { EntityAimsControlsContent } from './EntityAimsControlsContent';

jest.setTimeout(30000);

// usePermission caches answers by permission and resource ref across tests: one system each
let n = 0;
let NAME = '';
let REF = '';
beforeEach(() => {
  n += 1;
  NAME = `credit-risk-scorer-${n}`;
  REF = `aisystem:default/${NAME}`;
});
const aiSystem = () =>
  ({
    ...creditRiskScorer,
    metadata: { ...creditRiskScorer.metadata, name: NAME },
  } as unknown as Entity);

async function renderTab(api: FakeAimsApi, allowed = (_: string) => true) {
  return renderInTestApp(
    <EntityProvider entity={aiSystem()}>
      <EntityAimsControlsContent />
    </EntityProvider>,
    {
      apis: [
        [aimsApiRef, api],
        mockApis.identity({ userEntityRef: 'user:default/ana' }),
        mockApis.permission({ authorize: authorizeBy(allowed) }),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function highRiskControls() {
  return systemControls(
    REF,
    [
      systemControl('A.6.2.4', {
        implementationStatus: 'implemented',
        how: 'Fairness tests gate every release',
        evidence: [evidenceItem({ aiSystemRef: REF })],
        currentEvidence: true,
      }),
      systemControl('A.7.4', {
        mapped: false,
        revision: 0,
        risks: [
          { riskId: 'r-1', title: 'Training data drift', aiSystemRef: REF },
        ],
      }),
    ],
    {
      euAiActTier: 'high-risk',
      obligations: [
        {
          article: 'Art. 15',
          name: 'Accuracy, robustness and cybersecurity',
          controls: ['A.6.2.4'],
          covered: true,
          coveredBy: ['A.6.2.4'],
        },
        {
          article: 'Art. 10',
          name: 'Data and data governance',
          controls: ['A.7.4'],
          covered: false,
          coveredBy: [],
        },
        {
          article: 'Art. 49',
          name: 'Registration',
          controls: [],
          covered: false,
          coveredBy: [],
        },
      ],
    },
  );
}

describe('EntityAimsControlsContent', () => {
  it('shows a high-risk system its controls, coverage and EU AI Act obligations', async () => {
    const api = new FakeAimsApi();
    api.systemControls[REF] = highRiskControls();
    await renderTab(api);

    expect(await screen.findByTestId('controls-tab')).toBeInTheDocument();
    expect(screen.getByTestId('system-control-A.6.2.4')).toHaveTextContent(
      'Fairness tests gate every release',
    );
    // a control only a risk names: not mapped yet, linked to the risk
    const named = screen.getByTestId('system-control-A.7.4');
    expect(named).toHaveTextContent('Not mapped yet');
    expect(
      within(named).getByRole('link', { name: 'Training data drift' }),
    ).toHaveAttribute('href', `/catalog/default/aisystem/${NAME}/risks`);
    expect(
      screen.getByTestId('system-coverage-implementedWithEvidence'),
    ).toHaveTextContent(': 1');
    expect(screen.getByTestId('system-coverage-notStarted')).toHaveTextContent(
      ': 1',
    );

    const obligations = screen.getByRole('table', {
      name: 'EU AI Act obligations',
    });
    expect(within(obligations).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByTestId('obligation-Art. 15')).toHaveTextContent(
      'Accuracy, robustness and cybersecurity',
    );
    expect(
      within(screen.getByTestId('covered-Art. 15')).getByLabelText('Covered'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('covered-Art. 10')).getByLabelText(
        'Not covered',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('obligation-Art. 49')).toHaveTextContent(
      'Clauses only',
    );
  });

  it('maps a control named by a risk (revision 0) and shows a conflict on a stale one', async () => {
    const api = new FakeAimsApi();
    api.systemControls[REF] = highRiskControls();
    await renderTab(api);
    await screen.findByTestId('controls-tab');

    fireEvent.click(
      screen.getByRole('button', { name: 'Edit mapping of A.7.4' }),
    );
    let dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('How it applies'), {
      target: { value: 'Drift monitor on the feature store' },
    });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Map control' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.calls).toContainEqual([
      'saveSystemControl',
      REF,
      'A.7.4',
      {
        revision: 0,
        applicable: true,
        how: 'Drift monitor on the feature store',
        implementationStatus: 'not-started',
        owner: null,
      },
    ]);

    api.failures.saveSystemControl = await responseError(
      409,
      'ConflictError',
      'stale',
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Edit mapping of A.6.2.4' }),
    );
    dialog = await screen.findByRole('dialog');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Save mapping' }),
    );
    expect(await within(dialog).findByTestId('conflict')).toBeInTheDocument();
  });

  it('offers no edits without aims.soa.update and says when nothing applies yet', async () => {
    const api = new FakeAimsApi();
    api.systemControls[REF] = systemControls(REF, []);
    await renderTab(api, name => name !== 'aims.soa.update');
    expect(await screen.findByTestId('controls-empty')).toHaveTextContent(
      'No control applies to this AI system yet',
    );
    expect(
      screen.queryByRole('button', { name: 'Map a control' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'EU AI Act obligations' }),
    ).not.toBeInTheDocument();
  });

  it('says AIMS does not know the system on a 404', async () => {
    const api = new FakeAimsApi();
    await renderTab(api);
    expect(
      await screen.findByText('AIMS does not know this AI system yet.'),
    ).toBeInTheDocument();
  });
});
