import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { aimsPermissions } from '@aims-backstage/backstage-plugin-aims-common';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  AimsRecordImporter,
  DeploymentSource,
  MonitoringSource,
  aimsRecordImportExtensionPoint,
  deploymentSourcesExtensionPoint,
  monitoringSourcesExtensionPoint,
} from '@aims-backstage/backstage-plugin-aims-node';
import {
  readDeploymentReportsFreshnessMs,
  readDriftGracePeriodMs,
  readDriftQueueLeaseMs,
  readMonitoringProductionEnvironments,
  readMonitoringRetentionMs,
  readProductionEnvironments,
  readRiskMatrix,
} from './config';
import { DeploymentReportStore } from './drift/DeploymentReportStore';
import { ObservationStore } from './drift/ObservationStore';
import { SourceStore } from './drift/SourceStore';
import { DeploymentIngest } from './drift/DeploymentIngest';
import { DriftNotifier } from './drift/DriftNotifier';
import { DriftQueue } from './drift/DriftQueue';
import { DriftService } from './drift/DriftService';
import { CatalogComponents } from './drift/CatalogComponents';
import { DriftQueueStore } from './drift/DriftQueueStore';
import { FindingActions } from './findings/FindingActions';
import { scheduleDriftTasks } from './drift/tasks';
import { AuditLogStore } from './audit/AuditLogStore';
import { FindingStore } from './findings/FindingStore';
import { ImpactAssessmentStore } from './assessments/ImpactAssessmentStore';
import { RiskStore } from './risks/RiskStore';
import { migrate } from './lib/migrate';
import { AccessControl } from './permissions/AccessControl';
import { EntityVisibility } from './permissions/EntityVisibility';
import { FindingService } from './findings/FindingService';
import { AuditLogService } from './audit/AuditLogService';
import { SourceService } from './drift/SourceService';
import { CatalogParties } from './lib/CatalogParties';
import { AISystems } from './lib/AISystems';
import { AssessmentImporter } from './assessments/AssessmentImporter';
import { AuditTrail } from './audit/AuditTrail';
import { ComplianceFindings } from './findings/ComplianceFindings';
import { reconcileWhenCatalogReady } from './recordImport/reconcileWhenCatalogReady';
import { RecordImportWriter } from './recordImport/RecordImportWriter';
import { runRecordImporters } from './recordImport/runRecordImporters';
import { ingestImportedMonitoring } from './recordImport/ingestImportedMonitoring';
import { ImpactAssessmentService } from './assessments/ImpactAssessmentService';
import { InventoryService } from './inventory/InventoryService';
import { RiskService } from './risks/RiskService';
import { StatusService } from './inventory/StatusService';
import { createRouter } from './router';
import { scheduleFindingsTask } from './findings/tasks';
import { scheduleImportTask } from './assessments/tasks';
import { SoaStore } from './soa/SoaStore';
import { ControlData } from './soa/ControlData';
import { SoaService } from './soa/SoaService';
import { SoaExports } from './soa/SoaExports';
import { EvidenceStore } from './evidence/EvidenceStore';
import { EvidenceService } from './evidence/EvidenceService';
import { scheduleEvidenceExpiryTask } from './evidence/tasks';
import { ControlMappingStore } from './controls/ControlMappingStore';
import { SystemControlsService } from './controls/SystemControlsService';
import { MonitoringStore } from './monitoring/MonitoringStore';
import { MonitoringService } from './monitoring/MonitoringService';
import { MonitoringFindings } from './monitoring/MonitoringFindings';
import { MonitoringIngest } from './monitoring/MonitoringIngest';
import { MonitoringRollUp } from './monitoring/MonitoringRollUp';
import { scheduleMonitoringTasks } from './monitoring/tasks';

/**
 * AIMS backend plugin (ISO/IEC 42001 AI management system), mounted at `/api/aims`.
 *
 * @public
 */
