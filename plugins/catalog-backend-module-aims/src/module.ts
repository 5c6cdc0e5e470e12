import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { AISystemEntityProcessor } from './processor/AISystemEntityProcessor';

/** Catalog module that teaches the catalog the AISystem kind. */
export const catalogModuleAims = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aims',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new AISystemEntityProcessor());
      },
    });
  },
});
