import {
  DeploymentReport,
  deploymentReportToObservations,
  normalizeDeploymentReport,
} from '@aims-backstage/backstage-plugin-aims-common';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { execFile } from 'child_process';
import fs from 'fs';
import { Session } from 'inspector/promises';
import { Knex } from 'knex';
import os from 'os';
import path from 'path';
import { promisify } from 'util';

const SCRATCH = 'bench_scratch_observations';

/** The observation rows a report becomes, as a raw insert would write them. */
function rowsOf(r: DeploymentReport) {
  return deploymentReportToObservations(normalizeDeploymentReport(r)).map(
    o => ({
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
    }),
  );
}

/** Runs `fn` over `items` with `concurrency` in flight; resolves to the wall time in ms. */
async function pool<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<unknown>,
) {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        await fn(items[i]);
      }
    }),
  );
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** POSTs reports from a separate process (pushClient.ts), as pipelines do. */
async function postFromClient(options: {
  baseUrl: string;
  token: string;
  concurrency: number;
  batch: number;
  bodies: unknown[];
}) {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-')),
    'reports.json',
  );
  fs.writeFileSync(file, JSON.stringify(options.bodies));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '-r',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolvePackagePath('@internal/aims-bench', 'src/pushClient.ts'),
        options.baseUrl,
        options.token,
        String(options.concurrency),
        String(options.batch),
        file,
      ],
      { maxBuffer: 1 << 20 },
    );
    return JSON.parse(stdout) as {
      ms: number;
      statuses: Record<string, number>;
      firstError?: string;
    };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

async function untilQueueDrained(knex: Knex, timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await knex('aims_drift_queue').count({ n: '*' });
    if (Number(n) === 0) return;
    if (Date.now() > deadline) {
      const rows = await knex('aims_drift_queue').limit(3);
      throw new Error(
        `the drift queue still holds ${n} component(s) after ${
          timeoutMs / 1000
        } s, e.g. ${JSON.stringify(rows)}`,
      );
    }
    await new Promise(r => setTimeout(r, 20));
  }
}

/**
 * With BENCH_PROFILE=<directory>, a V8 CPU profile of the backend process for each timed push
 * run (open it in Chrome DevTools): where the time of an ingestion goes.
 */
async function startProfiler(name: string) {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(
        dir,
        `push-${name.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`,
      );
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`    CPU profile: ${file}`);
    },
  };
}

const rate = (n: number, ms: number) => (n / ms) * 1000;
const fmt = (r: number) => r.toFixed(0).padStart(7);

/** How the reports are sent: `batch` reports per request, `concurrency` requests in flight. */
export interface PushMode {
  concurrency: number;
  batch: number;
}

export const modeLabel = (m: PushMode) =>
  m.batch > 1
    ? `${m.batch} reports per POST /deployments/batch, ${m.concurrency} in flight`
    : `one report per POST /deployments, ${m.concurrency} in flight`;

