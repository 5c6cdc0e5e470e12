import { screen } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { aimsApiRef } from '../../api';
import {
  FakeAimsApi,
  authorizeBy,
  soaDocument,
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
});
