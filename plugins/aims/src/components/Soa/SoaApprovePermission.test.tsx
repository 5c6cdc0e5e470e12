import { screen } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { aimsApiRef } from '../../api';
import {
  FakeAimsApi,
  authorizeBy,
  soaDocument,
  soaRow,
} from '../../testUtils/fixtures';
import { AIInventoryContent } from '../AIInventoryPage';

jest.setTimeout(30000);

// a file of its own: usePermission caches the (basic) approve permission's answer per test file
describe('Statement of Applicability without the approve permission', () => {
  it('hides Approve and Return for users without aims.soa.approve', async () => {
    const api = new FakeAimsApi();
    api.soaVersions = [
      soaDocument({
        version: 1,
        status: 'in-review',
        revision: 5,
        author: 'user:default/ana',
        submittedBy: 'user:default/ana',
      }),
    ];
    await renderInTestApp(<AIInventoryContent />, {
      apis: [
        [aimsApiRef, api],
        [
          catalogApiRef,
          { getEntityFacets: async () => ({ facets: {} }) } as any,
        ],
        mockApis.identity({ userEntityRef: 'user:default/bob' }),
        mockApis.permission({
          authorize: authorizeBy(name => name !== 'aims.soa.approve'),
        }),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/?tab=soa'],
    });
    expect(
      await screen.findByText(/Waiting for an approver/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('soa-status')).toHaveTextContent('In review');
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Return with reason' }),
    ).not.toBeInTheDocument();
  });

  it("lets a control's owner edit that control's row and evidence, and no other", async () => {
    const api = new FakeAimsApi();
    api.soaVersions = [
      soaDocument({
        version: 1,
        status: 'draft',
        revision: 2,
        controls: [
          soaRow('A.6.2.5', { owner: 'group:default/risk-ml' }),
          soaRow('A.6.2.4', { owner: 'group:default/compliance' }),
        ],
      }),
    ];
    await renderInTestApp(<AIInventoryContent />, {
      apis: [
        [aimsApiRef, api],
        [
          catalogApiRef,
          { getEntityFacets: async () => ({ facets: {} }) } as any,
        ],
        mockApis.identity({
          userEntityRef: 'user:default/bob',
          ownershipEntityRefs: ['user:default/bob', 'group:default/risk-ml'],
        }),
        mockApis.permission({
          authorize: authorizeBy(name => name !== 'aims.soa.approve'),
        }),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/?tab=soa'],
    });
    expect(
      await screen.findByRole('button', { name: 'Edit A.6.2.5' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Add evidence to A.6.2.5' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit A.6.2.4' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add evidence to A.6.2.4' }),
    ).not.toBeInTheDocument();
    // submitting the whole SoA is not a control owner's to do
    expect(
      screen.queryByRole('button', { name: 'Submit for approval' }),
    ).not.toBeInTheDocument();
  });
});
