/*
 * `yarn bench:monitoring` (issue 10 §7), against the real AIMS backend (catalog + AISystem
 * module + AIMS plugin, startTestBackend) on PostgreSQL when one answers, else in-memory SQLite:
 *
 * 1. ingestion: BENCH_MONITORING_RESULTS results POSTed to /api/aims/monitoring/results, 1,000
 *    per request, from a client process authenticated as the ingest service principal, a few
 *    requests in flight — beside a raw knex insert of the same rows, 1,000 per transaction (in
 *    statements of 500, as the ingest writes them) and as many in flight, into a scratch table with the columns and indexes of
 *    aims_monitoring_results. Quarters alternate (raw, push, raw, push, …) so both see the
 *    same machine and table sizes. Results/s and their ratio; target >= 0.5.
 * 2. with them stored and the older ones rolled up into daily aggregates (the backend's own
 *    roll-up task): the 90-day chart of one metric (GET /monitoring/aisystem/default/<name>
 *    ?days=90&metric=auc) beside the inventory page, median and p95.
 * 3. the inventory page with its monitoring column (GET /inventory?limit=100) against the
 *    catalog's by-query with the same fields, order and page size; target <= 1.5.
 *
 * Environment (defaults in brackets; quick run: BENCH_MONITORING_RESULTS=20000):
 *   BENCH_MONITORING_RESULTS [1000000]   results ingested (and inserted raw)
 *   BENCH_MONITORING_AI_SYSTEMS [1000]   monitored AI systems (two metrics each); components x2
 *   BENCH_MONITORING_IN_FLIGHT [4]       requests (and raw inserts) in flight
 *   BENCH_MONITORING_ROUNDS [30]         timed rounds of each read
 *   BENCH_PROFILE [unset]                a directory: CPU profiles of the backend while it ingests
 *                                        and while the reads are timed
 *   BENCH_POSTGRES_CONNECTION_STRING, BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
 *                                        [postgresql://postgres@127.0.0.1:5432] (if it answers)
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  benchDatabases,
  findPostgres,
  MONITORING_ROLLUP_TASK_ID,
  percentiles,
  profiled,
  runClient,
  startBenchBackend,
} from './benchBackend';
import { INVENTORY_FIELDS } from './inventoryFields';
import { interleavedSamples } from './measure';
import {
  MonitoringPlan,
  monitoredCatalog,
  monitoringReport,
  monitoringRows,
  reportCount,
} from './monitoringData';

/** One line of the bench's results table (bench.ts folds these into its own and `--check`). */
export interface BenchRow {
  scenario: string;
  database: 'postgres' | 'sqlite';
  median_ms?: number;
  p95_ms?: number;
  baseline_ms?: number;
  ratio?: number;
  target?: string;
  pass?: boolean;
  note?: string;
}

