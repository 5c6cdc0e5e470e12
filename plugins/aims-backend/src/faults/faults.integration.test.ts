/*
 * Nothing acknowledged is lost (issue 11 §2): the real backend (backendProcess.ts: catalog,
 * AISystem kind, AIMS plugin, static ingest token) in a process of its own on a fresh
 * PostgreSQL database set, its AIMS database reached through a loopback proxy the test can
 * cut. The process is SIGKILLed in the middle of a burst of deployment reports and monitoring
 * results and while it drains the drift reconcile queue, then started again on the same
 * databases: every report or result answered 2xx is stored exactly once, each report whole or
 * not at all, and every queued reconcile completes. With the database cut, requests answer
 * 503 (not 500, no stack), leave nothing half-written, and the API recovers by itself.
 *
 * PostgreSQL only (SIGKILL and a lost connection are about a database server): runs when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, as in CI.
 */
import knexFactory, { Knex } from 'knex';
import { randomBytes } from 'crypto';
import { TcpProxy } from './__testUtils__/tcpProxy';
import {
  BackendUnderTest,
  HttpAnswer,
  INGEST_TOKEN,
  PROBE_TOKEN,
  burst,
  freePort,
  poll,
} from './__testUtils__/backendUnderTest';
import {
  MONITORED_SYSTEM,
  SERVICES,
  serviceRef,
} from './__testUtils__/faultsCatalog';

jest.setTimeout(180_000);

const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const describeOnPostgres = PG ? describe : describe.skip;

const LATER = {
  frequency: { hours: 24 },
  timeout: { minutes: 1 },
  initialDelay: { hours: 1 },
};

/** The connection fields of a postgresql:// URL. */
function pgConnection(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
}

/** The backend's configuration: fresh databases named by `prefix`, the AIMS one via the proxy. */
function backendConfig(options: {
  prefix: string;
  port: number;
  proxyPort: number;
}) {
  const pg = pgConnection(PG!);
  return {
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl: `http://127.0.0.1:${options.port}`,
      listen: { host: '127.0.0.1', port: options.port },
      database: {
        client: 'pg',
        connection: pg,
        prefix: options.prefix,
        // a lost database shows within seconds, not after knex's default minute
        knexConfig: {
          acquireConnectionTimeout: 2000,
          pool: { min: 0, max: 8 },
        },
        plugin: {
          aims: {
            connection: { ...pg, host: '127.0.0.1', port: options.proxyPort },
          },
        },
      },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: INGEST_TOKEN, subject: 'aims-ingest' },
            accessRestrictions: [{ plugin: 'aims' }],
          },
          {
            type: 'static',
            options: { token: PROBE_TOKEN, subject: 'faults-probe' },
          },
        ],
      },
    },
    aims: {
      drift: {
        schedule: LATER,
        // a restarted backend drains soon, and takes over a dead one's claim soon
        queueSchedule: {
          frequency: { seconds: 1 },
          timeout: { seconds: 10 },
          initialDelay: { seconds: 1 },
        },
        queueLease: { seconds: 3 },
      },
      findings: { schedule: LATER },
      impactAssessments: { importSchedule: LATER },
      evidence: { expirySchedule: LATER },
      monitoring: { rollUpSchedule: LATER },
    },
  };
}

interface Report {
  id: string;
  component: string;
  environment: string;
  deployedAt: string;
  models: Array<{ provider: string; name: string }>;
}

/** A report of its own environment, so its observation and drift finding are its own too. */
const report = (id: string, service: number, environment: string): Report => ({
  id,
  component: serviceRef(service),
  environment,
  deployedAt: new Date(Date.now() - 60_000).toISOString(),
  models: [{ provider: 'acme', name: `model-${id}` }],
});

const T0 = Math.floor(Date.now() / 1000) * 1000 - 3600_000;
/** Three results of a metric of its own, each at its own second. */
const monitoringReport = (n: number) => ({
  entityRef: MONITORED_SYSTEM,
  environment: 'production',
  results: [0, 1, 2].map(k => ({
    metric: `faults-m${n}`,
    value: n + k,
    observedAt: new Date(T0 - (n * 3 + k) * 1000).toISOString(),
  })),
});

const is2xx = (a: HttpAnswer) => a.status >= 200 && a.status < 300;

