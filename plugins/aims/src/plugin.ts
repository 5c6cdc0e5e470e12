import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { aimsApiRef, AimsClient } from './api';
import { aiInventoryRouteRef } from './routes';

/**
 * The AIMS plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const aimsPlugin = createPlugin({
  id: 'aims',
  apis: [
    createApiFactory({
      api: aimsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AimsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: aiInventoryRouteRef },
});

/** The AI Inventory page (mount it at `/ai-inventory`). @public */
export const AIInventoryPage = aimsPlugin.provide(
  createRoutableExtension({
    name: 'AIInventoryPage',
    component: () =>
      import('./components/AIInventoryPage').then(m => m.AIInventoryPage),
    mountPoint: aiInventoryRouteRef,
  }),
);

/** Overview card for AISystem entity pages. @public */
export const EntityAISystemOverviewCard = aimsPlugin.provide(
  createComponentExtension({
    name: 'EntityAISystemOverviewCard',
    component: {
      lazy: () =>
        import('./components/AISystemOverviewCard').then(
          m => m.AISystemOverviewCard,
        ),
    },
  }),
);

/** "AI systems" card for Component pages. @public */
export const EntityAISystemsCard = aimsPlugin.provide(
  createComponentExtension({
    name: 'EntityAISystemsCard',
    component: {
      lazy: () =>
        import('./components/EntityAISystemsCard').then(
          m => m.EntityAISystemsCard,
        ),
    },
  }),
);

/** "Impact assessment" tab content for AISystem entity pages. @public */
export const EntityImpactAssessmentContent = aimsPlugin.provide(
  createComponentExtension({
    name: 'EntityImpactAssessmentContent',
    component: {
      lazy: () =>
        import('./components/ImpactAssessment').then(
          m => m.EntityImpactAssessmentContent,
        ),
    },
  }),
);

/** "Risks" tab content for AISystem entity pages. @public */
export const EntityRisksContent = aimsPlugin.provide(
  createComponentExtension({
    name: 'EntityRisksContent',
    component: {
      lazy: () => import('./components/Risks').then(m => m.EntityRisksContent),
    },
  }),
);

/** "Controls" tab content for AISystem entity pages (Annex A controls, evidence). @public */
export const EntityAimsControlsContent = aimsPlugin.provide(
  createComponentExtension({
    name: 'EntityAimsControlsContent',
    component: {
      lazy: () =>
        import('./components/Controls').then(m => m.EntityAimsControlsContent),
    },
  }),
);

/** "History" (audit log) tab content for AISystem entity pages. @public */
export const EntityAimsHistoryContent = aimsPlugin.provide(
  createComponentExtension({
    name: 'EntityAimsHistoryContent',
    component: {
      lazy: () =>
        import('./components/History').then(m => m.EntityAimsHistoryContent),
    },
  }),
);

/** "Drift" tab content for AISystem entity pages. @public */
export const EntityDriftContent = aimsPlugin.provide(
  createComponentExtension({
    name: 'EntityDriftContent',
    component: {
      lazy: () => import('./components/Drift').then(m => m.EntityDriftContent),
    },
  }),
);

/** "Monitoring" tab content for AISystem entity pages (monitored metrics, thresholds, breaches). @public */
export const EntityAimsMonitoringContent = aimsPlugin.provide(
  createComponentExtension({
    name: 'EntityAimsMonitoringContent',
    component: {
      lazy: () =>
        import('./components/Monitoring').then(
          m => m.EntityAimsMonitoringContent,
        ),
    },
  }),
);

/** Drift banner for Component pages: renders nothing without open drift findings. @public */
export const EntityDriftBanner = aimsPlugin.provide(
  createComponentExtension({
    name: 'EntityDriftBanner',
    component: {
      lazy: () => import('./components/Drift').then(m => m.EntityDriftBanner),
    },
  }),
);
