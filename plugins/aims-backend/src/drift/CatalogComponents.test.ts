import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogComponents } from './CatalogComponents';

const component = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
});

describe('CatalogComponents', () => {
  function setup() {
    const catalog = catalogServiceMock({
      entities: [component('payments-api'), component('chat-api')],
    });
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    let now = 1_000_000;
    const components = new CatalogComponents(catalog, mockServices.auth(), {
      ttlMs: 60_000,
      maxEntries: 10,
      clock: () => now,
    });
    return { components, byRefs, advance: (ms: number) => (now += ms) };
  }

  it('answers concurrent questions with one catalog query', async () => {
    const { components, byRefs } = setup();
    expect(
      await Promise.all([
        components.exists('component:default/payments-api'),
        components.exists('Component:default/Chat-API'),
        components.exists('component:default/nope'),
        components.exists('component:default/payments-api'),
      ]),
    ).toEqual([true, true, false, true]);
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(byRefs.mock.calls[0][0].entityRefs.sort()).toEqual([
      'component:default/chat-api',
      'component:default/nope',
      'component:default/payments-api',
    ]);
  });

  it('remembers components found for the ttl, never absent ones', async () => {
    const { components, byRefs, advance } = setup();
    await components.exists('component:default/payments-api');
    await components.exists('component:default/payments-api');
    expect(byRefs).toHaveBeenCalledTimes(1);
    await components.exists('component:default/nope');
    await components.exists('component:default/nope');
    expect(byRefs).toHaveBeenCalledTimes(3);
    advance(61_000);
    await components.exists('component:default/payments-api');
    expect(byRefs).toHaveBeenCalledTimes(4);
  });

  it('loads every component in the background on a miss, so other components need no query', async () => {
    const { components, byRefs } = setup();
    expect(await components.exists('component:default/payments-api')).toBe(
      true,
    );
    await new Promise(r => setImmediate(r));
    expect(await components.exists('component:default/chat-api')).toBe(true);
    expect(byRefs).toHaveBeenCalledTimes(1);
    // absence is still asked every time
    expect(await components.exists('component:default/nope')).toBe(false);
    expect(byRefs).toHaveBeenCalledTimes(2);
  });
});
