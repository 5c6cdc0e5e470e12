import { screen } from '@testing-library/react';
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
} from '../../testUtils/fixtures';
import { EntityImpactAssessmentContent } from './EntityImpactAssessmentContent';

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

// a file of its own: usePermission caches the (basic) approve permission's answer per test file
describe('EntityImpactAssessmentContent without the approve permission', () => {
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

  it('hides Approve and Return for users without the approve permission', async () => {
    await renderTab({
      api: inReview(),
      user: 'user:default/bob',
      allowed: name => name !== 'aims.assessment.approve',
    });
    expect(
      await screen.findByText(/Waiting for an approver/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Return with reason' }),
    ).not.toBeInTheDocument();
  });
});
