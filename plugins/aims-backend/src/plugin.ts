import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { aimsPermissions } from '@internal/plugin-aims-common';
import { readRiskMatrix } from './config';
import { AuditLogStore } from './database/AuditLogStore';
import { FindingStore } from './database/FindingStore';
import { ImpactAssessmentStore } from './database/ImpactAssessmentStore';
import { RiskStore } from './database/RiskStore';
import { migrate } from './database/migrate';
import { AccessControl } from './service/AccessControl';
import { AISystems } from './service/AISystems';
import { AssessmentImporter } from './service/AssessmentImporter';
import { AuditTrail } from './service/AuditTrail';
import { ComplianceFindings } from './service/ComplianceFindings';
import { loadExampleData } from './service/ExampleDataLoader';
import { ImpactAssessmentService } from './service/ImpactAssessmentService';
import { InventoryService } from './service/InventoryService';
import { RiskService } from './service/RiskService';
import { StatusService } from './service/StatusService';
import { createRouter } from './service/router';
import { scheduleTasks } from './tasks/scheduledTasks';

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
        auth: coreServices.auth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        userInfo: coreServices.userInfo,
        urlReader: coreServices.urlReader,
        scheduler: coreServices.scheduler,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { database, httpRouter, httpAuth, auth, logger, config } = deps;
        const matrix = readRiskMatrix(config);
        deps.permissionsRegistry.addPermissions(aimsPermissions);

        const knex = await migrate(database);
        const assessmentStore = new ImpactAssessmentStore(knex);
        const findingStore = new FindingStore(knex);
        const riskStore = new RiskStore(knex);
        const auditLog = new AuditLogStore(knex);

        const systems = new AISystems(deps.catalog);
        const access = new AccessControl(deps.permissions, deps.userInfo, auth);
        const audit = new AuditTrail(auditLog, deps.auditor);
        const findings = new ComplianceFindings(
          systems,
          assessmentStore,
          riskStore,
          findingStore,
          matrix,
          logger,
        );
        const assessments = new ImpactAssessmentService(
          knex,
          assessmentStore,
          systems,
          access,
          new AssessmentImporter(deps.urlReader),
          audit,
          findings,
        );
        const risks = new RiskService(
          knex,
          riskStore,
          systems,
          access,
          audit,
          findings,
          matrix,
        );

        const exampleDirectory = config.getOptionalString(
          'aims.exampleData.directory',
        );
        if (exampleDirectory) {
          // loaded before the router answers; findings follow with the scheduled reconcile
          await loadExampleData({
            directory: exampleDirectory,
            knex,
            assessments: assessmentStore,
            risks: riskStore,
            audit: auditLog,
            matrix,
            logger,
          });
        }

        httpRouter.use(
          await createRouter({
            httpAuth,
            inventory: new InventoryService(
              deps.catalog,
              assessmentStore,
              findingStore,
            ),
            status: new StatusService(
              deps.catalog,
              assessmentStore,
              findingStore,
            ),
            assessments,
            risks,
            findings: findingStore,
            auditLog,
          }),
        );
        await scheduleTasks({
          scheduler: deps.scheduler,
          config,
          logger,
          auth,
          systems,
          findings,
          assessments,
        });
        logger.info('AIMS backend ready');
      },
    });
  },
});
