import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { Content } from '@backstage/core-components';
import MemoryIcon from '@material-ui/icons/Memory';
import { aimsApiRef, AimsClient } from './api';

/** Route of the AI Inventory page in the new frontend system. @alpha */
export const aiInventoryPageRouteRef = createRouteRef();

/** `api:aims` */
const aimsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: aimsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AimsClient({ discoveryApi, fetchApi }),
    }),
});

/** `page:aims` — the AI Inventory, in the sidebar nav. */
const aiInventoryPage = PageBlueprint.make({
  params: {
    path: '/ai-inventory',
    title: 'AI Inventory',
    icon: <MemoryIcon />,
    routeRef: aiInventoryPageRouteRef,
    loader: () =>
      import('./components/AIInventoryPage').then(m => (
        <Content>
          <m.AIInventoryContent />
        </Content>
      )),
  },
});

/** `entity-card:aims/overview` — on AISystem pages. */
const aiSystemOverviewCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: { kind: 'aisystem' },
    loader: () =>
      import('./components/AISystemOverviewCard').then(m => (
        <m.AISystemOverviewCard />
      )),
  },
});

/** `entity-card:aims/ai-systems` — on Component pages: the AI systems the service uses. */
const entityAISystemsCard = EntityCardBlueprint.make({
  name: 'ai-systems',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityAISystemsCard').then(m => (
        <m.EntityAISystemsCard />
      )),
  },
});

/**
 * AIMS for the new frontend system: the AI Inventory page, the AISystem overview card and
 * the "AI systems" card on Component pages.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'aims',
  title: 'AIMS',
  icon: <MemoryIcon />,
  routes: { root: aiInventoryPageRouteRef },
  extensions: [
    aimsApi,
    aiInventoryPage,
    aiSystemOverviewCard,
    entityAISystemsCard,
  ],
});
