/*
 * `yarn bench`: the AI inventory endpoint against the catalog's own query, on a seeded
 * catalog (real catalog backend + AISystem module + AIMS backend, in-process, SQLite).
 * Prints medians and their ratio; the target is ratio <= 1.5. Then deployment drift:
 * - reconcile scaling: the pure `reconcile` at 1/16, 1/4 and full size, and the growth
 *   exponent log(t_full / t_1/16) / log(16) (target <= 1.2);
 * - push ingestion: deployment reports POSTed to the same backend by a client process (as a
 *   service principal): one per POST /deployments with 1 and 16 in flight, and 100 per
 *   POST /deployments/batch with 8 in flight, against a raw knex insert of each report's
 *   observation rows into a scratch table of the same database (16 in flight); reports/s and
 *   their ratio, target >= 0.5 for the batch endpoint on PostgreSQL (the production database;
 *   in-memory SQLite for reference); and the framework floor, which bounds one report per
 *   request.
 *
 * Environment (defaults in brackets; for a quick run: BENCH_AI_SYSTEMS=200 BENCH_COMPONENTS=800):
 *   BENCH_AI_SYSTEMS [5000]        AI systems in the catalog and in the full reconcile size
 *   BENCH_COMPONENTS [20000]       components, likewise
 *   BENCH_ROUNDS [40]              timed rounds per inventory/catalog median
 *   BENCH_OBSERVATIONS [5 x BENCH_COMPONENTS = 100000]  observations at the full reconcile size
 *   BENCH_RECONCILE_RUNS [3]       reconcile runs per size (the median is printed)
 *   BENCH_SOA_CONTROLS [20]        controls mapped to each AI system (Statement of Applicability)
 *   BENCH_SOA_EVIDENCE [3]         evidence items per mapped control
 *   BENCH_PUSH_REPORTS [1000]      deployment reports POSTed per run (and inserted raw)
 *   BENCH_PUSH_AI_SYSTEMS [3]      AI systems per report (plus one unmapped model)
 *   BENCH_PUSH_MODES [1x1,16x1,8x100]  push modes, <in flight>x<reports per request>; the
 *                                  target is judged for the last one, on PostgreSQL
 *   BENCH_POSTGRES_CONNECTION_STRING [BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING]
 *                                  PostgreSQL server for the production-database push run
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import aimsPlugin from '@aims-backstage/backstage-plugin-aims-backend';
import request from 'supertest';
import { PushMode, pushIngestion } from './benchPush';
import { syntheticCatalog } from './seed';
import { interleavedMedians } from './measure';
import { seedAssessmentsAndRisks } from './seedAims';
import { seedStatementOfApplicability } from './seedSoa';
import { reconcileScaling, syntheticReports } from './benchDrift';

const AI_SYSTEMS = Number(process.env.BENCH_AI_SYSTEMS ?? 5000);
const COMPONENTS = Number(process.env.BENCH_COMPONENTS ?? 20000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const OBSERVATIONS = Number(process.env.BENCH_OBSERVATIONS ?? 5 * COMPONENTS);
const RECONCILE_RUNS = Number(process.env.BENCH_RECONCILE_RUNS ?? 3);
const SOA_CONTROLS = Number(process.env.BENCH_SOA_CONTROLS ?? 20);
const SOA_EVIDENCE = Number(process.env.BENCH_SOA_EVIDENCE ?? 3);
const PUSH_REPORTS = Number(process.env.BENCH_PUSH_REPORTS ?? 1000);
const PUSH_AI_SYSTEMS = Number(process.env.BENCH_PUSH_AI_SYSTEMS ?? 3);
const PUSH_MODES: PushMode[] = (
  process.env.BENCH_PUSH_MODES ?? '1x1,16x1,8x100'
)
  .split(',')
  .map(m => {
    const [concurrency, batch] = m.split('x').map(Number);
    if (!(concurrency >= 1) || !(batch >= 1 && batch <= 500))
      throw new Error(`BENCH_PUSH_MODES: "${m}" is not <in flight>x<1-500>`);
    return { concurrency, batch };
  });
const POSTGRES =
  process.env.BENCH_POSTGRES_CONNECTION_STRING ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
// the push target is judged for the last mode (the batch endpoint), on PostgreSQL
const PUSH_TARGET = { ratio: 0.5, mode: PUSH_MODES[PUSH_MODES.length - 1] };

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

  // warnings and errors of the backends under test are printed (BENCH_LOG_LEVEL to change)
  const logs = mockServices.rootLogger.factory({
    level: (process.env.BENCH_LOG_LEVEL ?? 'warn') as 'warn',
  });

  // the same backend twice: on in-memory SQLite, then with the AIMS plugin on PostgreSQL
  const features = [
    catalogPlugin,
    catalogModuleAims,
    aimsPlugin,
    seed,
    database,
    logs,
  ];

  const started = Date.now();
  const backend = await startTestBackend({ features });
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

  // the Statement of Applicability tab's requests beside the inventory page's, same run
  const soa = await seedStatementOfApplicability(databases.aims, {
    aiSystems: AI_SYSTEMS,
    controls: SOA_CONTROLS,
    evidence: SOA_EVIDENCE,
  });
  const ok = (path: string) => async () => {
    const res = await get(path);
    if (res.status !== 200) throw new Error(`${path} ${res.status}`);
  };
  const soaCheck = await get('/api/aims/soa');
  if (soaCheck.status !== 200 || soaCheck.body.controls?.length !== 38) {
    throw new Error(`GET /soa answered ${soaCheck.status}`);
  }
  const soaRequests: Record<string, () => Promise<void>> = {
    'GET /api/aims/inventory?limit=100': ok('/api/aims/inventory?limit=100'),
    'GET /api/aims/soa': ok('/api/aims/soa'),
    'GET /api/aims/soa/evidence?expiringWithinDays=30': ok(
      '/api/aims/soa/evidence?expiringWithinDays=30',
    ),
    'GET /api/aims/soa/versions': ok('/api/aims/soa/versions'),
    'GET /api/aims/controls/aisystem/default/ai-system-7': ok(
      '/api/aims/controls/aisystem/default/ai-system-7',
    ),
  };
  const soaMedians = await interleavedMedians(soaRequests, ROUNDS);
  const inventoryMedian = soaMedians['GET /api/aims/inventory?limit=100'];
  console.log(
    `\nStatement of Applicability: ${AI_SYSTEMS} AI systems x ${SOA_CONTROLS} mapped controls x ${SOA_EVIDENCE} evidence items (${soa.mappings} mappings, ${soa.evidence} evidence items)`,
  );
  for (const [name, ms] of Object.entries(soaMedians)) {
    console.log(
      `  ${name.padEnd(58)} median ${ms.toFixed(1).padStart(7)} ms  ${(
        ms / inventoryMedian
      ).toFixed(2)}x the inventory page`,
    );
  }

  reconcileScaling(
    {
      aiSystems: AI_SYSTEMS,
      components: COMPONENTS,
      observations: OBSERVATIONS,
    },
    RECONCILE_RUNS,
  );
  const push = (
    label: string,
    port: number,
    knex: Knex,
    target?: typeof PUSH_TARGET,
  ) =>
    pushIngestion({
      label,
      baseUrl: `http://127.0.0.1:${port}`,
      token: mockCredentials.service.token(),
      knex,
      makeReports: (count, runId) =>
        syntheticReports(
          count,
          { aiSystems: AI_SYSTEMS, components: COMPONENTS },
          PUSH_AI_SYSTEMS,
          runId,
        ),
      reports: PUSH_REPORTS,
      modes: PUSH_MODES,
      rawInFlight: 16,
      target,
    });
  await push(
    'in-memory SQLite (make start, tests)',
    (server.address() as { port: number }).port,
    databases.aims,
  );
  await backend.stop();

  if (!POSTGRES) {
    console.log(
      '\npush ingestion on PostgreSQL: SKIPPED (set BENCH_POSTGRES_CONNECTION_STRING or BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)',
    );
    return;
  }
  // the production database: the same catalog, the AIMS plugin on a fresh PostgreSQL database
  const admin = knexFactory({ client: 'pg', connection: POSTGRES });
  const dbName = `aims_bench_${Date.now().toString(36)}`;
  await admin.raw('CREATE DATABASE ??', [dbName]);
  const url = new URL(POSTGRES);
  url.pathname = `/${dbName}`;
  databases.aims = knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 10 },
  });
  try {
    const pgBackend = await startTestBackend({ features });
    try {
      for (;;) {
        const res = await request(pgBackend.server)
          .get('/api/aims/inventory?limit=1')
          .set(auth);
        if (res.status === 200 && res.body.totalCount === AI_SYSTEMS) break;
        await new Promise(r => setTimeout(r, 1000));
      }
      await push(
        'PostgreSQL (production)',
        (pgBackend.server.address() as { port: number }).port,
        databases.aims,
        PUSH_TARGET,
      );
    } finally {
      await pgBackend.stop();
    }
  } finally {
    await databases.aims.destroy();
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [dbName]);
    await admin.destroy();
  }
}

// the in-process backend may leave handles open after stop(): exit when the bench is done
main().then(
  () => process.exit(0),
  e => {
    console.error(e);
    process.exit(1);
  },
);
