import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogParties } from './CatalogParties';

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

describe('CatalogParties.requireUserOrGroup', () => {
  const caller = mockCredentials.user('user:default/alice');

  it('answers the full lower-case ref of a catalog User or Group (a ref without kind is a user)', async () => {
    const parties = new CatalogParties(
      catalogServiceMock({
        entities: [entity('User', 'bob'), entity('Group', 'risk-ml')],
      }),
    );
    await expect(
      parties.requireUserOrGroup('Bob', 'riskOwner', caller),
    ).resolves.toBe('user:default/bob');
    await expect(
      parties.requireUserOrGroup('group:default/risk-ml', 'riskOwner', caller),
    ).resolves.toBe('group:default/risk-ml');
  });

  it('refuses, naming the field, what is no entity ref, no User or Group, or not in the catalog', async () => {
    const parties = new CatalogParties(
      catalogServiceMock({
        entities: [entity('User', 'bob'), entity('Component', 'bob')],
      }),
    );
    for (const value of [
      'user:',
      'component:default/bob',
      'user:default/nobody',
      'group:default/bob',
    ]) {
      await expect(
        parties.requireUserOrGroup(value, 'riskOwner', caller),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/^riskOwner /),
      });
    }
  });

  it("asks the catalog with the caller's credentials: a hidden owner reads as absent, not probeable", async () => {
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(async () => undefined),
    });
    const parties = new CatalogParties(catalog);
    const hidden = parties.requireUserOrGroup(
      'user:default/hidden',
      'riskOwner',
      caller,
    );
    await expect(hidden).rejects.toThrow(
      'riskOwner must name a User or Group in the catalog; there is no user:default/hidden',
    );
    expect(catalog.getEntityByRef).toHaveBeenCalledWith('user:default/hidden', {
      credentials: caller,
    });
  });
});
