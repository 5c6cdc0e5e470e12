/*
 * `yarn bench`: the AI inventory endpoint against the catalog's own query, on a seeded
 * catalog (real catalog backend + AISystem module + AIMS backend, in-process, SQLite).
 * Prints medians and their ratio; the target is ratio <= 1.5. Sizes via BENCH_AI_SYSTEMS and
 * BENCH_COMPONENTS (defaults 5000 and 20000).
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';
import { mockCredentials, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAims from '@internal/plugin-catalog-backend-module-aims';
import aimsPlugin from '@internal/plugin-aims-backend';
import request from 'supertest';
import { syntheticCatalog } from './seed';
import { interleavedMedians } from './measure';
import { seedAssessmentsAndRisks } from './seedAims';

const AI_SYSTEMS = Number(process.env.BENCH_AI_SYSTEMS ?? 5000);
const COMPONENTS = Number(process.env.BENCH_COMPONENTS ?? 20000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

async function main() {
  const entities = syntheticCatalog({ aiSystems: AI_SYSTEMS, components: COMPONENTS });
  const seed = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'bench-seed',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'bench-seed',
            connect: async connection => {
              await connection.applyMutation({
                type: 'full',
                entities: entities.map(entity => ({ entity, locationKey: 'bench' })),
              });
            },
          });
        },
      });
    },
  });

  // each plugin its own in-memory SQLite, as in a real deployment; the bench keeps the aims
  // one to seed impact assessments and risks for the second scenario
  const databases: Record<string, Knex> = {};
  const database = createServiceFactory({
    service: coreServices.database,
    deps: { pluginMetadata: coreServices.pluginMetadata },
    factory: ({ pluginMetadata }) => {
      const id = pluginMetadata.getId();
      databases[id] ??= knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
      });
      return { getClient: async () => databases[id] };
    },
  });

  const started = Date.now();
  const backend = await startTestBackend({
    features: [catalogPlugin, catalogModuleAims, aimsPlugin, seed, database],
  });
  const server = backend.server;
  const auth = { Authorization: mockCredentials.user.header() };
  const get = (path: string) => request(server).get(path).set(auth);

  // Wait until the catalog has processed and stitched everything (relations included).
  for (;;) {
    const ai = await get('/api/catalog/entities/by-query?filter=kind=aisystem,relations.dependencyOf=component:default/service-1&limit=1');
    const all = await get('/api/catalog/entities/by-query?limit=1');
    const total = all.body.totalItems ?? 0;
    if (process.stdout.isTTY) {
      process.stdout.write(`\rseeding catalog: ${total}/${entities.length} entities stitched`);
    }
    if (total >= entities.length && (ai.body.totalItems ?? 0) > 0) break;
    await new Promise(r => setTimeout(r, 2000));
  }
  console.log(`\nseeded ${AI_SYSTEMS} AI systems and ${COMPONENTS} components in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const check = await get('/api/aims/inventory?limit=100');
  if (check.status !== 200 || check.body.items.length !== 100 || check.body.totalCount !== AI_SYSTEMS) {
    throw new Error(`inventory answered ${check.status} with ${check.body.items?.length} items / totalCount ${check.body.totalCount}`);
  }

  const measure = async (scenario: string) => {
    const medians = await interleavedMedians(
      {
        inventory: async () => {
          const res = await get('/api/aims/inventory?limit=100');
          if (res.status !== 200) throw new Error(`inventory ${res.status}`);
        },
        catalog: async () => {
          const res = await get('/api/catalog/entities/by-query?filter=kind=aisystem&limit=100');
          if (res.status !== 200) throw new Error(`catalog ${res.status}`);
        },
      },
      ROUNDS,
    );
    const ratio = medians.inventory / medians.catalog;
    console.log(`\n${scenario}`);
    console.log(`  GET /api/aims/inventory?limit=100                                 median ${medians.inventory.toFixed(1)} ms`);
    console.log(`  GET /api/catalog/entities/by-query?filter=kind=aisystem&limit=100 median ${medians.catalog.toFixed(1)} ms`);
    console.log(`  ratio inventory/catalog: ${ratio.toFixed(2)} (target <= 1.5) ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
  };

  await measure(`${AI_SYSTEMS} AI systems, no AIMS records yet`);

  const seeded = await seedAssessmentsAndRisks(databases.aims, AI_SYSTEMS);
  const withData = await get('/api/aims/inventory?limit=100');
  const statuses = new Set(withData.body.items.map((i: any) => i.impactAssessment.status));
  if (!statuses.has('approved') || !statuses.has('review-overdue')) {
    throw new Error(`seeded assessments not visible in the inventory: ${[...statuses].join(', ')}`);
  }
  await measure(
    `${AI_SYSTEMS} AI systems, each with 3 impact-assessment versions and 10 risks (${seeded.versions} versions, ${seeded.risks} risks)`,
  );
  await backend.stop();
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
