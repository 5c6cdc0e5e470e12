/*
 * `yarn bench`: the AI inventory endpoint against the catalog's own query, on a seeded
 * catalog (real catalog backend + AISystem module + AIMS backend, in-process, SQLite).
 * Prints medians and their ratio; the target is ratio <= 1.5. Then deployment drift:
 * - reconcile scaling: the pure `reconcile` at 1/16, 1/4 and full size, and the growth
 *   exponent log(t_full / t_1/16) / log(16) (target <= 1.2);
 * - push ingestion: deployment reports POSTed to /api/aims/deployments of the same backend
 *   (as a service principal) against a raw knex insert of the same observation rows into a
 *   scratch table, reports/s and their ratio (target >= 0.5).
 *
 * Environment (defaults in brackets; for a quick run: BENCH_AI_SYSTEMS=200 BENCH_COMPONENTS=800):
 *   BENCH_AI_SYSTEMS [5000]        AI systems in the catalog and in the full reconcile size
 *   BENCH_COMPONENTS [20000]       components, likewise
 *   BENCH_ROUNDS [40]              timed rounds per inventory/catalog median
 *   BENCH_OBSERVATIONS [5 x BENCH_COMPONENTS = 100000]  observations at the full reconcile size
 *   BENCH_RECONCILE_RUNS [3]       reconcile runs per size (the median is printed)
 *   BENCH_PUSH_REPORTS [500]       deployment reports POSTed (and inserted raw)
 *   BENCH_PUSH_AI_SYSTEMS [3]      AI systems per report (plus one unmapped model)
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAims from '@internal/plugin-catalog-backend-module-aims';
import aimsPlugin from '@internal/plugin-aims-backend';
import request from 'supertest';
import { syntheticCatalog } from './seed';
import { interleavedMedians } from './measure';
import { seedAssessmentsAndRisks } from './seedAims';
import { reconcileScaling, syntheticReports } from './benchDrift';
import {
  deploymentReportToObservations,
  normalizeDeploymentReport,
} from '@internal/plugin-aims-common';

const AI_SYSTEMS = Number(process.env.BENCH_AI_SYSTEMS ?? 5000);
const COMPONENTS = Number(process.env.BENCH_COMPONENTS ?? 20000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const OBSERVATIONS = Number(process.env.BENCH_OBSERVATIONS ?? 5 * COMPONENTS);
const RECONCILE_RUNS = Number(process.env.BENCH_RECONCILE_RUNS ?? 3);
const PUSH_REPORTS = Number(process.env.BENCH_PUSH_REPORTS ?? 500);
const PUSH_AI_SYSTEMS = Number(process.env.BENCH_PUSH_AI_SYSTEMS ?? 3);

/**
 * Section (ii): N reports through the real ingestion (validation, idempotency store, catalog
 * lookup, observation replace, source health, scoped drift reconcile) against a raw knex
 * insert of the same observation rows, both sequential, in the same run and database.
 */
async function pushIngestion(server: any, aimsDb: Knex) {
  const service = {
    Authorization: `Bearer ${mockCredentials.service.token()}`,
  };
  const size = { aiSystems: AI_SYSTEMS, components: COMPONENTS };
  const warmup = Math.min(20, PUSH_REPORTS);
  const runId = Date.now().toString(36);
  const reports = syntheticReports(
    PUSH_REPORTS + warmup,
    size,
    PUSH_AI_SYSTEMS,
    runId,
  );
  const rowsOf = (r: (typeof reports)[number]) =>
    deploymentReportToObservations(normalizeDeploymentReport(r)).map(o => ({
      source_id: o.sourceId,
      component: o.component,
      environment: o.environment,
      target_key:
        o.aiSystemRef ?? `model:${o.provider ?? 'unknown'}/${o.model ?? ''}`,
      ai_system_ref: o.aiSystemRef ?? null,
      model: o.model ?? null,
      provider: o.provider ?? null,
      version: o.version ?? null,
      observed_at: new Date(o.observedAt),
      since: new Date(o.since ?? o.observedAt),
      seen_at: new Date(),
      evidence: o.evidence ? JSON.stringify(o.evidence) : null,
      report_id: r.id,
    }));

  const post = async (r: (typeof reports)[number]) => {
    const res = await request(server)
      .post('/api/aims/deployments')
      .set(service)
      .send(r);
    if (res.status !== 202)
      throw new Error(
        `POST /deployments ${res.status}: ${JSON.stringify(res.body).slice(
          0,
          300,
        )}`,
      );
  };
  for (const r of reports.slice(0, warmup)) await post(r);
  const pushStart = process.hrtime.bigint();
  for (const r of reports.slice(warmup)) await post(r);
  const pushMs = Number(process.hrtime.bigint() - pushStart) / 1e6;

  const scratch = 'bench_scratch_observations';
  await aimsDb.schema.dropTableIfExists(scratch);
  await aimsDb.schema.createTable(scratch, table => {
    table.increments('id');
    for (const c of [
      'source_id',
      'component',
      'environment',
      'target_key',
      'ai_system_ref',
      'model',
      'provider',
      'version',
      'report_id',
    ]) {
      table.string(c, 255).nullable();
    }
    for (const c of ['observed_at', 'since', 'seen_at'])
      table.timestamp(c, { useTz: true }).nullable();
    table.text('evidence').nullable();
  });
  for (const r of reports.slice(0, warmup))
    await aimsDb(scratch).insert(rowsOf(r));
  let rows = 0;
  const rawStart = process.hrtime.bigint();
  for (const r of reports.slice(warmup)) {
    const batch = rowsOf(r);
    rows += batch.length;
    await aimsDb(scratch).insert(batch);
  }
  const rawMs = Number(process.hrtime.bigint() - rawStart) / 1e6;
  await aimsDb.schema.dropTable(scratch);

  const pushRate = (PUSH_REPORTS / pushMs) * 1000;
  const rawRate = (PUSH_REPORTS / rawMs) * 1000;
  const ratio = pushRate / rawRate;
  console.log(
    `\npush ingestion: ${PUSH_REPORTS} deployment reports, ${PUSH_AI_SYSTEMS} AI systems + 1 model each (${rows} observation rows), sequential, after ${warmup} warm-up`,
  );
  console.log(
    `  POST /api/aims/deployments (service principal)      ${pushRate
      .toFixed(1)
      .padStart(9)} reports/s (${pushMs.toFixed(0)} ms)`,
  );
  console.log(
    `  raw knex insert of the same rows (scratch table)    ${rawRate
      .toFixed(1)
      .padStart(9)} reports/s (${rawMs.toFixed(0)} ms)`,
  );
  console.log(
    `  ratio push/raw: ${ratio.toFixed(2)} (target >= 0.5) ${
      ratio >= 0.5 ? 'OK' : 'UNDER TARGET'
    }`,
  );
}

