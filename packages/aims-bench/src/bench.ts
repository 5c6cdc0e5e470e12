/*
 * `yarn bench [--check]`: AIMS against the catalog it builds on, like for like, on SQLite and —
 * whenever one answers — on PostgreSQL (a fresh database per plugin and run, dropped after).
 * Each database gets the real backend in-process (catalog + AISystem module + AIMS backend),
 * a synthetic organisation in the catalog (AI systems, components, users, groups) and
 * realistic AIMS records (three impact-assessment versions and ten risks per system, open
 * findings on a fifth of the systems, deployment observations, a Statement of Applicability).
 *
 * - Inventory: every request the AI Inventory page makes (GET /api/aims/inventory with the
 *   page's size, offset paging and each filter; GET /api/aims/inventory/counts) against the
 *   catalog request for the same fields, order, filter and page size (`by-query`; the counts
 *   against `entity-facets`). Target: median ≤ 1.5 × the catalog's.
 * - Drift: the whole reconcile path (catalog load, assessment summaries, comparison, finding
 *   upserts, notifications), run as the scheduler runs the `aims-drift-reconcile` task, with
 *   the catalog and the observations at 1/16, 1/4 and full size; a tenth of the matches flip
 *   version between runs, so every run opens or resolves findings. Target: growth exponent
 *   log(t_full / t_1/16) / log(16) ≤ 1.2.
 * - Deployment push: one report per request against the framework floor measured in the same
 *   run (an authenticated POST that does no work), batches against a raw knex insert of the
 *   same rows in the same batch size; both target ≥ 0.5, judged on PostgreSQL (the production
 *   database; SQLite figures are for reference).
 * - The Statement of Applicability requests (informational).
 * - Monitoring results, from benchMonitoring.ts when present.
 * Prints one table: scenario, database, median, p95, baseline median, ratio, target, pass/fail.
 * With `--check` the process exits 1 when a target is missed. `yarn bench load` runs the load
 * test of benchLoad.ts instead.
 *
 * Environment (defaults in brackets; a quick run: BENCH_AI_SYSTEMS=200 BENCH_COMPONENTS=2000):
 *   BENCH_AI_SYSTEMS [5000]        AI systems in the catalog (full size)
 *   BENCH_COMPONENTS [40000]       components; with 50 groups and BENCH_USERS, 50,000 entities
 *   BENCH_USERS [BENCH_COMPONENTS / 8 - 50 = 4950]  users
 *   BENCH_PAGE_SIZE [20]           inventory page size (the page's default)
 *   BENCH_ROUNDS [30]              timed rounds per request (interleaved with its baseline)
 *   BENCH_OBSERVATIONS [2.5 x BENCH_COMPONENTS = 100000]  observations at full drift size
 *   BENCH_RECONCILE_RUNS [3]       timed reconciles per size (the median counts)
 *   BENCH_SOA_CONTROLS [20]        controls mapped to each AI system (Statement of Applicability)
 *   BENCH_SOA_EVIDENCE [3]         evidence items per mapped control
 *   BENCH_PUSH_REPORTS [1000]      deployment reports POSTed per push run
 *   BENCH_PUSH_RUNS [3]            timed runs per push mode, alternating with its baseline
 *   BENCH_PUSH_AI_SYSTEMS [3]      AI systems per report (plus one unmapped model)
 *   BENCH_PUSH_MODES [1x1,16x1,8x100]  push modes, <in flight>x<reports per request>
 *   BENCH_DATABASES [sqlite,postgres]  which databases to run on
 *   BENCH_POSTGRES_CONNECTION_STRING [BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING,
 *                                  else postgresql://postgres@127.0.0.1:5432 if it answers]
 *   BENCH_LOG_LEVEL [warn]         log level of the backend under test
 *   BENCH_SKIP_MONITORING          set to leave out the monitoring-results rows (benchMonitoring.ts)
 *   BENCH_ONLY [all]               comma-separated parts to run: drift, inventory, soa, push,
 *                                  monitoring (e.g. BENCH_ONLY=inventory to iterate on the
 *                                  inventory; without drift the catalog is seeded at full size
 *                                  directly)
 */
