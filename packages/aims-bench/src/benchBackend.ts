/*
 * The backend under test for the monitoring and load benchmarks: the real catalog backend, the
 * AISystem module and the AIMS backend in this process (startTestBackend), each plugin on its
 * own database — a fresh PostgreSQL database per plugin and run (dropped afterwards) or
 * in-memory SQLite — with the synthetic catalog given. Load generators run as child processes
 * (runClient) and reach it over loopback, as pipelines and browsers would.
 */
import {
  SchedulerService,
  coreServices,
  createBackendModule,
  createServiceFactory,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import aimsPlugin from '@aims-backstage/backstage-plugin-aims-backend';
import { execFile } from 'child_process';
import fs from 'fs';
import { Session } from 'inspector/promises';
import path from 'path';
import knexFactory, { Knex } from 'knex';
import { AddressInfo } from 'net';
import { promisify } from 'util';

/** The roll-up task the AIMS backend schedules (plugins/aims-backend/src/monitoring/tasks.ts). */
export const MONITORING_ROLLUP_TASK_ID = 'aims-monitoring-rollup';

/**
 * The PostgreSQL server to run on: BENCH_POSTGRES_CONNECTION_STRING, else
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, else 127.0.0.1:5432 — the first
 * that is set, and only if it answers within a few seconds.
 */
export async function findPostgres(): Promise<string | undefined> {
  const candidate =
    process.env.BENCH_POSTGRES_CONNECTION_STRING ??
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
    'postgresql://postgres@127.0.0.1:5432';
  const probe = knexFactory({
    client: 'pg',
    connection: { connectionString: candidate, connectionTimeoutMillis: 3000 },
    pool: { min: 0, max: 1 },
    // a refused connection is an answer here, not an error to log
    log: { error: () => {}, warn: () => {} },
  });
  try {
    await probe.raw('select 1');
    return candidate;
  } catch {
    return undefined;
  } finally {
    await probe.destroy();
  }
}

/** One database per plugin: fresh PostgreSQL databases (dropped by `close`) or in-memory SQLite. */
export async function benchDatabases(
  postgres: string | undefined,
  label: string,
): Promise<{
  kind: 'postgres' | 'sqlite';
  catalog: Knex;
  aims: Knex;
  notifications: Knex;
  close: () => Promise<void>;
}> {
  if (!postgres) {
    const sqlite = () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
      });
    const catalog = sqlite();
    const aims = sqlite();
    const notifications = sqlite();
    return {
      kind: 'sqlite',
      catalog,
      aims,
      notifications,
      close: async () => {
        await catalog.destroy();
        await aims.destroy();
        await notifications.destroy();
      },
    };
  }
  const admin = knexFactory({ client: 'pg', connection: postgres });
  const prefix = `aims_bench_${label}_${Date.now().toString(36)}`;
  const open = async (plugin: string) => {
    await admin.raw('CREATE DATABASE ??', [`${prefix}_${plugin}`]);
    const url = new URL(postgres);
    url.pathname = `/${prefix}_${plugin}`;
    return knexFactory({
      client: 'pg',
      connection: url.toString(),
      pool: { min: 0, max: 20 },
    });
  };
  const catalog = await open('catalog');
  const aims = await open('aims');
  const notifications = await open('notifications');
  return {
    kind: 'postgres',
    catalog,
    aims,
    notifications,
    close: async () => {
      await catalog.destroy();
      await aims.destroy();
      await notifications.destroy();
      for (const plugin of ['catalog', 'aims', 'notifications'])
        await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
          `${prefix}_${plugin}`,
        ]);
      await admin.destroy();
    },
  };
}

/**
 * Starts catalog + AISystem module + AIMS backend on these databases with `entities` in the
 * catalog, and waits until the catalog has stitched all of them (relations included).
 */
export async function startBenchBackend(options: {
  entities: Entity[];
  databases: { catalog: Knex; aims: Knex; notifications: Knex };
  log: (line: string) => void;
}) {
  const { entities, databases } = options;
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
  let scheduler: SchedulerService | undefined;
  const captureScheduler = createBackendModule({
    pluginId: 'aims',
    moduleId: 'bench-scheduler',
    register(env) {
      env.registerInit({
        deps: { s: coreServices.scheduler },
        async init({ s }) {
          scheduler = s;
        },
      });
    },
  });
  const database = createServiceFactory({
    service: coreServices.database,
    deps: { pluginMetadata: coreServices.pluginMetadata },
    factory: ({ pluginMetadata }) => {
      const id = pluginMetadata.getId() as keyof typeof databases;
      if (!databases[id])
        throw new Error(`the bench has no database for plugin ${id}`);
      return { getClient: async () => databases[id] };
    },
  });
  const started = Date.now();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      // as in packages/backend: drift findings notify their owners for real
      notificationsPlugin,
      catalogModuleAims,
      aimsPlugin,
      seed,
      captureScheduler,
      database,
      mockServices.rootLogger.factory({
        level: (process.env.BENCH_LOG_LEVEL ?? 'warn') as 'warn',
      }),
      // the notifications backend links notifications to the app
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' } },
      }),
    ],
  });
  const port = (backend.server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const headers = { authorization: mockCredentials.user.header() };
  const aiSystems = entities.filter(e => e.kind === 'AISystem').length;
  for (;;) {
    const count = async (query: string) => {
      const res = await fetch(
        `${baseUrl}/api/catalog/entities/by-query?${query}&limit=1`,
        { headers },
      );
      return res.ok ? (await res.json()).totalItems ?? 0 : 0;
    };
    const total = await count('fields=kind');
    const related = await count(
      'filter=kind=aisystem,relations.ownedBy=group:default/team-0&fields=kind',
    );
    const inventory = await fetch(`${baseUrl}/api/aims/inventory?limit=1`, {
      headers,
    });
    const inventoryCount = inventory.ok
      ? (await inventory.json()).totalCount
      : 0;
    if (total >= entities.length && related > 0 && inventoryCount === aiSystems)
      break;
    await new Promise(r => setTimeout(r, 1000));
  }
  options.log(
    `  catalog seeded: ${
      entities.length
    } entities (${aiSystems} AI systems) stitched in ${(
      (Date.now() - started) /
      1000
    ).toFixed(0)} s`,
  );
  return {
    backend,
    baseUrl,
    get scheduler() {
      if (!scheduler) throw new Error('the AIMS scheduler was not captured');
      return scheduler;
    },
  };
}

/** Runs a load-generator file of this package as a child process; its stdout is JSON. */
export async function runClient<T>(file: string, args: unknown): Promise<T> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolvePackagePath('@internal/aims-bench', `src/${file}`),
      JSON.stringify(args),
    ],
    { maxBuffer: 64 << 20 },
  );
  return JSON.parse(stdout) as T;
}

/** Median and 95th/99th percentile (nearest rank) of samples in ms. */
export function percentiles(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted.length
      ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]
      : NaN;
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, p50: rank(0.5), p95: rank(0.95), p99: rank(0.99) };
}

/**
 * With BENCH_PROFILE=<directory>, a V8 CPU profile of this process (the backend under test)
 * while `fn` runs, written as <name>.cpuprofile (open it in Chrome DevTools).
 */
export async function profiled<T>(name: string, fn: () => Promise<T>) {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, `${name}.cpuprofile`),
      JSON.stringify(profile),
    );
    session.disconnect();
  }
}
