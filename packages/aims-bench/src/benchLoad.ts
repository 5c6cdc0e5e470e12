/*
 * `yarn bench load` / `yarn bench:load` (issue 11 §4): a bounded load run against the real
 * backend (catalog + AISystem module + AIMS plugin in this process) on PostgreSQL — required,
 * a fresh database per plugin, dropped afterwards. BENCH_LOAD_CLIENTS concurrent clients (in
 * BENCH_LOAD_PROCESSES child processes, loadClient.ts) on loopback for BENCH_LOAD_SECONDS mix
 * the inventory with filters, entity-page reads (status, impact assessment, risks,
 * monitoring), impact-assessment draft edits with optimistic locking (a 409 on a stale
 * revision is a correct answer: reload and retry) and deployment reports.
 *
 * Afterwards: zero 5xx, and zero lost writes — every acknowledged deployment report is
 * stored, and per AI system the acknowledged draft revisions are distinct (two saves
 * acknowledged with one revision would be a lost update) and the stored draft is the last
 * acknowledged one, content included. Prints p50/p99 per route and the totals; exits non-zero
 * on any 5xx or lost write.
 *
 * Environment (defaults in brackets; quick run: BENCH_LOAD_SECONDS=10):
 *   BENCH_LOAD_CLIENTS [100]      concurrent clients
 *   BENCH_LOAD_SECONDS [60]       duration
 *   BENCH_LOAD_PROCESSES [2]      client processes the clients are spread over
 *   BENCH_LOAD_AI_SYSTEMS [1000]  AI systems in the catalog (components x2), each with three
 *                                 impact-assessment versions, ten risks and monitoring results
 *   BENCH_LOAD_HOT_SYSTEMS [20]   AI systems whose drafts are edited (so edits collide)
 *   BENCH_POSTGRES_CONNECTION_STRING, BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
 *                                 [postgresql://postgres@127.0.0.1:5432]
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  benchDatabases,
  findPostgres,
  percentiles,
  runClient,
  startBenchBackend,
} from './benchBackend';
import { LoadClientArgs, LoadClientResult } from './loadClient';
import {
  monitoredCatalog,
  monitoringReport,
  monitoringRows,
} from './monitoringData';
import { seedAssessmentsAndRisks } from './seedAims';

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer`);
  return value;
};

/** 100 monitoring results per AI system over the last 10 days, straight into the table. */
async function seedMonitoring(knex: Knex, aiSystems: number) {
  const plan = {
    results: aiSystems * 100,
    aiSystems,
    perReport: 100,
    spanDays: 10,
    nowMs: Date.now() - 60_000,
  };
  const rows = [];
  for (let i = 0; i < aiSystems; i++)
    rows.push(
      ...monitoringRows(monitoringReport(plan, i), new Date(), 'bench-seed'),
    );
  await knex.batchInsert('aims_monitoring_results', rows, 500);
  return rows.length;
}

/** The writes the clients were told were committed and the store does not have. */
async function lostWrites(knex: Knex, results: LoadClientResult[]) {
  const lost: string[] = [];
  const acknowledged = results.flatMap(r => r.deployments);
  const stored = new Set<string>();
  for (let i = 0; i < acknowledged.length; i += 500) {
    const rows = await knex('aims_deployment_reports')
      .whereIn('id', acknowledged.slice(i, i + 500))
      .select('id');
    for (const r of rows) stored.add(r.id);
  }
  for (const id of acknowledged)
    if (!stored.has(id)) lost.push(`deployment report ${id} not stored`);

  const bySystem = new Map<string, LoadClientResult['drafts']>();
  for (const d of results.flatMap(r => r.drafts))
    bySystem.set(d.ref, [...(bySystem.get(d.ref) ?? []), d]);
  for (const [ref, acks] of bySystem) {
    const revisions = acks.map(a => a.revision).sort((a, b) => a - b);
    const repeated = revisions.filter((r, i) => revisions[i - 1] === r);
    if (repeated.length)
      lost.push(
        `${ref}: revision(s) ${[...new Set(repeated)].join(
          ', ',
        )} acknowledged to two saves (one of them lost)`,
      );
    const last = acks.reduce((a, b) => (b.revision > a.revision ? b : a));
    const [draft] = await knex('aims_impact_assessments')
      .where({ ai_system_ref: ref })
      .orderBy('version', 'desc')
      .limit(1);
    const content =
      typeof draft?.content === 'string'
        ? JSON.parse(draft.content)
        : draft?.content;
    if (
      Number(draft?.revision) !== last.revision ||
      !String(content?.intendedUse).endsWith(` ${last.marker}`)
    )
      lost.push(
        `${ref}: stored draft revision ${draft?.revision} ("${content?.intendedUse}"), last acknowledged revision ${last.revision} (${last.marker})`,
      );
  }
  return { lost, deployments: acknowledged.length, drafts: bySystem };
}