async function main() {
  const entities = syntheticCatalog({
    aiSystems: AI_SYSTEMS,
    components: COMPONENTS,
  });
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
                entities: entities.map(entity => ({
                  entity,
                  locationKey: 'bench',
                })),
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
    const ai = await get(
      '/api/catalog/entities/by-query?filter=kind=aisystem,relations.dependencyOf=component:default/service-1&limit=1',
    );
    const all = await get('/api/catalog/entities/by-query?limit=1');
    const total = all.body.totalItems ?? 0;
    if (process.stdout.isTTY) {
      process.stdout.write(
        `\rseeding catalog: ${total}/${entities.length} entities stitched`,
      );
    }
    if (total >= entities.length && (ai.body.totalItems ?? 0) > 0) break;
    await new Promise(r => setTimeout(r, 2000));
  }
  console.log(
    `\nseeded ${AI_SYSTEMS} AI systems and ${COMPONENTS} components in ${(
      (Date.now() - started) /
      1000
    ).toFixed(0)} s`,
  );

  const check = await get('/api/aims/inventory?limit=100');
  if (
    check.status !== 200 ||
    check.body.items.length !== 100 ||
    check.body.totalCount !== AI_SYSTEMS
  ) {
    throw new Error(
      `inventory answered ${check.status} with ${check.body.items?.length} items / totalCount ${check.body.totalCount}`,
    );
  }

  const measure = async (scenario: string) => {
    const medians = await interleavedMedians(
      {
        inventory: async () => {
          const res = await get('/api/aims/inventory?limit=100');
          if (res.status !== 200) throw new Error(`inventory ${res.status}`);
        },
        catalog: async () => {
          const res = await get(
            '/api/catalog/entities/by-query?filter=kind=aisystem&limit=100',
          );
          if (res.status !== 200) throw new Error(`catalog ${res.status}`);
        },
      },
      ROUNDS,
    );
    const ratio = medians.inventory / medians.catalog;
    console.log(`\n${scenario}`);
    console.log(
      `  GET /api/aims/inventory?limit=100                                 median ${medians.inventory.toFixed(
        1,
      )} ms`,
    );
    console.log(
      `  GET /api/catalog/entities/by-query?filter=kind=aisystem&limit=100 median ${medians.catalog.toFixed(
        1,
      )} ms`,
    );
    console.log(
      `  ratio inventory/catalog: ${ratio.toFixed(2)} (target <= 1.5) ${
        ratio <= 1.5 ? 'OK' : 'OVER TARGET'
      }`,
    );
  };

  await measure(`${AI_SYSTEMS} AI systems, no AIMS records yet`);

  const seeded = await seedAssessmentsAndRisks(databases.aims, AI_SYSTEMS);
  const withData = await get('/api/aims/inventory?limit=100');
  const statuses = new Set(
    withData.body.items.map((i: any) => i.impactAssessment.status),
  );
  if (!statuses.has('approved') || !statuses.has('review-overdue')) {
    throw new Error(
      `seeded assessments not visible in the inventory: ${[...statuses].join(
        ', ',
      )}`,
    );
  }
  await measure(
    `${AI_SYSTEMS} AI systems, each with 3 impact-assessment versions and 10 risks (${seeded.versions} versions, ${seeded.risks} risks)`,
  );

  reconcileScaling(
    {
      aiSystems: AI_SYSTEMS,
      components: COMPONENTS,
      observations: OBSERVATIONS,
    },
    RECONCILE_RUNS,
  );
  await pushIngestion(server, databases.aims);
  await backend.stop();
}

// the in-process backend may leave handles open after stop(): exit when the bench is done
main().then(
  () => process.exit(0),
  e => {
    console.error(e);
    process.exit(1);
  },
);