const RESULTS_TABLE = 'aims_monitoring_results';
const SCRATCH = 'bench_scratch_monitoring_results';
const PER_REPORT = 1000;
const SPAN_DAYS = 100;
const QUARTERS = 4;
/** The ingest principal: an external-access service token (mock auth), not a plugin's. */
const INGEST_TOKEN = () => mockCredentials.service.token();
const INGEST_SUBJECT = mockCredentials.service().principal.subject;

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer`);
  return value;
};

/**
 * A scratch table with the columns and indexes of aims_monitoring_results as the migrations
 * left it (PostgreSQL: LIKE … INCLUDING ALL; SQLite: its own DDL, renamed), so the baseline
 * follows any index a later migration adds.
 */
async function createScratch(knex: Knex, kind: 'postgres' | 'sqlite') {
  await knex.schema.dropTableIfExists(SCRATCH);
  if (kind === 'postgres') {
    await knex.raw('CREATE TABLE ?? (LIKE ?? INCLUDING ALL)', [
      SCRATCH,
      RESULTS_TABLE,
    ]);
    return;
  }
  const ddl: Array<{ sql: string }> = await knex('sqlite_master')
    .where({ tbl_name: RESULTS_TABLE })
    .whereNotNull('sql')
    .orderByRaw("type = 'table' desc")
    .select('sql');
  for (const { sql } of ddl) {
    await knex.raw(
      // the index names contain the table name too, so they stay unique
      sql.replace(/aims_monitoring_results/g, SCRATCH),
    );
  }
}

/** Runs `fn` over `items` with `inFlight` at a time; resolves to the wall time in ms. */
async function pool<T>(
  items: readonly T[],
  inFlight: number,
  fn: (item: T) => Promise<unknown>,
) {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        await fn(items[i]);
      }
    }),
  );
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const count = async (knex: Knex, table: string) =>
  Number((await knex(table).count({ n: '*' }))[0].n);

export async function benchMonitoring(options: {
  postgres?: string;
  log: (line: string) => void;
}): Promise<BenchRow[]> {
  const { log } = options;
  const results = envNumber('BENCH_MONITORING_RESULTS', 1_000_000);
  const aiSystems = envNumber('BENCH_MONITORING_AI_SYSTEMS', 1000);
  const inFlight = envNumber('BENCH_MONITORING_IN_FLIGHT', 4);
  const rounds = envNumber('BENCH_MONITORING_ROUNDS', 30);
  const plan: MonitoringPlan = {
    results,
    aiSystems,
    perReport: PER_REPORT,
    spanDays: SPAN_DAYS,
    nowMs: Date.now() - 60_000,
  };
  const reports = reportCount(plan);
  const dbs = await benchDatabases(options.postgres, 'monitoring');
  const database = dbs.kind;
  log(
    `\nmonitoring on ${database}: ${results} results in ${reports} requests of ${PER_REPORT}, ${aiSystems} AI systems x 2 metrics over ${SPAN_DAYS} days, ${inFlight} in flight`,
  );
  const rows: BenchRow[] = [];
  try {
    const { backend, baseUrl, scheduler } = await startBenchBackend({
      entities: monitoredCatalog({ aiSystems, components: 2 * aiSystems }),
      databases: dbs,
      log,
    });
    try {
      const knex = dbs.aims;
      // the reads of 2. and 3., first without any result: what the monitoring column adds
      const headers = { authorization: mockCredentials.user.header() };
      const getJson = async (path: string) => {
        const res = await fetch(`${baseUrl}${path}`, { headers });
        if (res.status !== 200)
          throw new Error(
            `GET ${path} answered ${res.status}: ${(await res.text()).slice(
              0,
              300,
            )}`,
          );
        return res.json();
      };
      const chartPath =
        '/api/aims/monitoring/aisystem/default/ai-system-0?days=90&metric=auc';
      const inventoryPath = '/api/aims/inventory?limit=100';
      const catalogPath = `/api/catalog/entities/by-query?filter=kind=aisystem&fields=${INVENTORY_FIELDS}&orderField=metadata.name,asc&limit=100`;
      const before = await interleavedSamples(
        {
          inventory: async () => void (await getJson(inventoryPath)),
          catalog: async () => void (await getJson(catalogPath)),
        },
        rounds,
      );
      const beforeInventory = percentiles(before.inventory);
      const beforeCatalog = percentiles(before.catalog);
      log(
        `  before any result: inventory page median ${beforeInventory.median.toFixed(
          1,
        )} ms, catalog by-query ${beforeCatalog.median.toFixed(1)} ms (ratio ${(
          beforeInventory.median / beforeCatalog.median
        ).toFixed(2)})`,
      );
      rows.push({
        scenario: `inventory page before any monitoring result vs catalog by-query, same fields/order/limit 100`,
        database,
        median_ms: beforeInventory.median,
        p95_ms: beforeInventory.p95,
        baseline_ms: beforeCatalog.median,
        ratio: beforeInventory.median / beforeCatalog.median,
        target: 'informational',
      });

      await createScratch(knex, database);

      // 1. ingestion, quarter by quarter: raw insert, then the same reports through the API
      let rawMs = 0;
      let pushMs = 0;
      let stored = 0;
      const statuses: Record<string, number> = {};
      for (let q = 0; q < QUARTERS; q++) {
        const from = Math.floor((reports * q) / QUARTERS);
        const to = Math.floor((reports * (q + 1)) / QUARTERS);
        // rows built before the clock starts, a slice at a time (memory)
        for (let s = from; s < to; s += 100) {
          const batches = [];
          for (let i = s; i < Math.min(to, s + 100); i++)
            batches.push(
              monitoringRows(
                monitoringReport(plan, i),
                new Date(),
                INGEST_SUBJECT,
              ),
            );
          // one transaction per report, 500 rows per statement, as the ingest writes them
          rawMs += await pool(batches, inFlight, batch =>
            knex.transaction(async trx => {
              for (let r = 0; r < batch.length; r += 500)
                await trx(SCRATCH).insert(batch.slice(r, r + 500));
            }),
          );
        }
        const pushed = await profiled(`monitoring-ingest-q${q}`, () =>
          runClient<{
            ms: number;
            statuses: Record<string, number>;
            stored: number;
            firstError?: string;
          }>('monitoringClient.ts', {
            baseUrl,
            token: INGEST_TOKEN(),
            inFlight,
            plan,
            from,
            to,
          }),
        );
        if (pushed.firstError)
          throw new Error(
            `POST /monitoring/results answered ${JSON.stringify(
              pushed.statuses,
            )}: ${pushed.firstError}`,
          );
        pushMs += pushed.ms;
        stored += pushed.stored;
        for (const [k, v] of Object.entries(pushed.statuses))
          statuses[k] = (statuses[k] ?? 0) + v;
      }
      const inTable = await count(knex, RESULTS_TABLE);
      const inScratch = await count(knex, SCRATCH);
      if (stored !== results || inTable !== results || inScratch !== results)
        throw new Error(
          `expected ${results} results stored: the API answered ${stored} stored, the table holds ${inTable}, the scratch table ${inScratch}`,
        );
      await knex.schema.dropTable(SCRATCH);
      const pushRate = (results / pushMs) * 1000;
      const rawRate = (results / rawMs) * 1000;
      const ingestRatio = pushRate / rawRate;
      log(
        `  raw knex insert, ${PER_REPORT} rows per transaction, ${inFlight} in flight: ${rawRate.toFixed(
          0,
        )} results/s (baseline)`,
      );
      log(
        `  POST /monitoring/results, ${PER_REPORT} per request, ${inFlight} in flight: ${pushRate.toFixed(
          0,
        )} results/s, ratio ${ingestRatio.toFixed(2)} ${
          database === 'postgres'
            ? `(target >= 0.5) ${ingestRatio >= 0.5 ? 'OK' : 'UNDER TARGET'}`
            : '(reference: the target is judged on PostgreSQL)'
        }`,
      );
      rows.push({
        scenario: `monitoring ingest: ${results} results, POST /monitoring/results x${PER_REPORT}, ${inFlight} in flight (ms per 1,000 results) vs raw knex insert`,
        database,
        median_ms: (pushMs / results) * 1000,
        baseline_ms: (rawMs / results) * 1000,
        ratio: ingestRatio,
        // judged on PostgreSQL: an in-memory SQLite insert does no I/O at all
        target:
          database === 'postgres' ? '>= 0.5' : 'reference (>= 0.5 on postgres)',
        pass: database === 'postgres' ? ingestRatio >= 0.5 : undefined,
        note: `${pushRate.toFixed(0)} results/s vs raw ${rawRate.toFixed(
          0,
        )} results/s`,
      });

      // the backend's own roll-up task: results older than the retention (30 days) into days
      const rollUpStart = Date.now();
      await scheduler.triggerTask(MONITORING_ROLLUP_TASK_ID);
      const rollUpMs = Date.now() - rollUpStart;
      const raw = await count(knex, RESULTS_TABLE);
      const days = await count(knex, 'aims_monitoring_daily');
      if (raw === results || days === 0)
        throw new Error(
          `the roll-up rolled nothing up: ${raw} raw results, ${days} days`,
        );
      log(
        `  roll-up (task ${MONITORING_ROLLUP_TASK_ID}): ${
          results - raw
        } results into ${days} daily aggregates in ${(rollUpMs / 1000).toFixed(
          1,
        )} s; ${raw} results stay raw (last 30 days and breaches)`,
      );
      rows.push({
        scenario: `monitoring roll-up of ${
          results - raw
        } results into daily aggregates`,
        database,
        median_ms: rollUpMs,
        target: 'informational',
        note: `${days} days, ${raw} results stay raw`,
      });

      // 2. and 3., interleaved in the same run
      const chart = await getJson(chartPath);
      const points = chart.metrics?.[0]?.series?.[0]?.points ?? [];
      const aggregated = points.filter((p: any) => p.aggregate).length;
      if (!aggregated || aggregated === points.length)
        throw new Error(
          `the 90-day chart should hold daily aggregates and raw results: ${points.length} points, ${aggregated} aggregated`,
        );
      const page = await getJson(inventoryPath);
      // the inventory column: each system's status from its series' latest results
      const monitored = page.items.filter(
        (i: any) =>
          i.monitoring?.metrics > 0 && i.monitoring.status !== 'not-monitored',
      ).length;
      if (!monitored)
        throw new Error('the inventory page shows no monitoring statuses');
      const samples = await profiled('monitoring-reads', () =>
        interleavedSamples(
          {
            chart: async () => void (await getJson(chartPath)),
            inventory: async () => void (await getJson(inventoryPath)),
            catalog: async () => void (await getJson(catalogPath)),
          },
          rounds,
        ),
      );
      const chartP = percentiles(samples.chart);
      const inventoryP = percentiles(samples.inventory);
      const catalogP = percentiles(samples.catalog);
      const chartRatio = chartP.median / inventoryP.median;
      const inventoryRatio = inventoryP.median / catalogP.median;
      const line = (name: string, p: { median: number; p95: number }) =>
        log(
          `  ${name.padEnd(46)} median ${p.median
            .toFixed(1)
            .padStart(7)} ms  p95 ${p.p95.toFixed(1).padStart(7)} ms`,
        );
      log(`  reads, ${rounds} rounds interleaved:`);
      line(`90-day chart, one metric (${points.length} points)`, chartP);
      line(`inventory page (${monitored}/100 with monitoring)`, inventoryP);
      line('catalog by-query, same fields/order/page', catalogP);
      log(
        `  chart/inventory page ${chartRatio.toFixed(2)} (target <= 1.0) ${
          chartRatio <= 1 ? 'OK' : 'OVER TARGET'
        }`,
      );
      log(
        `  inventory/catalog ${inventoryRatio.toFixed(2)} (target <= 1.5) ${
          inventoryRatio <= 1.5 ? 'OK' : 'OVER TARGET'
        }`,
      );
      rows.push({
        scenario: `monitoring 90-day chart of one metric (GET /monitoring/…?days=90&metric=auc) vs inventory page, ${results} results stored`,
        database,
        median_ms: chartP.median,
        p95_ms: chartP.p95,
        baseline_ms: inventoryP.median,
        ratio: chartRatio,
        // one system's chart reads its own rows by index; it should never cost more than
        // the page that enriches 100 systems
        target: '<= 1.0',
        pass: chartRatio <= 1,
        note: `${points.length} points, ${aggregated} daily aggregates`,
      });
      rows.push({
        scenario: `inventory page with monitoring column (${results} results stored) vs catalog by-query, same fields/order/limit 100`,
        database,
        median_ms: inventoryP.median,
        p95_ms: inventoryP.p95,
        baseline_ms: catalogP.median,
        ratio: inventoryRatio,
        target: '<= 1.5',
        pass: inventoryRatio <= 1.5,
      });
    } finally {
      await backend.stop();
    }
  } finally {
    await dbs.close();
  }
  return rows;
}

export async function main() {
  const postgres = await findPostgres();
  if (!postgres)
    console.log(
      'no PostgreSQL answered (BENCH_POSTGRES_CONNECTION_STRING, BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, 127.0.0.1:5432): on in-memory SQLite',
    );
  const rows = await benchMonitoring({ postgres, log: console.log });
  console.table(rows);
  return rows.every(r => r.pass !== false);
}

// the in-process backend may leave handles open after stop(): exit when the bench is done
if (require.main === module) {
  main().then(
    ok => process.exit(ok ? 0 : 1),
    e => {
      console.error(e);
      process.exit(1);
    },
  );
}
