import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import aimsPlugin from './alpha';
import { aimsApiRef } from './api';
import { FakeAimsApi, inventoryItem } from './testUtils/fixtures';

describe('aims plugin (new frontend system)', () => {
  it('provides the API, the inventory page and the entity cards under stable ids', () => {
    expect(aimsPlugin.pluginId).toBe('aims');
    for (const id of [
      'api:aims',
      'page:aims',
      'entity-card:aims/overview',
      'entity-card:aims/ai-systems',
      'entity-card:aims/drift-banner',
      'entity-content:aims/impact-assessment',
      'entity-content:aims/drift',
      'entity-content:aims/risks',
      'entity-content:aims/history',
      'entity-content:aims/controls',
      'entity-content:aims/monitoring',
    ]) {
      expect(aimsPlugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('mounts the AI Inventory page at /ai-inventory with its title', async () => {
    const page = aimsPlugin.getExtension('page:aims');
    const tester = createExtensionTester(page);
    expect(tester.get(coreExtensionData.routePath)).toBe('/ai-inventory');
    expect(tester.get(coreExtensionData.title)).toBe('AI Inventory');
  });

  it('shows the overview card on AISystem pages and the AI systems card on Components', () => {
    const overview = createExtensionTester(
      aimsPlugin.getExtension('entity-card:aims/overview'),
    );
    const systems = createExtensionTester(
      aimsPlugin.getExtension('entity-card:aims/ai-systems'),
    );
    const aiSystem = {
      apiVersion: 'aims.dev/v1alpha1',
      kind: 'AISystem',
      metadata: { name: 'fraud-scorer' },
    };
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'payments-api' },
    };
    const overviewFilter = overview.get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    const systemsFilter = systems.get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(overviewFilter(aiSystem)).toBe(true);
    expect(overviewFilter(component)).toBe(false);
    expect(systemsFilter(component)).toBe(true);
    expect(systemsFilter(aiSystem)).toBe(false);
  });

  it('puts the drift banner on Component pages only', () => {
    const banner = createExtensionTester(
      aimsPlugin.getExtension('entity-card:aims/drift-banner'),
    );
    const filter = banner.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(
      filter({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'a' },
      }),
    ).toBe(true);
    expect(
      filter({
        apiVersion: 'aims.dev/v1alpha1',
        kind: 'AISystem',
        metadata: { name: 'a' },
      }),
    ).toBe(false);
  });

  it('adds the Impact assessment, Risks, Controls, Drift, Monitoring and History tabs to AISystem pages only', () => {
    const aiSystem = {
      apiVersion: 'aims.dev/v1alpha1',
      kind: 'AISystem',
      metadata: { name: 'fraud-scorer' },
    };
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'payments-api' },
    };
    const tabs = [
      [
        'entity-content:aims/impact-assessment',
        '/impact-assessment',
        'Impact assessment',
      ],
      ['entity-content:aims/risks', '/risks', 'Risks'],
      ['entity-content:aims/controls', '/controls', 'Controls'],
      ['entity-content:aims/drift', '/drift', 'Drift'],
      ['entity-content:aims/monitoring', '/monitoring', 'Monitoring'],
      ['entity-content:aims/history', '/aims-history', 'History'],
    ] as const;
    for (const [id, path, title] of tabs) {
      const tester = createExtensionTester(aimsPlugin.getExtension(id));
      expect(tester.get(coreExtensionData.routePath)).toBe(path);
      expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(title);
      const filter = tester.get(
        EntityContentBlueprint.dataRefs.filterFunction,
      )!;
      expect(filter(aiSystem)).toBe(true);
      expect(filter(component)).toBe(false);
    }
  });

  it('renders the inventory page extension with data', async () => {
    const tester = createExtensionTester(aimsPlugin.getExtension('page:aims'));
    await renderInTestApp(tester.reactElement(), {
      apis: [
        [aimsApiRef, new FakeAimsApi([inventoryItem('fraud-scorer')])],
        [
          catalogApiRef,
          { getEntityFacets: async () => ({ facets: {} }) } as any,
        ],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByText('fraud-scorer', undefined, { timeout: 10000 }),
    ).toBeInTheDocument();
  });
});