import net from 'net';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import aimsPlugin from '@aims-backstage/backstage-plugin-aims-backend';
import request from 'supertest';
import { PushMode, PushResult, modeLabel, pushIngestion } from './benchPush';
import { syntheticCatalog } from './seed';
import { INVENTORY_FIELDS, TEXT_FIELDS } from './inventoryFields';
import { interleavedStats, median } from './measure';
import { benchMonitoring } from './benchMonitoring';
import { seedAssessmentsAndRisks, seedOpenFindings } from './seedAims';
import { seedStatementOfApplicability } from './seedSoa';
import {
  churnObservations,
  seedObservations,
  syntheticReports,
} from './benchDrift';

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name}: "${process.env[name]}" is not a number`);
  return value;
};
const AI_SYSTEMS = env('BENCH_AI_SYSTEMS', 5000);
const COMPONENTS = env('BENCH_COMPONENTS', 40000);
const GROUPS = 50;
const USERS = env(
  'BENCH_USERS',
  Math.max(0, Math.round(COMPONENTS / 8) - GROUPS),
);
const PAGE_SIZE = env('BENCH_PAGE_SIZE', 20);
const ROUNDS = env('BENCH_ROUNDS', 30);
const OBSERVATIONS = env('BENCH_OBSERVATIONS', 2.5 * COMPONENTS);
const RECONCILE_RUNS = env('BENCH_RECONCILE_RUNS', 3);
const SOA_CONTROLS = env('BENCH_SOA_CONTROLS', 20);
const SOA_EVIDENCE = env('BENCH_SOA_EVIDENCE', 3);
const PUSH_REPORTS = env('BENCH_PUSH_REPORTS', 1000);
const PUSH_RUNS = env('BENCH_PUSH_RUNS', 3);
if (!Number.isInteger(PUSH_RUNS) || PUSH_RUNS < 1)
  throw new Error(`BENCH_PUSH_RUNS: "${PUSH_RUNS}" is not a whole number ≥ 1`);
const PUSH_AI_SYSTEMS = env('BENCH_PUSH_AI_SYSTEMS', 3);
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
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres')
  .split(',')
  .map(d => d.trim());

const PARTS = ['drift', 'inventory', 'soa', 'push', 'monitoring'];
const ONLY = process.env.BENCH_ONLY?.split(',').map(p => p.trim());
for (const part of ONLY ?? [])
  if (!PARTS.includes(part))
    throw new Error(`BENCH_ONLY: "${part}" is not one of ${PARTS.join(', ')}`);
/** Whether this run includes a part of the bench (BENCH_ONLY). */
const runs = (part: string) => !ONLY || ONLY.includes(part);

const INVENTORY_TARGET = 1.5;
const DRIFT_EXPONENT_TARGET = 1.2;
const PUSH_TARGET = 0.5;

/** One line of the result table; `ratio` is judged against `target` when both are set. */
export interface BenchRow {
  scenario: string;
  database: string;
  median: string;
  p95?: string;
  baseline?: string;
  ratio?: number;
  target?: { max: number } | { min: number };
  /** A target given as text, with its verdict (rows of benchMonitoring.ts). */
  targetText?: string;
  pass?: boolean;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const perSecond = (v: number) => `${v.toFixed(0)}/s`;

function passes(row: BenchRow): boolean | undefined {
  if (row.pass !== undefined) return row.pass;
  if (row.ratio === undefined || !row.target) return undefined;
  return 'max' in row.target
    ? row.ratio <= row.target.max
    : row.ratio >= row.target.min;
}

function printTable(rows: BenchRow[]) {
  const header = [
    'scenario',
    'database',
    'median',
    'p95',
    'baseline median',
    'ratio',
    'target',
    'pass/fail',
  ];
  const lines = rows.map(r => {
    const pass = passes(r);
    let target = r.targetText ?? '';
    if (r.target)
      target = 'max' in r.target ? `≤ ${r.target.max}` : `≥ ${r.target.min}`;
    let verdict = '';
    if (pass !== undefined) verdict = pass ? 'pass' : 'FAIL';
    return [
      r.scenario,
      r.database,
      r.median,
      r.p95 ?? '',
      r.baseline ?? '',
      r.ratio === undefined ? '' : r.ratio.toFixed(2),
      target,
      verdict,
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.map(l => l[i].length)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${format(header)}`);
  console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(format(l));
}

