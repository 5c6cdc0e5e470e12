import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { FindingStore } from './database/FindingStore';
import { ImpactAssessmentStore } from './database/ImpactAssessmentStore';
import { migrate } from './database/migrate';
import { InventoryService } from './service/InventoryService';
import { StatusService } from './service/StatusService';
import { createRouter } from './service/router';

/**
 * AIMS backend plugin (ISO/IEC 42001 AI management system), mounted at `/api/aims`.
 *
 * @public
 */
export const aimsPlugin = createBackendPlugin({
  pluginId: 'aims',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ database, httpRouter, httpAuth, logger, catalog }) {
        const knex = await migrate(database);
        const assessments = new ImpactAssessmentStore(knex);
        const findings = new FindingStore(knex);
        httpRouter.use(
          await createRouter({
            httpAuth,
            inventory: new InventoryService(catalog, assessments, findings),
            status: new StatusService(catalog, assessments, findings),
          }),
        );
        logger.info('AIMS backend ready');
      },
    });
  },
});
