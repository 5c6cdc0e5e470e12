import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/**
 * `entity-card:aims/drift-banner` — on Component pages, first: a warning with the open drift
 * findings of the service and their actions; renders nothing without any.
 */
export const driftBannerCard = EntityCardBlueprint.make({
  name: 'drift-banner',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('../components/Drift').then(m => <m.EntityDriftBanner />),
  },
});

/** `entity-card:aims/overview` — on AISystem pages: the inventory record and its AIMS status. */
export const aiSystemOverviewCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: { kind: 'aisystem' },
    loader: () =>
      import('../components/AISystemOverviewCard').then(m => (
        <m.AISystemOverviewCard />
      )),
  },
});

/** `entity-card:aims/ai-systems` — on Component pages: the AI systems the service uses. */
export const entityAISystemsCard = EntityCardBlueprint.make({
  name: 'ai-systems',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('../components/EntityAISystemsCard').then(m => (
        <m.EntityAISystemsCard />
      )),
  },
});