/** The PostgreSQL server to use, as scripts/detect-postgres.sh finds it; undefined if none. */
async function detectPostgres(): Promise<string | undefined> {
  const configured =
    process.env.BENCH_POSTGRES_CONNECTION_STRING ??
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (configured) return configured;
  const answers = await new Promise<boolean>(resolve => {
    const socket = net.connect({ host: '127.0.0.1', port: 5432 });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
  return answers ? 'postgresql://postgres@127.0.0.1:5432' : undefined;
}

/**
 * One database per plugin, as a real deployment has: in-memory SQLite, or a fresh PostgreSQL
 * database named after the run (dropped by `cleanup`).
 */
function pluginDatabases(postgres?: string) {
  const clients: Record<string, Promise<Knex>> = {};
  const created: string[] = [];
  const run = `aims_bench_${Date.now().toString(36)}`;
  const admin = postgres
    ? knexFactory({ client: 'pg', connection: postgres })
    : undefined;
  const connect = async (pluginId: string): Promise<Knex> => {
    if (!admin || !postgres)
      return knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
      });
    const name = `${run}_${pluginId.replace(/[^a-z0-9]/gi, '_')}`;
    await admin.raw('CREATE DATABASE ??', [name]);
    created.push(name);
    const url = new URL(postgres);
    url.pathname = `/${name}`;
    return knexFactory({
      client: 'pg',
      connection: url.toString(),
      pool: { min: 0, max: 10 },
    });
  };
  const of = (pluginId: string) => (clients[pluginId] ??= connect(pluginId));
  return {
    of,
    factory: createServiceFactory({
      service: coreServices.database,
      deps: { pluginMetadata: coreServices.pluginMetadata },
      factory: ({ pluginMetadata }) => {
        const id = pluginMetadata.getId();
        return { getClient: () => of(id) };
      },
    }),
    async cleanup() {
      for (const client of Object.values(clients))
        await (await client).destroy();
      for (const name of created)
        await admin!.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      await admin?.destroy();
    },
  };
}

/**
 * The scheduler of the backend under test, which keeps every plugin's tasks so the bench can
 * run one as the scheduler would (`run`). Like the test backend's own mock, it runs the tasks
 * without an initial delay once at startup, and nothing on a timer after that, so no task of
 * the backend runs into a measurement by chance.
 */
type Task = SchedulerServiceTaskInvocationDefinition &
  SchedulerServiceTaskScheduleDefinition;

function benchScheduler() {
  const tasks = new Map<string, Task>();
  const abort = new AbortController();
  const factory = createServiceFactory({
    service: coreServices.scheduler,
    deps: { lifecycle: coreServices.lifecycle },
    factory: ({ lifecycle }): SchedulerService => {
      const own: Task[] = [];
      lifecycle.addStartupHook(async () => {
        for (const task of own) {
          const manual =
            'trigger' in task.frequency && task.frequency.trigger === 'manual';
          if (!task.initialDelay && !manual) await task.fn(abort.signal as any);
        }
      });
      lifecycle.addShutdownHook(() => abort.abort());
      const scheduleTask = async (task: Task) => {
        tasks.set(task.id, task);
        own.push(task);
      };
      return {
        scheduleTask,
        createScheduledTaskRunner: schedule => ({
          run: async task => scheduleTask({ ...task, ...schedule }),
        }),
        triggerTask: async id => {
          await tasks.get(id)?.fn(abort.signal as any);
        },
        cancelTask: async () => {},
        getScheduledTasks: async () =>
          own.map(t => ({
            id: t.id,
            scope: t.scope ?? 'global',
            settings: { version: 1 },
          })),
      };
    },
  });
  return {
    factory,
    async run(id: string) {
      const task = tasks.get(id);
      if (!task) throw new Error(`no scheduled task ${id}`);
      await task.fn(abort.signal as any);
    },
  };
}

/** The catalog of the bench, replaced as a whole (a `full` mutation) to change its size. */
function benchCatalog() {
  let connection: EntityProviderConnection | undefined;
  let pending: Entity[] | undefined;
  const apply = async (entities: Entity[]) => {
    if (!connection) {
      pending = entities;
      return;
    }
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({ entity, locationKey: 'bench' })),
    });
  };
  const module = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'bench-seed',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'bench-seed',
            connect: async c => {
              connection = c;
              if (pending) await apply(pending);
            },
          });
        },
      });
    },
  });
  return { module, apply };
}

/**
 * The AI Inventory page's requests and, for each, the catalog request a plain catalog page
 * makes for the same rows: same filter, fields, order (by name) and page size.
 */