describeOnPostgres(
  `POSTGRES_15: nothing acknowledged is lost — a real backend process killed and cut from its database${
    PG
      ? ''
      : ' (skipped: BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set)'
  }`,
  () => {
    const prefix = `aims_faults_${randomBytes(4).toString('hex')}_`;
    let admin: Knex;
    let aimsDb: Knex;
    let proxy: TcpProxy;
    let config: object;
    let port: number;
    const started: BackendUnderTest[] = [];

    /** A new backend process on the same databases. */
    async function startBackend() {
      const backend = new BackendUnderTest(config, port);
      started.push(backend);
      await backend.start();
      return backend;
    }

    const storedReports = async (ids: string[]) => {
      const rows: Array<{ id: string }> = await aimsDb(
        'aims_deployment_reports',
      )
        .whereIn('id', ids)
        .select('id');
      return rows.map(r => r.id);
    };
    const observed = async (r: Report) =>
      Number(
        (
          await aimsDb('aims_observations')
            .where({
              source_id: 'deployment-reports',
              component: r.component,
              environment: r.environment,
            })
            .count({ n: '*' })
        )[0].n,
      );
    const driftFinding = (r: Report) =>
      aimsDb('aims_findings')
        .where({
          type: 'undeclared-ai-usage',
          entity_ref: r.component,
          environment: r.environment,
          status: 'open',
        })
        .first();
    const queued = async () =>
      Number((await aimsDb('aims_drift_queue').count({ n: '*' }))[0].n);

    /**
     * SIGKILLs `target` as soon as the drift queue shows a claim (a drain in progress); gives
     * up once sending is over and the queue is empty.
     */
    async function killOnClaim(
      target: BackendUnderTest,
      sending: () => boolean,
    ) {
      while (sending() || (await queued()) > 0) {
        const leased = await aimsDb('aims_drift_queue')
          .whereNotNull('lease_owner')
          .first();
        if (leased) {
          await target.kill();
          return;
        }
        await new Promise(r => setTimeout(r, 2));
      }
    }

    /**
     * Every stored report is stored whole (its observation beside it) and every report not
     * stored left nothing; resolves to the ids stored.
     */
    async function expectWholeOrNothing(reports: Report[]) {
      const stored = new Set(await storedReports(reports.map(r => r.id)));
      for (const r of reports)
        expect({ id: r.id, observations: await observed(r) }).toEqual({
          id: r.id,
          observations: stored.has(r.id) ? 1 : 0,
        });
      return stored;
    }

    /** Waits until the drift queue is empty and each report has its drift finding. */
    async function expectReconciled(reports: Report[]) {
      await poll(
        async () => {
          if ((await queued()) > 0) return undefined;
          for (const r of reports)
            if (!(await driftFinding(r))) return undefined;
          return true;
        },
        `the drift queue to drain and a drift finding for each of ${reports.length} stored reports`,
        // a dead backend's claims run out after 3 s (queueLease) and every backend drains each
        // second: far less than a minute, which is what a global task lock left by the dead
        // backend would hold the queue back (the scheduler's clean-up runs once a minute)
        { timeoutMs: 30_000 },
      );
    }

    beforeAll(async () => {
      const pg = pgConnection(PG!);
      admin = knexFactory({
        client: 'pg',
        connection: { ...pg, database: 'postgres' },
        pool: { min: 0, max: 2 },
      });
      proxy = await TcpProxy.start({ host: pg.host, port: pg.port });
      port = await freePort();
      config = backendConfig({ prefix, port, proxyPort: proxy.port });
      aimsDb = knexFactory({
        client: 'pg',
        connection: { ...pg, database: `${prefix}aims` },
        pool: { min: 0, max: 4 },
      });
    });

    afterAll(async () => {
      // every process this file started, even when a test failed half-way
      await Promise.all(started.map(b => b.kill()));
      await proxy?.stop();
      await aimsDb?.destroy();
      if (admin) {
        const dbs: string[] = await admin('pg_database')
          .where('datname', 'like', `${prefix}%`)
          .pluck('datname');
        for (const db of dbs)
          await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [db]);
        await admin.destroy();
      }
    });

    const current = () => started[started.length - 1];
    /** The running backend, started when none runs (a test run on its own with -t). */
    const running = async () =>
      current()?.alive ? current() : await startBackend();
    const dump = (e: unknown) => {
      throw new Error(
        `${(e as Error).message}\n--- backend output ---\n${current()?.logs()}`,
      );
    };

    it('POSTGRES_15: SIGKILL in a burst of reports and results loses nothing answered 2xx, stores nothing twice, and reconciles every stored report after the restart', async () => {
      const first = await startBackend();
      const reports = Array.from({ length: 6 * SERVICES }, (_, n) =>
        report(`crash-${n}`, n % SERVICES, `crash-${n}`),
      );
      const results = Array.from({ length: 80 }, (_, n) => monitoringReport(n));
      type Item =
        | { kind: 'report'; n: number }
        | { kind: 'results'; n: number };
      const items: Item[] = [];
      for (let n = 0; n < reports.length; n++) {
        items.push({ kind: 'report', n });
        if (n % 3 === 0 && n / 3 < results.length)
          items.push({ kind: 'results', n: n / 3 });
      }
      const send = (it: Item) =>
        it.kind === 'report'
          ? first.post('/api/aims/deployments', reports[it.n])
          : first.post('/api/aims/monitoring/results', results[it.n]);

      // SIGKILL once about a third is acknowledged: the rest is in flight or not sent yet
      let acked = 0;
      const answers = await burst(items, 12, send, a => {
        if (is2xx(a) && ++acked === Math.floor(items.length / 3)) first.kill();
      });
      await first.kill();
      const ackedReports = items
        .map((it, i) => ({ it, a: answers[i] }))
        .filter(x => x.it.kind === 'report' && is2xx(x.a))
        .map(x => reports[x.it.n]);
      const ackedResults = items
        .map((it, i) => ({ it, a: answers[i] }))
        .filter(x => x.it.kind === 'results' && is2xx(x.a))
        .map(x => x.it.n);
      // the kill fell in the middle: some answered, some never were, nothing else went wrong
      expect(ackedReports.length).toBeGreaterThan(0);
      expect(ackedResults.length).toBeGreaterThan(0);
      expect(answers.filter(a => !is2xx(a)).length).toBeGreaterThan(0);
      expect(answers.filter(a => a.status !== 0 && !is2xx(a))).toEqual([]);

      const second = await startBackend().catch(dump);
      // every acknowledged report stored, once; each stored report whole, the others absent
      const stored = await expectWholeOrNothing(reports);
      for (const r of ackedReports) expect(stored).toContain(r.id);
      // every acknowledged result stored, once; a report's results all or none
      const counts = new Map<string, number>(
        (
          await aimsDb('aims_monitoring_results')
            .where('metric', 'like', 'faults-m%')
            .groupBy('metric')
            .select('metric')
            .count({ n: '*' })
        ).map((r: any) => [r.metric, Number(r.n)]),
      );
      for (const n of ackedResults) expect(counts.get(`faults-m${n}`)).toBe(3);
      for (const n of counts.values()) expect(n).toBe(3);

      // the restarted backend reconciles what the dead one stored (queued or claimed)
      await expectReconciled(reports.filter(r => stored.has(r.id))).catch(dump);

      // resent, everything acknowledged is a duplicate; the rest is stored now, once
      const again = await burst(reports, 8, r =>
        second.post('/api/aims/deployments', r),
      );
      reports.forEach((r, i) =>
        expect({
          id: r.id,
          status: again[i].status,
          duplicate: again[i].body?.duplicate,
        }).toEqual({
          id: r.id,
          status: stored.has(r.id) ? 200 : 202,
          duplicate: stored.has(r.id),
        }),
      );
      const resent = await burst(results, 8, m =>
        second.post('/api/aims/monitoring/results', m),
      );
      results.forEach((_, n) =>
        expect({
          n,
          status: resent[n].status,
          stored: resent[n].body?.stored,
        }).toEqual({
          n,
          status: 200,
          stored: counts.has(`faults-m${n}`) ? 0 : 3,
        }),
      );
      expect(
        Number(
          (
            await aimsDb('aims_monitoring_results')
              .where('metric', 'like', 'faults-m%')
              .count({ n: '*' })
          )[0].n,
        ),
      ).toBe(results.length * 3);
      expect((await storedReports(reports.map(r => r.id))).length).toBe(
        reports.length,
      );
      await expectReconciled(reports).catch(dump);
    });

    it('POSTGRES_15: SIGKILL while the drift reconcile queue drains: every queued reconcile completes after the restart', async () => {
      let backend = await running();
      // up to three rounds: the kill must land while a claim is held (a drain in progress)
      let reports: Report[] = [];
      let killedMidDrain = false;
      for (let round = 0; round < 3 && !killedMidDrain; round++) {
        reports = Array.from({ length: SERVICES }, (_, i) =>
          report(`drain-${round}-${i}`, i, `drain-${round}-${i}`),
        );
        const target = backend;
        let sending = true;
        const watch = killOnClaim(target, () => sending);
        const answers = await burst(reports, 8, r =>
          target.post('/api/aims/deployments', r),
        );
        sending = false;
        await watch;
        await target.kill();
        expect(answers.filter(a => a.status !== 0 && !is2xx(a))).toEqual([]);
        // the dead process's claim is still in the database: it died mid-drain
        const held = await aimsDb('aims_drift_queue').whereNotNull(
          'lease_owner',
        );
        killedMidDrain = held.length > 0;
        backend = await startBackend().catch(dump);
      }
      expect(killedMidDrain).toBe(true);

      const stored = await expectWholeOrNothing(reports);
      await expectReconciled(reports.filter(r => stored.has(r.id))).catch(dump);
    });

    it('POSTGRES_15: with the database cut, reads and writes answer 503 without a stack, leave nothing half-written, and the API recovers without a restart', async () => {
      const backend = await running();
      // warm: connections pooled, the catalog's keys fetched
      expect((await backend.get('/api/aims/sources')).status).toBe(200);

      // cut in the middle of a burst of reports
      const reports = Array.from({ length: 60 }, (_, n) =>
        report(`cut-${n}`, n % SERVICES, `cut-${n}`),
      );
      let answered = 0;
      let cut: Promise<void> | undefined;
      const answers = await burst(
        reports,
        8,
        r => backend.post('/api/aims/deployments', r),
        () => {
          if (++answered === 10) cut = proxy.cut();
        },
      );
      await cut;
      // answered 202 (committed) or 503 (not completed): never 500, never no answer
      expect(answers.filter(a => a.status !== 202 && a.status !== 503)).toEqual(
        [],
      );
      expect(answers.filter(a => a.status === 503).length).toBeGreaterThan(0);

      // while cut: a read and writes answer 503, naming the database, without a stack
      const whileCut = [
        await backend.get('/api/aims/sources'),
        await backend.post(
          '/api/aims/deployments',
          report('cut-late', 0, 'cut-late'),
        ),
        await backend.post('/api/aims/monitoring/results', {
          ...monitoringReport(900),
        }),
      ];
      for (const a of whileCut) {
        expect(a.status).toBe(503);
        expect(a.body.error).toEqual({
          name: 'ServiceUnavailableError',
          message: expect.stringMatching(
            /^The AIMS database is unavailable \(.+\); the request was not completed\. Retry it shortly\.$/,
          ),
        });
        expect(a.text).not.toMatch(/"stack"|aims_|insert into|select /i);
      }

      // the database is back: the same backend answers again by itself
      await proxy.restore();
      await poll(
        async () =>
          (await backend.get('/api/aims/sources')).status === 200
            ? true
            : undefined,
        'the API to answer 200 again after the database came back',
        { timeoutMs: 30_000 },
      );

      // nothing half-written; what answered 202 is there, what answered 503 is whole or absent
      const all = [...reports, report('cut-late', 0, 'cut-late')];
      const stored = await expectWholeOrNothing(all);
      expect(
        reports.filter(
          (r, i) => answers[i].status === 202 && !stored.has(r.id),
        ),
      ).toEqual([]);
      expect(stored).not.toContain('cut-late');
      expect(
        await aimsDb('aims_monitoring_results').where({
          metric: 'faults-m900',
        }),
      ).toEqual([]);

      // and writes work again: the refused ones go through now, once
      const retried = await burst(all, 8, r =>
        backend.post('/api/aims/deployments', r),
      );
      all.forEach((r, i) =>
        expect({ id: r.id, status: retried[i].status }).toEqual({
          id: r.id,
          status: stored.has(r.id) ? 200 : 202,
        }),
      );
      expect(
        (
          await backend.post(
            '/api/aims/monitoring/results',
            monitoringReport(900),
          )
        ).body,
      ).toMatchObject({ stored: 3, duplicates: 0 });
      await expectReconciled(all).catch(dump);
    });
  },
);
