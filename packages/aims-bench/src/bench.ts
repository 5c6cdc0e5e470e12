/*
 * `yarn bench`: the AI inventory endpoint against the catalog's own query, on a seeded
 * catalog (real catalog backend + AISystem module + AIMS backend, in-process, SQLite).
 * Prints medians and their ratio; the target is ratio <= 1.5. Sizes via BENCH_AI_SYSTEMS and
 * BENCH_COMPONENTS (defaults 5000 and 20000).
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAims from '@internal/plugin-catalog-backend-module-aims';
import aimsPlugin from '@internal/plugin-aims-backend';
import request from 'supertest';
import { syntheticCatalog } from './seed';
import { interleavedMedians } from './measure';

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

  const started = Date.now();
  const backend = await startTestBackend({
    features: [catalogPlugin, catalogModuleAims, aimsPlugin, seed],
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
  console.log(`GET /api/aims/inventory?limit=100                               median ${medians.inventory.toFixed(1)} ms`);
  console.log(`GET /api/catalog/entities/by-query?filter=kind=aisystem&limit=100 median ${medians.catalog.toFixed(1)} ms`);
  console.log(`ratio inventory/catalog: ${ratio.toFixed(2)} (target <= 1.5) ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
  await backend.stop();
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