function inventoryScenarios(aiSystems: number) {
  const page = (offset = 0) => `limit=${PAGE_SIZE}&offset=${offset}`;
  const byQuery = (filter: string, extra = '', offset = 0) =>
    `/api/catalog/entities/by-query?filter=${encodeURIComponent(
      `kind=aisystem${filter}`,
    )}&fields=${INVENTORY_FIELDS}&orderField=metadata.name,asc&${page(
      offset,
    )}${extra}`;
  const deep = Math.max(
    0,
    Math.floor((aiSystems * 0.8) / PAGE_SIZE) * PAGE_SIZE,
  );
  const owner = 'group:default/team-7';
  const text = 'number 12';
  return [
    {
      scenario: `inventory first page (${PAGE_SIZE})`,
      inventory: `/api/aims/inventory?${page()}`,
      catalog: byQuery(''),
    },
    {
      scenario: `inventory deep page (offset ${deep})`,
      inventory: `/api/aims/inventory?${page(deep)}`,
      catalog: byQuery('', '', deep),
    },
    {
      scenario: 'inventory filter owner',
      inventory: `/api/aims/inventory?owner=${encodeURIComponent(
        owner,
      )}&${page()}`,
      catalog: byQuery(`,relations.ownedBy=${owner}`),
    },
    {
      scenario: 'inventory filter tier',
      inventory: `/api/aims/inventory?tier=high-risk&${page()}`,
      catalog: byQuery(',spec.euAiAct.tier=high-risk'),
    },
    {
      scenario: 'inventory filter lifecycle',
      inventory: `/api/aims/inventory?lifecycle=production&${page()}`,
      catalog: byQuery(',spec.lifecycle=production'),
    },
    {
      // The impact-assessment status lives in the AIMS database, so the catalog cannot filter
      // on it at all. The catalog-side equivalent of "one page of AI systems filtered by a
      // value" is the same page filtered by one of its own indexed fields: lifecycle, which
      // (like the status) splits the systems into a handful of values.
      scenario: 'inventory filter impact-assessment status',
      inventory: `/api/aims/inventory?status=review-overdue&${page()}`,
      catalog: byQuery(',spec.lifecycle=production'),
    },
    {
      scenario: 'inventory free text',
      inventory: `/api/aims/inventory?q=${encodeURIComponent(text)}&${page()}`,
      catalog: byQuery(
        '',
        `&fullTextFilterTerm=${encodeURIComponent(
          text,
        )}&fullTextFilterFields=${TEXT_FIELDS}`,
      ),
    },
    {
      // The counts are two facets of the AI systems in scope: by tier (a catalog field) and
      // by impact-assessment status (ours, derived from the lifecycle and our records). The
      // catalog's own answer to "how many of these per value" is `entity-facets` over the
      // same filter; it gets the tier and the lifecycle, the catalog fields the counts read.
      scenario: 'inventory counts',
      inventory: '/api/aims/inventory/counts',
      catalog:
        '/api/catalog/entity-facets?filter=kind=aisystem&facet=spec.euAiAct.tier&facet=spec.lifecycle',
    },
    {
      scenario: 'inventory counts, owner filter',
      inventory: `/api/aims/inventory/counts?owner=${encodeURIComponent(
        owner,
      )}`,
      catalog: `/api/catalog/entity-facets?filter=${encodeURIComponent(
        `kind=aisystem,relations.ownedBy=${owner}`,
      )}&facet=spec.euAiAct.tier&facet=spec.lifecycle`,
    },
  ];
}

const sizeAt = (divisor: number) => ({
  aiSystems: Math.max(1, Math.round(AI_SYSTEMS / divisor)),
  components: Math.max(2, Math.round(COMPONENTS / divisor)),
  users: Math.round(USERS / divisor),
  observations: Math.max(1, Math.round(OBSERVATIONS / divisor)),
});