async function createScratch(knex: Knex) {
  await knex.schema.dropTableIfExists(SCRATCH);
  await knex.schema.createTable(SCRATCH, table => {
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
}

/**
 * Section (ii) for one database. The baseline: a raw knex insert of each report's observation
 * rows (one insert per report, as many in flight as the fastest push mode has requests, into
 * a scratch table of the same database). Each push mode POSTs fresh reports to the running
 * backend from a client process; the answer means committed (group commit), the drift
 * reconcile follows from the queue, and the time until it caught up is printed too. The
 * framework floor — an authenticated POST that validation rejects, no database work — shows
 * what one report per request can reach at most on this machine.
 */
export async function pushIngestion(options: {
  label: string;
  baseUrl: string;
  token: string;
  knex: Knex;
  makeReports: (count: number, runId: string) => DeploymentReport[];
  reports: number;
  modes: PushMode[];
  /** Raw inserts (and floor requests) in flight: as many as pipelines reporting at once. */
  rawInFlight: number;
  /** The target is judged on the production database; elsewhere printed for reference. */
  target?: { ratio: number; mode: PushMode };
}) {
  const { knex, label, target, baseUrl, token } = options;
  const warmup = Math.min(50, options.reports);
  const rowsPerReport = rowsOf(options.makeReports(1, 'probe')[0]).length;
  console.log(
    `\npush ingestion on ${label}: ${options.reports} deployment reports per run (${rowsPerReport} observation rows each), after ${warmup} warm-up`,
  );
  const maxConcurrency = options.rawInFlight;

  // the baseline, measured first and again last: the better of the two counts
  await createScratch(knex);
  const rawRun = async () => {
    const reports = options.makeReports(options.reports, `raw${Date.now()}`);
    const ms = await pool(reports.map(rowsOf), maxConcurrency, batch =>
      knex(SCRATCH).insert(batch),
    );
    return rate(reports.length, ms);
  };
  await rawRun(); // warm-up
  let rawRate = await rawRun();

  const floor = await postFromClient({
    baseUrl,
    token,
    concurrency: maxConcurrency,
    batch: 1,
    bodies: Array.from({ length: options.reports }, (_, i) => ({
      id: `bench-floor-${i}`,
    })),
  });
  const floorRate = rate(options.reports, floor.ms);

  const results: Array<{
    mode: PushMode;
    pushRate: number;
    reconciledRate: number;
  }> = [];
  for (const mode of options.modes) {
    const runId = `${Date.now().toString(36)}c${mode.concurrency}b${
      mode.batch
    }`;
    const all = options.makeReports(options.reports + warmup, runId);
    const warm = all.slice(0, warmup);
    const timed = all.slice(warmup);

    await postFromClient({ baseUrl, token, ...mode, bodies: warm });
    await untilQueueDrained(knex);
    const profiler = await startProfiler(
      `${label}-c${mode.concurrency}-b${mode.batch}`,
    );
    const start = process.hrtime.bigint();
    const pushed = await postFromClient({
      baseUrl,
      token,
      ...mode,
      bodies: timed,
    });
    if (pushed.statuses['202'] !== timed.length) {
      throw new Error(
        `POST /deployments answered ${JSON.stringify(pushed.statuses)}${
          pushed.firstError ? `: ${pushed.firstError}` : ''
        }`,
      );
    }
    await untilQueueDrained(knex);
    await profiler?.stop();
    const reconciledMs = Number(process.hrtime.bigint() - start) / 1e6;
    results.push({
      mode,
      pushRate: rate(timed.length, pushed.ms),
      reconciledRate: rate(timed.length, reconciledMs),
    });
  }
  rawRate = Math.max(rawRate, await rawRun());
  await knex.schema.dropTable(SCRATCH);

  console.log(
    `  raw knex insert of each report's rows, ${maxConcurrency} in flight:        ${fmt(
      rawRate,
    )} reports/s (baseline)`,
  );
  console.log(
    `  framework floor: authenticated POST answered 400, ${maxConcurrency} in flight: ${fmt(
      floorRate,
    )} requests/s (${(floorRate / rawRate).toFixed(
      2,
    )} of the baseline: the most one report per request can reach here)`,
  );
  for (const r of results) {
    const ratio = r.pushRate / rawRate;
    const judged =
      target &&
      r.mode.batch === target.mode.batch &&
      r.mode.concurrency === target.mode.concurrency;
    console.log(`  ${modeLabel(r.mode)}:`);
    console.log(
      `    ${fmt(
        r.pushRate,
      )} reports/s committed, ratio push/raw ${ratio.toFixed(2)}${
        judged
          ? ` (target >= ${target.ratio}) ${
              ratio >= target.ratio ? 'OK' : 'UNDER TARGET'
            }`
          : ''
      }; drift reconciled for all of them at ${fmt(
        r.reconciledRate,
      ).trim()} reports/s`,
    );
  }
  return { rawRate, floorRate, results };
}
