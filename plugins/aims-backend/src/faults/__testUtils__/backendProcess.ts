/*
 * A real AIMS backend in a process of its own, for the fault-injection tests
 * (faults.integration.test.ts), which SIGKILL it and cut its database: createBackend from
 * backend-defaults with the catalog (plus the AISystem kind and the test entities) and the
 * AIMS plugin, as packages/backend runs them. Its whole configuration comes as JSON in
 * AIMS_FAULTS_CONFIG (database, port, the static ingest token). Started with
 * `node -r @backstage/cli/config/nodeTransform.cjs backendProcess.ts`, so nothing is built.
 * Test code only.
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { notificationService } from '@backstage/plugin-notifications-node';
import { testEntitiesModule } from '../../testing/testHarness';
import { faultsEntities } from './faultsCatalog';

const raw = process.env.AIMS_FAULTS_CONFIG;
if (!raw)
  throw new Error(
    'AIMS_FAULTS_CONFIG (the backend config as JSON) is required',
  );

const backend = createBackend();
backend.add(
  createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () => new ConfigReader(JSON.parse(raw), 'AIMS_FAULTS_CONFIG'),
  }),
);
// drift notifications are not under test (no notifications backend runs here)
backend.add(
  createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({ async send() {} }),
  }),
);
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@aims-backstage/backstage-plugin-catalog-backend-module-aims'),
);
backend.add(
  testEntitiesModule(faultsEntities(), {
    name: 'faults-entities',
    locationKey: 'faults',
  }),
);
backend.add(import('../../index'));
backend.start().catch(e => {
  // eslint-disable-next-line no-console
  console.error(`AIMS faults backend failed to start: ${e?.stack ?? e}`);
  process.exit(1);
});