/** Everything for one database; returns the rows of the table. */
async function benchOn(database: string, postgres?: string) {
  const rows: BenchRow[] = [];
  const databases = pluginDatabases(postgres);
  const scheduler = benchScheduler();
  const catalog = benchCatalog();
  const logs = mockServices.rootLogger.factory({
    level: (process.env.BENCH_LOG_LEVEL ?? 'warn') as 'warn',
  });
  const config = mockServices.rootConfig.factory({
    data: {
      // The bench replaces the catalog's contents when it changes size; between those, the
      // periodic re-processing of 50,000 unchanged entities would only add noise.
      catalog: { processingInterval: { minutes: 30 } },
      // the notifications backend links notifications to the app
      app: { baseUrl: 'http://localhost:3000' },
    },
  });
  const started = Date.now();
  const size = sizeAt(runs('drift') ? 16 : 1);
  await catalog.apply(syntheticCatalog({ ...size, groups: GROUPS }));
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      // as in packages/backend: drift findings notify their owners for real
      notificationsPlugin,
      catalogModuleAims,
      aimsPlugin,
      catalog.module,
      databases.factory,
      scheduler.factory,
      logs,
      config,
    ],
  });
  try {
    const server = backend.server;
    const auth = { Authorization: mockCredentials.user.header() };
    const get = (p: string) => request(server).get(p).set(auth);
    const ok = (p: string) => async () => {
      const res = await get(p);
      if (res.status !== 200)
        throw new Error(`${p} answered ${res.status}: ${res.text}`);
    };
    const aims = await databases.of('aims');

    /**
     * Waits until the catalog has processed every entity and emptied its stitch queue. The
     * last AI system being stitched does not mean the rest is: the tail of the initial
     * ingestion (processing, relations, re-stitching) may still be writing to the same
     * database, which would slow the push runs and not the read-only floor runs they alternate
     * with. Periodic re-processing is off (30 minutes), so a settled catalog stays quiet.
     */
    const catalogSettled = async () => {
      const catalogDb = await databases.of('catalog');
      const since = Date.now();
      for (;;) {
        const [[{ due }], [{ queued }]] = await Promise.all([
          catalogDb('refresh_state')
            .where('next_update_at', '<=', catalogDb.fn.now())
            .count({ due: '*' }),
          catalogDb('stitch_queue').count({ queued: '*' }),
        ]);
        if (Number(due) === 0 && Number(queued) === 0) break;
        if (Date.now() - since > 30 * 60_000)
          throw new Error(
            `${database}: the catalog still has ${due} entities to process and ${queued} to stitch after 30 minutes`,
          );
        await new Promise(r => setTimeout(r, 1000));
      }
      console.log(
        `${database}: catalog settled (nothing left to process or stitch) after ${(
          (Date.now() - since) /
          1000
        ).toFixed(0)} s more`,
      );
    };

    /** Waits until the catalog holds and has stitched the synthetic catalog of that size. */
    const stitched = async (s: ReturnType<typeof sizeAt>) => {
      const total = s.aiSystems + s.components + s.users + GROUPS;
      const last = s.aiSystems - 1;
      const relation = `kind=aisystem,metadata.name=ai-system-${last},relations.dependencyOf=component:default/service-${
        (last * 4 + 1) % s.components
      }`;
      for (;;) {
        const all = await get('/api/catalog/entities/by-query?limit=1');
        const ai = await get(
          `/api/catalog/entities/by-query?limit=1&filter=${encodeURIComponent(
            relation,
          )}`,
        );
        const count = all.body.totalItems ?? 0;
        if (process.stdout.isTTY)
          process.stdout.write(
            `\r${database}: catalog ${count}/${total} entities stitched`,
          );
        if (count === total && (ai.body.totalItems ?? 0) === 1) break;
        await new Promise(r => setTimeout(r, 2000));
      }
      if (process.stdout.isTTY) process.stdout.write('\n');
      await catalogSettled();
    };

    // Drift, growing the catalog and the observations from 1/16 to full size.
    const reconcileMs: number[] = [];
    if (!runs('drift')) await stitched(sizeAt(1));
    for (const divisor of runs('drift') ? [16, 4, 1] : []) {
      const s = sizeAt(divisor);
      if (divisor !== 16)
        await catalog.apply(syntheticCatalog({ ...s, groups: GROUPS }));
      await stitched(s);
      const observations = await seedObservations(aims, s);
      await scheduler.run('aims-drift-reconcile'); // warm-up, opens this size's findings
      const times: number[] = [];
      for (let r = 0; r < RECONCILE_RUNS; r++) {
        await churnObservations(aims, r + 1);
        const start = process.hrtime.bigint();
        await scheduler.run('aims-drift-reconcile');
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const [{ n: findings }] = await aims('aims_findings')
        .whereIn('status', ['open', 'acknowledged'])
        .count({ n: '*' });
      reconcileMs.push(median(times));
      console.log(
        `${database}: drift reconcile at ${
          divisor === 1 ? 'full size' : `1/${divisor}`
        } (${s.aiSystems} AI systems, ${
          s.aiSystems + s.components + s.users + GROUPS
        } entities, ${observations} observations): median ${ms(
          median(times),
        )} (${findings} open findings) after ${(
          (Date.now() - started) /
          1000
        ).toFixed(0)} s`,
      );
    }
    const exponent = Math.log(reconcileMs[2] / reconcileMs[0]) / Math.log(16);
    if (runs('drift'))
      rows.push({
        scenario: `drift reconcileAll ×16 size: exponent`,
        database,
        median: ms(reconcileMs[2]),
        baseline: ms(reconcileMs[0]),
        ratio: exponent,
        target: { max: DRIFT_EXPONENT_TARGET },
      });

    // The AIMS records of a mature organisation, then the inventory page's requests.
    const seeded = await seedAssessmentsAndRisks(aims, AI_SYSTEMS);
    const findings = await seedOpenFindings(aims, AI_SYSTEMS);
    const soa = await seedStatementOfApplicability(aims, {
      aiSystems: AI_SYSTEMS,
      controls: SOA_CONTROLS,
      evidence: SOA_EVIDENCE,
    });
    console.log(
      `${database}: seeded ${seeded.versions} assessment versions, ${seeded.risks} risks, ${findings} open findings, ${soa.mappings} control mappings, ${soa.evidence} evidence items`,
    );
    const check = await get(`/api/aims/inventory?limit=${PAGE_SIZE}`);
    const statuses = new Set(
      (check.body.items ?? []).map((i: any) => i.impactAssessment.status),
    );
    if (
      check.status !== 200 ||
      check.body.totalCount !== AI_SYSTEMS ||
      !statuses.has('approved') ||
      !statuses.has('review-overdue') ||
      !check.body.items.some((i: any) => i.findings.open > 0)
    ) {
      throw new Error(
        `the seeded records are not visible in the inventory: ${
          check.status
        } ${JSON.stringify(check.body).slice(0, 500)}`,
      );
    }

    for (const s of runs('inventory') ? inventoryScenarios(AI_SYSTEMS) : []) {
      const [inv, cat] = await Promise.all([get(s.inventory), get(s.catalog)]);
      if (inv.status !== 200 || cat.status !== 200)
        throw new Error(
          `${s.scenario}: ${inv.status} ${inv.text.slice(0, 200)} / ${
            cat.status
          } ${cat.text.slice(0, 200)}`,
        );
      const stats = await interleavedStats(
        { inventory: ok(s.inventory), catalog: ok(s.catalog) },
        ROUNDS,
      );
      console.log(
        `${database}: ${s.scenario}: ${ms(stats.inventory.median)} against ${ms(
          stats.catalog.median,
        )} (${inv.body.totalCount ?? '-'} / ${
          cat.body.totalItems ?? '-'
        } rows)`,
      );
      rows.push({
        scenario: s.scenario,
        database,
        median: ms(stats.inventory.median),
        p95: ms(stats.inventory.p95),
        baseline: ms(stats.catalog.median),
        ratio: stats.inventory.median / stats.catalog.median,
        target: { max: INVENTORY_TARGET },
      });
    }

    // The Statement of Applicability tab's requests (no catalog equivalent: informational).
    const soaRequests: Record<string, string> = {
      'SoA: GET /soa': '/api/aims/soa',
      'SoA: GET /soa/evidence?expiringWithinDays=30':
        '/api/aims/soa/evidence?expiringWithinDays=30',
      'SoA: GET /soa/versions': '/api/aims/soa/versions',
      'SoA: GET /controls/<one AI system>':
        '/api/aims/controls/aisystem/default/ai-system-7',
    };
    const soaStats = runs('soa')
      ? await interleavedStats(
          Object.fromEntries(
            Object.entries(soaRequests).map(([name, p]) => [name, ok(p)]),
          ),
          Math.max(5, Math.round(ROUNDS / 3)),
          2,
        )
      : {};
    for (const [scenario, stats] of Object.entries(soaStats))
      rows.push({
        scenario,
        database,
        median: ms(stats.median),
        p95: ms(stats.p95),
      });

    // Deployment push.
    if (!runs('push')) return rows;
    const pushed: PushResult[] = await pushIngestion({
      label: database,
      baseUrl: `http://127.0.0.1:${
        (server.address() as { port: number }).port
      }`,
      token: mockCredentials.service.token(),
      knex: aims,
      makeReports: (count, runId) =>
        syntheticReports(
          count,
          { aiSystems: AI_SYSTEMS, components: COMPONENTS },
          PUSH_AI_SYSTEMS,
          runId,
        ),
      reports: PUSH_REPORTS,
      modes: PUSH_MODES,
      runs: PUSH_RUNS,
    });
    for (const r of pushed)
      rows.push({
        scenario: `push: ${modeLabel(r.mode)} vs ${r.baseline}`,
        database,
        median: perSecond(r.pushRate),
        baseline: perSecond(r.baselineRate),
        ratio: r.pushRate / r.baselineRate,
        // judged on the production database (and on SQLite when it is the only one)
        target:
          database === 'PostgreSQL' || !DATABASES.includes('postgres')
            ? { min: PUSH_TARGET }
            : undefined,
      });
  } finally {
    await backend.stop();
    await databases.cleanup();
  }
  return rows;
}

