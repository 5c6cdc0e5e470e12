/*
 * The example portal's AIMS records: Northwind Mutual's impact assessments, risks and
 * deployment history (examples/aims), imported at startup through the AIMS backend's record
 * import extension point — so they go through the same services, workflow rules and audit
 * log as a user's edits. Not part of the AIMS plugin: a portal that wants its own records
 * migrated registers its own importer the same way.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { aimsRecordImportExtensionPoint } from '@aims-backstage/backstage-plugin-aims-node';
import path from 'node:path';
import { importExampleData } from './importExampleData';

/** The importer id: audit entries of the example records carry `importedBy` with it. */
export const EXAMPLE_IMPORTER_ID = 'example-organisation';

export const aimsExampleDataModule = createBackendModule({
  pluginId: 'aims',
  moduleId: 'example-data',
  register(env) {
    env.registerInit({
      deps: {
        importers: aimsRecordImportExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ importers, config, logger }) {
        // relative to the backend's working directory (packages/backend under `yarn start`)
        const directory = config.getOptionalString('aimsExampleData.directory');
        if (!directory) return;
        importers.addImporter({
          id: EXAMPLE_IMPORTER_ID,
          async import(writer) {
            const result = await importExampleData(writer, {
              directory: path.resolve(directory),
              displayDirectory: directory,
            });
            logger.info(
              `AIMS example data from ${directory}: impact assessments of ${result.assessedSystems.length} AI systems, risks of ${result.riskSystems.length}, ${result.deploymentReports.length} deployment reports (what was there already is skipped), ${result.monitoringResults} monitoring results sent (ingested once the catalog has the AI systems)`,
            );
          },
        });
      },
    });
  },
});

export default aimsExampleDataModule;