export const aimsPlugin = createBackendPlugin({
  pluginId: 'aims',
  register(env) {
    const deploymentSources: DeploymentSource[] = [];
    env.registerExtensionPoint(deploymentSourcesExtensionPoint, {
      addDeploymentSource(...sources) {
        deploymentSources.push(...sources);
      },
    });
    const monitoringSources: MonitoringSource[] = [];
    env.registerExtensionPoint(monitoringSourcesExtensionPoint, {
      addMonitoringSource(...sources) {
        monitoringSources.push(...sources);
      },
    });
    const recordImporters: AimsRecordImporter[] = [];
    env.registerExtensionPoint(aimsRecordImportExtensionPoint, {
      addImporter(...importers) {
        recordImporters.push(...importers);
      },
    });
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
        notifications: notificationService,
        lifecycle: coreServices.lifecycle,
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
        const sources = new SourceStore(knex);
        const soaStore = new SoaStore(knex);
        const evidenceStore = new EvidenceStore(knex);
        const systems = new AISystems(deps.catalog);
        const retentionMs = readMonitoringRetentionMs(config);
        const monitoringStore = new MonitoringStore(knex);
        const monitoring = new MonitoringService({
          store: monitoringStore,
          systems,
          catalog: deps.catalog,
          auth,
          retentionMs,
        });
        const controlData = new ControlData({
          monitoring,
          soa: soaStore,
          evidence: evidenceStore,
          mappings: new ControlMappingStore(knex),
          risks: riskStore,
          sources,
        });

        const access = new AccessControl(deps.permissions, deps.userInfo, auth);
        // every read follows the caller's catalog visibility of the entities it concerns
        const visibility = new EntityVisibility(deps.catalog, auth);
        const findingReader = new FindingService(findingStore, visibility);
        const audit = new AuditTrail(auditLog, deps.auditor);
        const findings = new ComplianceFindings(
          systems,
          assessmentStore,
          riskStore,
          findingStore,
          matrix,
          controlData,
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
          visibility,
          new CatalogParties(deps.catalog),
          audit,
          findings,
          matrix,
        );

        const observations = new ObservationStore(knex);
        const drift = new DriftService({
          catalog: deps.catalog,
          auth,
          systems,
          assessments: assessmentStore,
          observations,
          sources,
          findings: findingStore,
          notifier: new DriftNotifier(
            deps.notifications,
            deps.catalog,
            auth,
            logger,
          ),
          logger,
          options: {
            gracePeriodMs: readDriftGracePeriodMs(config),
            productionEnvironments: readProductionEnvironments(config),
          },
        });

        const driftQueueStore = new DriftQueueStore(knex);
        const driftQueue = new DriftQueue({
          store: driftQueueStore,
          reconcile: components => drift.reconcileFor(components),
          logger,
          // a burst of reports becomes one reconcile, at most a second after its first report
          delayMs: 250,
          maxDelayMs: 1000,
          batchSize: 200,
          // a replica that dies mid-reconcile holds its components this long
          leaseMs: readDriftQueueLeaseMs(config),
        });
        deps.lifecycle.addShutdownHook(() => driftQueue.stop());

        const deploymentReports = new DeploymentReportStore(knex);
        const deployments = new DeploymentIngest({
          knex,
          components: new CatalogComponents(deps.catalog, auth),
          auth,
          reports: deploymentReports,
          observations,
          sources,
          findings: findingStore,
          queue: driftQueueStore,
          drift,
          access,
          visibility,
          onQueued: () => driftQueue.kick(),
          freshnessWindowMs: readDeploymentReportsFreshnessMs(config),
        });
        const monitoringFindings = new MonitoringFindings({
          systems,
          store: monitoringStore,
          findings: findingStore,
          productionEnvironments: readMonitoringProductionEnvironments(config),
          logger,
        });
        const monitoringIngest = new MonitoringIngest({
          knex,
          store: monitoringStore,
          systems,
          auth,
          access,
          findings: monitoringFindings,
          logger,
          retentionMs,
        });
        const soa = new SoaService({
          knex,
          store: soaStore,
          data: controlData,
          risks: riskStore,
          access,
          visibility,
          audit,
          findings,
        });
        const evidence = new EvidenceService({
          knex,
          store: evidenceStore,
          soaStore,
          soa,
          data: controlData,
          systems,
          access,
          visibility,
          audit,
          findings,
          auth,
          logger,
        });
        const systemControls = new SystemControlsService({
          knex,
          store: new ControlMappingStore(knex),
          data: controlData,
          systems,
          access,
          audit,
          findings,
        });
        // record importers (migrations, demo data) write once, before the router answers
        const imported = await runRecordImporters({
          importers: recordImporters,
          writerFor: importerId =>
            new RecordImportWriter(importerId, {
              assessments,
              risks,
              deployments,
              deploymentReports,
              soa,
              evidence,
              systemControls,
            }),
          logger,
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            inventory: new InventoryService(
              deps.catalog,
              assessmentStore,
              findingStore,
              visibility,
              controlData,
              monitoring,
              // the catalog shares the backend's database client (see InventoryService)
              { scopeFromFacets: knex.client.config.client === 'pg' },
            ),
            status: new StatusService(
              deps.catalog,
              assessmentStore,
              findingStore,
              visibility,
              controlData,
              monitoring,
            ),
            assessments,
            risks,
            findings: findingReader,
            auditLog: new AuditLogService(auditLog, visibility),
            sources: new SourceService(sources, visibility),
            driftQueue: driftQueueStore,
            findingActions: new FindingActions({
              knex,
              findings: findingStore,
              reader: findingReader,
              access,
              audit,
            }),
            deployments,
            soa,
            soaExports: new SoaExports({
              organisation: config.getOptionalString('organization.name'),
            }),
            evidence,
            systemControls,
            monitoringIngest,
            monitoring,
            logger,
          }),
        );
        await scheduleFindingsTask({
          scheduler: deps.scheduler,
          config,
          auth,
          findings,
          monitoringFindings,
        });
        await scheduleMonitoringTasks({
          scheduler: deps.scheduler,
          config,
          logger,
          ingest: monitoringIngest,
          rollUp: new MonitoringRollUp({
            knex,
            store: monitoringStore,
            retentionMs,
            logger,
          }),
          monitoringSources,
        });
        await scheduleEvidenceExpiryTask({
          scheduler: deps.scheduler,
          config,
          evidence,
        });
        await scheduleImportTask({
          scheduler: deps.scheduler,
          config,
          logger,
          auth,
          systems,
          assessments,
        });
        await scheduleDriftTasks({
          scheduler: deps.scheduler,
          config,
          logger,
          knex,
          observations,
          sources,
          drift,
          queue: driftQueue,
          deploymentSources,
        });
        if (imported.refs.length) {
          // the catalog ingests its entities after startup: reconcile once it has every
          // AI system and component the importers wrote about
          let stopped = false;
          deps.lifecycle.addShutdownHook(() => {
            stopped = true;
          });
          deps.lifecycle.addStartupHook(() => {
            reconcileWhenCatalogReady({
              refs: imported.refs,
              catalog: deps.catalog,
              auth,
              logger,
              isStopped: () => stopped,
              reconcile: async () => {
                await ingestImportedMonitoring(
                  imported.monitoring,
                  monitoringIngest,
                  logger,
                );
                await findings.recomputeAll(
                  await auth.getOwnServiceCredentials(),
                );
                await drift.reconcileAll();
              },
            }).catch(e =>
              logger.warn(
                `AIMS imported records: reconcile failed: ${
                  (e as Error).message
                }`,
              ),
            );
          });
        }
        logger.info('AIMS backend ready');
      },
    });
  },
});