/** The monitoring-results benchmark of benchMonitoring.ts, its rows in this table's form. */
async function monitoringRows(postgres?: string): Promise<BenchRow[]> {
  const rows = await benchMonitoring({ postgres, log: console.log });
  const optional = (v: number | undefined) =>
    v === undefined ? undefined : ms(v);
  return rows.map(r => ({
    scenario: r.note ? `${r.scenario} (${r.note})` : r.scenario,
    database: r.database === 'postgres' ? 'PostgreSQL' : 'SQLite',
    median: optional(r.median_ms) ?? '',
    p95: optional(r.p95_ms),
    baseline: optional(r.baseline_ms),
    ratio: r.ratio,
    targetText: r.target,
    pass: r.pass,
  }));
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === 'load') {
    // the load test of benchLoad.ts: its `load` (or `main`) entry, true/undefined when it passed
    let entry:
      | ((args: string[]) => Promise<boolean | number | void>)
      | undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require('./benchLoad');
      entry = mod.load ?? mod.main;
    } catch (e) {
      throw new Error(`yarn bench load: cannot load src/benchLoad.ts: ${e}`);
    }
    if (!entry)
      throw new Error('yarn bench load: benchLoad.ts exports no load()');
    const outcome = await entry(args.slice(1));
    return outcome === false || (typeof outcome === 'number' && outcome)
      ? 1
      : 0;
  }
  const unknown = args.filter(a => a !== '--check');
  if (unknown.length)
    throw new Error(
      `unknown argument(s) ${unknown.join(
        ' ',
      )}: yarn bench [--check] | yarn bench load`,
    );
  const check = args.includes('--check');
  console.log(
    `yarn bench: ${AI_SYSTEMS} AI systems in ${
      AI_SYSTEMS + COMPONENTS + USERS + GROUPS
    } catalog entities (${COMPONENTS} components, ${USERS} users, ${GROUPS} groups), page size ${PAGE_SIZE}, ${ROUNDS} rounds`,
  );
  const rows: BenchRow[] = [];
  const postgres = DATABASES.includes('postgres')
    ? await detectPostgres()
    : undefined;
  if (DATABASES.includes('sqlite')) rows.push(...(await benchOn('SQLite')));
  if (postgres) rows.push(...(await benchOn('PostgreSQL', postgres)));
  else if (DATABASES.includes('postgres'))
    console.log(
      '\nPostgreSQL: SKIPPED (none at 127.0.0.1:5432; set BENCH_POSTGRES_CONNECTION_STRING or BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)',
    );
  // monitoring results: on PostgreSQL when there is one, else on SQLite (benchMonitoring.ts)
  if (!process.env.BENCH_SKIP_MONITORING && runs('monitoring'))
    rows.push(...(await monitoringRows(postgres)));
  printTable(rows);
  const missed = rows.filter(r => passes(r) === false);
  if (missed.length)
    console.log(
      `\n${missed.length} target(s) missed: ${missed
        .map(r => `${r.scenario} (${r.database})`)
        .join('; ')}`,
    );
  return check && missed.length ? 1 : 0;
}

// the in-process backend may leave handles open after stop(): exit when the bench is done
main().then(
  code => process.exit(code),
  e => {
    console.error(e);
    process.exit(1);
  },
);