export async function main(): Promise<boolean> {
  const clients = envNumber('BENCH_LOAD_CLIENTS', 100);
  const seconds = envNumber('BENCH_LOAD_SECONDS', 60);
  const processes = Math.min(clients, envNumber('BENCH_LOAD_PROCESSES', 2));
  const aiSystems = envNumber('BENCH_LOAD_AI_SYSTEMS', 1000);
  const hotSystems = Math.min(
    aiSystems,
    envNumber('BENCH_LOAD_HOT_SYSTEMS', 20),
  );
  const postgres = await findPostgres();
  if (!postgres) {
    console.error(
      'yarn bench load needs PostgreSQL (the production database): none answered at BENCH_POSTGRES_CONNECTION_STRING, BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING or postgresql://postgres@127.0.0.1:5432',
    );
    return false;
  }
  const dbs = await benchDatabases(postgres, 'load');
  try {
    console.log(
      `load: ${clients} clients in ${processes} processes for ${seconds} s against the backend on PostgreSQL (${aiSystems} AI systems)`,
    );
    const { backend, baseUrl } = await startBenchBackend({
      entities: monitoredCatalog({ aiSystems, components: 2 * aiSystems }),
      databases: dbs,
      log: console.log,
    });
    try {
      const seeded = await seedAssessmentsAndRisks(dbs.aims, aiSystems);
      const results = await seedMonitoring(dbs.aims, aiSystems);
      console.log(
        `  seeded ${seeded.versions} impact-assessment versions, ${seeded.risks} risks, ${results} monitoring results`,
      );
      const runs = await Promise.all(
        Array.from({ length: processes }, (_, p) =>
          runClient<LoadClientResult>('loadClient.ts', {
            baseUrl,
            userToken: mockCredentials.user.token(),
            ingestToken: mockCredentials.service.token(),
            processId: `${Date.now().toString(36)}p${p}`,
            clients:
              Math.floor(clients / processes) +
              (p < clients % processes ? 1 : 0),
            seconds,
            aiSystems,
            components: 2 * aiSystems,
            hotSystems,
          } satisfies LoadClientArgs),
        ),
      );
      const samples: Record<string, number[]> = {};
      const statuses: Record<string, Record<string, number>> = {};
      for (const run of runs) {
        for (const [route, list] of Object.entries(run.samples))
          (samples[route] ??= []).push(...list);
        for (const [route, byStatus] of Object.entries(run.statuses))
          for (const [status, n] of Object.entries(byStatus))
            (statuses[route] ??= {})[status] =
              ((statuses[route] ??= {})[status] ?? 0) + n;
      }
      const rows = Object.keys(samples)
        .sort()
        .map(route => {
          const p = percentiles(samples[route]);
          return {
            route,
            requests: samples[route].length,
            'req/s': Number((samples[route].length / seconds).toFixed(1)),
            p50_ms: Number(p.p50.toFixed(1)),
            p99_ms: Number(p.p99.toFixed(1)),
            statuses: Object.entries(statuses[route])
              .map(([s, n]) => `${s}:${n}`)
              .join(' '),
          };
        });
      const all = Object.values(samples).flat();
      const p = percentiles(all);
      const serverErrors = Object.values(statuses)
        .flatMap(byStatus => Object.entries(byStatus))
        .filter(([s]) => Number(s) >= 500)
        .reduce((n, [, c]) => n + c, 0);
      rows.push({
        route: 'total',
        requests: all.length,
        'req/s': Number((all.length / seconds).toFixed(1)),
        p50_ms: Number(p.p50.toFixed(1)),
        p99_ms: Number(p.p99.toFixed(1)),
        statuses: `5xx:${serverErrors}`,
      });
      console.table(rows);

      const check = await lostWrites(dbs.aims, runs);
      const conflicts = statuses['PUT /impact-assessments/…/draft']?.['409'];
      console.log(
        `  writes acknowledged: ${
          check.deployments
        } deployment reports, ${runs.reduce(
          (n, r) => n + r.drafts.length,
          0,
        )} draft saves on ${check.drafts.size} AI systems (${
          conflicts ?? 0
        } stale revisions answered 409 and retried, ${runs.reduce(
          (n, r) => n + r.draftsGivenUp,
          0,
        )} edits given up after 10 stale revisions)`,
      );
      for (const e of runs.flatMap(r => r.errors).slice(0, 10))
        console.log(`  5xx: ${e}`);
      for (const l of check.lost.slice(0, 20)) console.log(`  LOST: ${l}`);
      const ok = serverErrors === 0 && check.lost.length === 0;
      console.log(
        `  ${serverErrors} 5xx, ${check.lost.length} lost writes: ${
          ok ? 'OK' : 'FAILED'
        }`,
      );
      return ok;
    } finally {
      await backend.stop();
    }
  } finally {
    await dbs.close();
  }
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
