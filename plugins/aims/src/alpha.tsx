import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
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

/**
 * `entity-card:aims/drift-banner` — on Component pages, first: a warning with the open drift
 * findings of the service and their actions; renders nothing without any.
 */
const driftBannerCard = EntityCardBlueprint.make({
  name: 'drift-banner',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/Drift').then(m => <m.EntityDriftBanner />),
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

/** `entity-content:aims/impact-assessment` — the "Impact assessment" tab of AISystem pages. */
const impactAssessmentContent = EntityContentBlueprint.make({
  name: 'impact-assessment',
  params: {
    path: '/impact-assessment',
    title: 'Impact assessment',
    filter: { kind: 'aisystem' },
    loader: () =>
      import('./components/ImpactAssessment').then(m => (
        <m.EntityImpactAssessmentContent />
      )),
  },
});

/** `entity-content:aims/risks` — the "Risks" tab of AISystem pages. */
const risksContent = EntityContentBlueprint.make({
  name: 'risks',
  params: {
    path: '/risks',
    title: 'Risks',
    filter: { kind: 'aisystem' },
    loader: () =>
      import('./components/Risks').then(m => <m.EntityRisksContent />),
  },
});

/** `entity-content:aims/history` — the "History" tab (audit log) of AISystem pages. */
const historyContent = EntityContentBlueprint.make({
  name: 'history',
  params: {
    path: '/aims-history',
    title: 'History',
    filter: { kind: 'aisystem' },
    loader: () =>
      import('./components/History').then(m => <m.EntityAimsHistoryContent />),
  },
});

/** `entity-content:aims/drift` — the "Drift" tab of AISystem pages. */
const driftContent = EntityContentBlueprint.make({
  name: 'drift',
  params: {
    path: '/drift',
    title: 'Drift',
    filter: { kind: 'aisystem' },
    loader: () =>
      import('./components/Drift').then(m => <m.EntityDriftContent />),
  },
});

/**
 * AIMS for the new frontend system: the AI Inventory page (with the org-wide risk register
 * as its second tab, and the deployment sources' health), the AISystem overview card and its
 * "Impact assessment", "Risks", "Drift" and "History" tabs, and on Component pages the drift
 * banner (first) and the "AI systems" card.
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
    driftBannerCard,
    aiSystemOverviewCard,
    entityAISystemsCard,
    impactAssessmentContent,
    risksContent,
    driftContent,
    historyContent,
  ],
});
