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
import { median } from './measure';

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

/** One push mode's result and the baseline it is judged against. */
export interface PushResult {
  mode: PushMode;
  /** Reports per second answered (committed). */
  pushRate: number;
  /** Reports per second until the drift reconcile had caught up with all of them. */
  reconciledRate: number;
  /** What the mode is judged against, per second: the framework floor or a raw insert. */
  baselineRate: number;
  baseline: 'framework floor' | 'raw knex insert';
  /** The lowest and highest ratio any push run could have against any baseline run. */
  ratioRange: [number, number];
}

/**
 * Push ingestion on one database. Each push mode POSTs fresh reports to the running backend
 * from a client process; the answer means committed (group commit), the drift reconcile
 * follows from the queue, and the time until it caught up is printed too. Baselines, measured
 * in the same run with the same requests in flight:
 * - one report per request against the framework floor: an authenticated POST that
 *   validation rejects, no database work — the most any per-request design reaches here;
 * - batches against a raw knex insert of the same reports' observation rows, as many reports
 *   per insert as per request, into a scratch table of the same database.
 * Baseline and push runs alternate (`runs` of each, one more baseline); medians are compared.
 */
export async function pushIngestion(options: {
  label: string;
  baseUrl: string;
  token: string;
  knex: Knex;
  makeReports: (count: number, runId: string) => DeploymentReport[];
  reports: number;
  modes: PushMode[];
  /** Timed runs per mode (medians are compared). */
  runs: number;
}): Promise<PushResult[]> {
  const { knex, label, baseUrl, token } = options;
  const warmup = Math.min(50, options.reports);
  const rowsPerReport = rowsOf(options.makeReports(1, 'probe')[0]).length;
  console.log(
    `\npush ingestion on ${label}: ${options.reports} deployment reports per run (${rowsPerReport} observation rows each), after ${warmup} warm-up`,
  );

  await createScratch(knex);
  const rawRun = async (mode: PushMode) => {
    const reports = options.makeReports(options.reports, `raw${Date.now()}`);
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < reports.length; i += mode.batch)
      batches.push(reports.slice(i, i + mode.batch).flatMap(rowsOf));
    const ms = await pool(batches, mode.concurrency, rows =>
      knex(SCRATCH).insert(rows),
    );
    return rate(reports.length, ms);
  };
  const floorRun = async (mode: PushMode) => {
    const floor = await postFromClient({
      baseUrl,
      token,
      concurrency: mode.concurrency,
      batch: 1,
      bodies: Array.from({ length: options.reports }, (_, i) => ({
        id: `bench-floor-${i}`,
      })),
    });
    return rate(options.reports, floor.ms);
  };
  const baselineOf = (mode: PushMode) =>
    mode.batch > 1 ? rawRun(mode) : floorRun(mode);

  /** One timed push of fresh reports, and the time until the drift reconcile caught up. */
  const pushRun = async (mode: PushMode, run: number) => {
    const runId = `${Date.now().toString(36)}c${mode.concurrency}b${
      mode.batch
    }r${run}`;
    const all = options.makeReports(options.reports + warmup, runId);
    const warm = all.slice(0, warmup);
    const timed = all.slice(warmup);

    await postFromClient({ baseUrl, token, ...mode, bodies: warm });
    await untilQueueDrained(knex);
    const profiler =
      run === 0
        ? await startProfiler(`${label}-c${mode.concurrency}-b${mode.batch}`)
        : undefined;
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
    return {
      push: rate(timed.length, pushed.ms),
      reconciled: rate(timed.length, reconciledMs),
    };
  };

  // Each mode: baseline and push alternate `runs` times (and a last baseline), medians
  // compared: a machine that slows down for a while slows both sides, not one.
  const results: PushResult[] = [];
  for (const mode of options.modes) {
    await baselineOf(mode); // warm-up
    const baselines: number[] = [];
    const pushes: number[] = [];
    const reconciled: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      baselines.push(await baselineOf(mode));
      const r = await pushRun(mode, run);
      pushes.push(r.push);
      reconciled.push(r.reconciled);
    }
    baselines.push(await baselineOf(mode));
    results.push({
      mode,
      pushRate: median(pushes),
      reconciledRate: median(reconciled),
      baselineRate: median(baselines),
      baseline: mode.batch > 1 ? 'raw knex insert' : 'framework floor',
      ratioRange: [
        Math.min(...pushes) / Math.max(...baselines),
        Math.max(...pushes) / Math.min(...baselines),
      ],
    });
  }
  await knex.schema.dropTable(SCRATCH);

  for (const r of results) {
    console.log(
      `  ${modeLabel(r.mode)}: ${fmt(r.pushRate).trim()} reports/s committed (${
        r.baseline
      }: ${fmt(r.baselineRate).trim()}/s, ratio ${(
        r.pushRate / r.baselineRate
      ).toFixed(2)}, ${
        options.runs
      } runs, ratio between ${r.ratioRange[0].toFixed(
        2,
      )} and ${r.ratioRange[1].toFixed(
        2,
      )}); drift reconciled for all of them at ${fmt(
        r.reconciledRate,
      ).trim()} reports/s`,
    );
  }
  return results;
}
