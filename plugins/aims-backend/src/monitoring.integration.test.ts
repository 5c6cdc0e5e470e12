/*
 * Monitoring results end to end on a real backend (catalog, permission backend with the shipped
 * AIMS policy, static ingest token verified for real), on SQLite and PostgreSQL: ingest and its
 * refusals, idempotency, thresholds judged by the server, findings, the monitoring overview,
 * the retention roll-up, the inventory summary and filter, live SoA evidence of a metric and
 * monitoring sources.
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  AimsPermissionPolicy,
  MonitoringResultInput,
  monitoringSourcesExtensionPoint,
} from '@aims-backstage/backstage-plugin-aims-node';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import { Knex } from 'knex';
import request from 'supertest';
import aimsPlugin from './index';
import { MonitoringRollUp } from './monitoring/MonitoringRollUp';
import { MonitoringStore } from './monitoring/MonitoringStore';
import {
  MONITORING_ROLLUP_TASK_ID,
  monitoringSourceTaskId,
} from './monitoring/tasks';
import {
  aiSystem,
  databaseFactory,
  fullMutation,
  group,
  schedulerCapture,
  testEntitiesModule,
  user,
  userInfoFromCatalog,
  waitFor,
  waitForCatalog,
} from './testing/testHarness';
import { authWithExternalTokens } from './__testUtils__/authWithExternalTokens';
import { aimsResponseValidation } from './__testUtils__/responseValidator';

jest.setTimeout(240_000);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const TOKEN = 'monitoring-ingest-token-0123456789';
const FRAUD = 'aisystem:default/fraud-scorer';
const SUPPORT = 'aisystem:default/support-bot';
// one instant for the whole file, so that every ago(…) of the same offset names the same
// second however long the suite takes (a result resent later must be the same result)
const T0 = Math.floor(Date.now() / 1000) * 1000;
const ago = (ms: number) => new Date(T0 - ms).toISOString();

const fraudScorer = (aucMin: number): Entity =>
  aiSystem('fraud-scorer', {
    owner: 'group:default/risk-ml',
    monitoring: [
      {
        metric: 'auc',
        threshold: { min: aucMin },
        interval: 'P1D',
        severity: 'high',
        slices: ['all', 'eu'],
      },
      { metric: 'fairness-gap', threshold: { max: 0.05 }, interval: 'P7D' },
      { metric: 'drift-score', interval: 'PT1H' },
    ],
  });

const entities = (aucMin = 0.85): Entity[] => [
  group('risk-ml'),
  group('compliance'),
  user('paula', ['risk-ml']),
  user('carol', ['compliance']),
  fraudScorer(aucMin),
  aiSystem('support-bot', { owner: 'group:default/risk-ml' }),
];

let connections: EntityProviderConnection[] = [];
const testEntities = testEntitiesModule(entities(), {
  name: 'monitoring-test-entities',
  locationKey: 'monitoring-test',
  onConnect: c => connections.push(c),
});

/** A monitoring source the tests steer: what it collects, or an error. */
const evals: { results: MonitoringResultInput[]; error?: string } = {
  results: [],
};
const LATER = {
  frequency: { hours: 24 },
  timeout: { minutes: 1 },
  initialDelay: { hours: 1 },
};
const testSource = createBackendModule({
  pluginId: 'aims',
  moduleId: 'test-evals',
  register(env) {
    env.registerInit({
      deps: { sources: monitoringSourcesExtensionPoint },
      async init({ sources }) {
        sources.addMonitoringSource({
          id: 'test-evals',
          schedule: LATER,
          async collect() {
            if (evals.error) throw new Error(evals.error);
            return evals.results;
          },
        });
      },
    });
  },
});

const aimsPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'aims-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(AimsPermissionPolicy.fromConfig(config));
      },
    });
  },
});

const noNotifications = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({ async send() {} }),
});

const schedulers: SchedulerService[] = [];
const specResponses = aimsResponseValidation();

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())(
  'monitoring results on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let knex: Knex;
    const api = () => request(backend.server);
    const as = (name: string) => ({
      Authorization: mockCredentials.user.header(`user:default/${name}`),
    });
    const ingest = { Authorization: `Bearer ${TOKEN}` };
    const post = (body: unknown, headers: Record<string, string> = ingest) =>
      api()
        .post('/api/aims/monitoring/results')
        .set(headers)
        .send(body as object);
    const report = (
      results: Array<Record<string, unknown>>,
      over: Record<string, unknown> = {},
    ) => ({ entityRef: FRAUD, environment: 'production', results, ...over });
    const finding = (key: string) =>
      knex('aims_findings').where({ finding_key: key }).first();
    const overview = async (query = 'days=7') => {
      const res = await api()
        .get(`/api/aims/monitoring/aisystem/default/fraud-scorer?${query}`)
        .set(as('paula'));
      expect(res.status).toBe(200);
      return res.body;
    };

    beforeAll(async () => {
      connections = [];
      schedulers.length = 0;
      knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          aimsPlugin,
          specResponses.module,
          catalogPlugin,
          catalogModuleAims,
          testEntities,
          testSource,
          schedulerCapture(s => schedulers.push(s)),
          userInfoFromCatalog,
          noNotifications,
          authWithExternalTokens,
          httpAuthServiceFactory,
          permissionPlugin,
          aimsPolicy,
          permissionsServiceFactory,
          permissionsRegistryServiceFactory,
          databaseFactory({
            aims: knex,
            catalog: await databases.init(databaseId),
            permission: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
              backend: {
                auth: {
                  externalAccess: [
                    {
                      type: 'static',
                      options: { token: TOKEN, subject: 'eval-pipeline' },
                    },
                  ],
                },
              },
              aims: {
                complianceGroup: 'group:default/compliance',
                monitoring: { retention: 'P30D', rollUpSchedule: LATER },
                findings: { schedule: LATER },
                drift: { schedule: LATER, queueSchedule: LATER },
                impactAssessments: { importSchedule: LATER },
              },
            },
          }),
        ],
      });
      await waitForCatalog(
        () =>
          api()
            .get(
              '/api/catalog/entities/by-query?filter=kind=aisystem&filter=kind=user&limit=100',
            )
            .set(as('carol')),
        items =>
          items.length === 4 &&
          items.every(e => e.relations?.length) &&
          items.some(
            e => (e.spec?.monitoring as any)?.[0]?.threshold?.min === 0.85,
          ),
        'the catalog',
        { retryErrors: true },
      );
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('answers 401 without credentials and 403 to a plain user and to other plugins; the ingest token and users granted aims.monitoring.report store', async () => {
      const body = report([
        { metric: 'auc', value: 0.9, observedAt: ago(HOUR) },
      ]);
      expect((await post(body, {})).status).toBe(401);
      const plain = await post(body, as('paula'));
      expect(plain.status).toBe(403);
      expect(plain.body.error.message).toBe(
        'You are not allowed to report monitoring results: Monitoring results are accepted from the ingest credential (an external-access token, backend.auth.externalAccess) or from users granted the aims.monitoring.report permission',
      );
      const plugin = mockCredentials.service.token({
        onBehalfOf: mockCredentials.service('plugin:catalog'),
        targetPluginId: 'aims',
      });
      const other = await post(body, { Authorization: `Bearer ${plugin}` });
      expect(other.status).toBe(403);
      expect(other.body.error.message).toContain('plugin:catalog');
      expect(
        (
          await api()
            .post('/api/aims/monitoring/results/batch')
            .set(as('paula'))
            .send({ reports: [body] })
        ).status,
      ).toBe(403);
      expect(
        Number((await knex('aims_monitoring_results').count({ n: '*' }))[0].n),
      ).toBe(0);

      const stored = await post(body);
      expect(stored.status).toBe(200);
      expect(stored.body).toEqual({
        entityRef: FRAUD,
        environment: 'production',
        stored: 1,
        duplicates: 0,
        breaches: 0,
      });
      const byUser = await post(
        report([{ metric: 'auc', value: 0.91, observedAt: ago(HOUR - 1000) }]),
        as('carol'),
      );
      expect(byUser.status).toBe(200);
      expect(
        (await knex('aims_monitoring_results').orderBy('id')).map(
          r => r.received_by,
        ),
      ).toEqual(['eval-pipeline', 'user:default/carol']);
    });

    it('answers 400 naming the field, 404 for an AI system not in the catalog and 413 over the body limit, storing nothing', async () => {
      const count = async () =>
        Number((await knex('aims_monitoring_results').count({ n: '*' }))[0].n);
      const before = await count();
      const future = await post(
        report([
          { metric: 'auc', value: 0.9, observedAt: ago(-DAY) },
          { metric: 'auc', value: 0.9, observedAt: ago(HOUR), window: 'P0D' },
        ]),
      );
      expect(future.status).toBe(400);
      expect(future.body.error.message).toContain(
        'results[0].observedAt is in the future',
      );
      expect(future.body.error.message).toContain('results[1].window');
      const verdict = await post(
        report([
          {
            metric: 'auc',
            value: 0.9,
            observedAt: ago(HOUR),
            verdict: 'inside',
          },
        ]),
      );
      expect(verdict.status).toBe(400);
      expect(verdict.body.error.message).toContain('verdict');
      const unknown = await post(
        report([{ metric: 'auc', value: 0.9, observedAt: ago(HOUR) }], {
          entityRef: 'aisystem:default/nope',
        }),
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain('aisystem:default/nope');
      const huge = await api()
        .post('/api/aims/monitoring/results')
        .set(ingest)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ ...report([]), padding: 'x'.repeat(600_000) }));
      expect(huge.status).toBe(413);
      expect(huge.body.error.message).toContain('512kb');
      const batch = await api()
        .post('/api/aims/monitoring/results/batch')
        .set(ingest)
        .send({
          reports: [
            report([{ metric: 'auc', value: 'high', observedAt: ago(HOUR) }]),
            report([{ metric: 'auc', value: 0.9, observedAt: ago(HOUR) }], {
              entityRef: 'aisystem:default/nope',
            }),
          ],
        });
      expect(batch.status).toBe(200);
      expect(batch.body.results.map((r: any) => r.status)).toEqual([400, 404]);
      expect(batch.body.results[0].error.error.message).toContain(
        'reports[0].results[0].value',
      );
      expect(await count()).toBe(before);
    });

    it('stores a resent batch once: duplicates change nothing', async () => {
      const body = {
        reports: [
          report([
            { metric: 'auc', value: 0.92, observedAt: ago(3 * HOUR) },
            {
              metric: 'auc',
              slice: 'eu',
              value: 0.9,
              observedAt: ago(3 * HOUR),
            },
          ]),
          report([{ metric: 'auc', value: 0.95, observedAt: ago(3 * HOUR) }], {
            environment: 'staging',
          }),
        ],
      };
      const send = () =>
        api().post('/api/aims/monitoring/results/batch').set(ingest).send(body);
      const first = await send();
      expect(first.status).toBe(200);
      expect(first.body.results.map((r: any) => r.result.stored)).toEqual([
        2, 1,
      ]);
      const rows = await knex('aims_monitoring_results').orderBy('id');
      const again = await send();
      expect(again.body.results).toEqual([
        {
          index: 0,
          status: 200,
          result: {
            entityRef: FRAUD,
            environment: 'production',
            stored: 0,
            duplicates: 2,
            breaches: 0,
          },
        },
        {
          index: 1,
          status: 200,
          result: {
            entityRef: FRAUD,
            environment: 'staging',
            stored: 0,
            duplicates: 1,
            breaches: 0,
          },
        },
      ]);
      // the same instant in another notation, to the second, is the same result
      const sameSecond = await post(
        report([
          {
            metric: 'auc',
            value: 0.92,
            observedAt: ago(3 * HOUR).replace('.000Z', '.400+00:00'),
          },
        ]),
      );
      expect(sameSecond.body.duplicates).toBe(1);
      expect(await knex('aims_monitoring_results').orderBy('id')).toEqual(rows);
    });

    it('judges against the declared threshold: a laxer sent one does not apply, a stricter one does; the judgement keeps its threshold after the declaration changes', async () => {
      const laxer = await post(
        report([
          {
            metric: 'fairness-gap',
            value: 0.06,
            observedAt: ago(2 * HOUR),
            threshold: { max: 0.1 },
          },
        ]),
      );
      expect(laxer.body.breaches).toBe(1);
      const stricter = await post(
        report([
          {
            metric: 'fairness-gap',
            value: 0.04,
            observedAt: ago(HOUR),
            threshold: { max: 0.03 },
          },
        ]),
      );
      expect(stricter.body.breaches).toBe(1);
      const rows = await knex('aims_monitoring_results')
        .where({ metric: 'fairness-gap' })
        .orderBy('observed_at');
      expect(
        rows.map(r => [
          r.verdict,
          JSON.parse(r.threshold),
          JSON.parse(r.sent_threshold),
        ]),
      ).toEqual([
        ['above-max', { max: 0.05 }, { max: 0.1 }],
        ['above-max', { max: 0.03 }, { max: 0.03 }],
      ]);
      const inside = await post(
        report([
          {
            metric: 'fairness-gap',
            value: 0.01,
            observedAt: ago(HOUR / 2),
          },
        ]),
      );
      expect(inside.body.breaches).toBe(0);

      // the owner tightens auc's threshold: stored points keep the one they were judged by
      for (const c of connections)
        await c.applyMutation(fullMutation(entities(0.95), 'monitoring-test'));
      await waitForCatalog(
        () =>
          api()
            .get('/api/catalog/entities/by-query?filter=kind=aisystem')
            .set(as('carol')),
        items =>
          items.some(
            e => (e.spec?.monitoring as any)?.[0]?.threshold?.min === 0.95,
          ),
        'the new declaration',
        { retryErrors: true },
      );
      const tighter = await post(
        report([{ metric: 'auc', value: 0.93, observedAt: ago(HOUR / 4) }]),
      );
      expect(tighter.body.breaches).toBe(1);
      const auc = (await overview()).metrics.find(
        (m: any) => m.metric === 'auc',
      );
      const production = auc.series.find(
        (s: any) => s.slice === 'all' && s.environment === 'production',
      );
      expect(
        production.points.map((p: any) => [p.value, p.verdict, p.threshold]),
      ).toEqual([
        [0.92, 'inside', { min: 0.85 }],
        [0.9, 'inside', { min: 0.85 }],
        [0.91, 'inside', { min: 0.85 }],
        [0.93, 'below-min', { min: 0.95 }],
      ]);
      expect(production.status).toBe('breached');
      for (const c of connections)
        await c.applyMutation(fullMutation(entities(0.85), 'monitoring-test'));
      await waitForCatalog(
        () =>
          api()
            .get('/api/catalog/entities/by-query?filter=kind=aisystem')
            .set(as('carol')),
        items =>
          items.some(
            e => (e.spec?.monitoring as any)?.[0]?.threshold?.min === 0.85,
          ),
        'the declaration back',
        { retryErrors: true },
      );
    });

    it('opens a breach finding, resolves it when the metric is back inside and reopens it when it leaves again; a declared metric never reported is stale', async () => {
      const KEY = `monitoring-threshold-breached:${FRAUD}:production:auc:eu`;
      const breach = await post(
        report([
          {
            metric: 'auc',
            slice: 'eu',
            value: 0.7,
            observedAt: ago(50 * 60_000),
          },
        ]),
      );
      expect(breach.body.breaches).toBe(1);
      expect(await finding(KEY)).toMatchObject({
        type: 'monitoring-threshold-breached',
        status: 'open',
        severity: 'high',
      });
      await post(
        report([
          {
            metric: 'auc',
            slice: 'eu',
            value: 0.9,
            observedAt: ago(40 * 60_000),
          },
        ]),
      );
      expect((await finding(KEY)).status).toBe('resolved');
      await post(
        report([
          {
            metric: 'auc',
            slice: 'eu',
            value: 0.8,
            observedAt: ago(30 * 60_000),
          },
        ]),
      );
      expect(await finding(KEY)).toMatchObject({
        status: 'open',
        occurrences: 2,
      });
      const stale = await finding(`monitoring-stale:${FRAUD}:drift-score:all`);
      expect(stale).toMatchObject({ type: 'monitoring-stale', status: 'open' });
      expect(JSON.parse(stale.evidence)).toMatchObject({
        metric: 'drift-score',
        lastObservedAt: null,
      });
      // the findings API serves them
      const listed = await api()
        .get(`/api/aims/findings?entityRef=${FRAUD}`)
        .set(as('paula'));
      expect(listed.body.items.map((f: any) => f.type)).toEqual(
        expect.arrayContaining([
          'monitoring-threshold-breached',
          'monitoring-stale',
        ]),
      );
    });

    it('GET /monitoring lists every declared metric (never reported: stale, no points) with series, statuses and only the days that have data', async () => {
      const body = await overview('days=7');
      expect(body).toMatchObject({ aiSystemRef: FRAUD, days: 7 });
      expect(Date.parse(body.to) - Date.parse(body.from)).toBe(7 * DAY);
      const byMetric = Object.fromEntries(
        body.metrics.map((m: any) => [m.metric, m]),
      );
      expect(Object.keys(byMetric).sort()).toEqual([
        'auc',
        'drift-score',
        'fairness-gap',
      ]);
      expect(byMetric['drift-score']).toEqual({
        metric: 'drift-score',
        declaration: { metric: 'drift-score', interval: 'PT1H' },
        status: 'stale',
        series: [],
      });
      expect(byMetric.auc.status).toBe('breached');
      expect(
        byMetric.auc.series.map((s: any) => [s.slice, s.environment, s.status]),
      ).toEqual([
        // judged below the tightened threshold when it arrived: it stays a breach
        ['all', 'production', 'breached'],
        ['all', 'staging', 'ok'],
        ['eu', 'production', 'breached'],
      ]);
      expect(byMetric['fairness-gap'].series[0].latest).toMatchObject({
        value: 0.01,
        verdict: 'inside',
      });
      const filtered = await overview('days=30&metric=auc&slice=eu');
      expect(filtered.metrics.map((m: any) => m.metric)).toEqual(['auc']);
      expect(filtered.metrics[0].series).toHaveLength(1);
      expect(
        (
          await api()
            .get('/api/aims/monitoring/aisystem/default/fraud-scorer?days=5')
            .set(as('paula'))
        ).status,
      ).toBe(400);
      expect(
        (
          await api()
            .get('/api/aims/monitoring/aisystem/default/nope')
            .set(as('paula'))
        ).status,
      ).toBe(404);
      expect(
        (await api().get('/api/aims/monitoring/aisystem/default/fraud-scorer'))
          .status,
      ).toBe(401);
    });

    it('rolls raw results older than the retention into daily aggregates, keeps breaches raw, shows both over 90 days with gaps, and a second run changes nothing', async () => {
      const old = new Date(Date.now() - 40 * DAY);
      const day = old.toISOString().slice(0, 10);
      const at = (hour: number) =>
        `${day}T${String(hour).padStart(2, '0')}:00:00Z`;
      await post(
        report([
          { metric: 'auc', value: 0.9, observedAt: at(1) },
          { metric: 'auc', value: 0.88, observedAt: at(2) },
          { metric: 'auc', value: 0.7, observedAt: at(3) },
          { metric: 'auc', value: 0.94, observedAt: at(4) },
          // another day, two days later: the day between is a gap
          {
            metric: 'auc',
            value: 0.86,
            observedAt: new Date(old.getTime() + 2 * DAY).toISOString(),
          },
        ]),
      );
      const rollUp = new MonitoringRollUp({
        knex,
        store: new MonitoringStore(knex),
        retentionMs: 30 * DAY,
      });
      expect(await rollUp.run()).toMatchObject({ results: 4, days: 2 });
      const daily = await knex('aims_monitoring_daily')
        .where({ metric: 'auc', environment: 'production' })
        .orderBy('day');
      expect(
        daily.map(d => [d.day, Number(d.min), Number(d.max), Number(d.count)]),
      ).toEqual([
        [day, 0.88, 0.94, 3],
        [
          new Date(old.getTime() + 2 * DAY).toISOString().slice(0, 10),
          0.86,
          0.86,
          1,
        ],
      ]);
      expect(Number(daily[0].mean)).toBeCloseTo((0.9 + 0.88 + 0.94) / 3);
      expect(Number(daily[0].last)).toBe(0.94);
      const raw = await knex('aims_monitoring_results')
        .where('observed_at', '<', new Date(Date.now() - 30 * DAY))
        .select('value', 'verdict');
      expect(raw).toEqual([{ value: 0.7, verdict: 'below-min' }]);

      const snapshot = async () => ({
        raw: await knex('aims_monitoring_results').orderBy('id'),
        daily: await knex('aims_monitoring_daily').orderBy('id'),
      });
      const before = await snapshot();
      expect(await rollUp.run()).toMatchObject({ results: 0 });
      expect(await snapshot()).toEqual(before);

      const long = await overview(
        'days=90&metric=auc&slice=all&environment=production',
      );
      const points = long.metrics[0].series[0].points;
      const oldPoints = points.filter(
        (p: any) =>
          p.observedAt < new Date(Date.now() - 30 * DAY).toISOString(),
      );
      expect(oldPoints).toEqual([
        {
          observedAt: new Date(at(3)).toISOString(),
          value: 0.7,
          verdict: 'below-min',
          threshold: { min: 0.85 },
        },
        {
          observedAt: new Date(at(4)).toISOString(),
          value: 0.94,
          verdict: 'inside',
          threshold: null,
          aggregate: {
            min: 0.88,
            max: 0.94,
            mean: expect.closeTo((0.9 + 0.88 + 0.94) / 3),
            count: 3,
          },
        },
        expect.objectContaining({ value: 0.86, aggregate: expect.anything() }),
      ]);
      // the recent raw results are shown one per day too
      expect(
        points.every((p: any) => p.aggregate || p.verdict !== 'inside'),
      ).toBe(true);
      // the same batch sent again after the roll-up: the rolled-up days' results (their raw
      // rows and keys gone) and the breach (kept raw) are duplicates; a late result of a day
      // not rolled up yet is stored
      const lateDay = new Date(old.getTime() + DAY);
      const resent = await post(
        report([
          { metric: 'auc', value: 0.9, observedAt: at(1) },
          { metric: 'auc', value: 0.88, observedAt: at(2) },
          { metric: 'auc', value: 0.7, observedAt: at(3) },
          { metric: 'auc', value: 0.94, observedAt: at(4) },
          {
            metric: 'auc',
            value: 0.86,
            observedAt: new Date(old.getTime() + 2 * DAY).toISOString(),
          },
          { metric: 'auc', value: 0.87, observedAt: lateDay.toISOString() },
        ]),
      );
      expect(resent.body).toMatchObject({ stored: 1, duplicates: 5 });
      expect((await snapshot()).daily).toEqual(before.daily);
      expect(await rollUp.run()).toMatchObject({ results: 1, days: 1 });
      // the scheduled task is registered (global scope)
      await waitFor(
        () =>
          schedulers[0].triggerTask(MONITORING_ROLLUP_TASK_ID).then(() => true),
        'the roll-up task',
        { retryErrors: true },
      );
    });

    it('summarises monitoring on inventory items and statuses, and filters the inventory by it', async () => {
      const inventory = async (query: string) => {
        const res = await api()
          .get(`/api/aims/inventory?${query}`)
          .set(as('paula'));
        expect(res.status).toBe(200);
        return res.body;
      };
      const all = await inventory('');
      const fraud = all.items.find((i: any) => i.entityRef === FRAUD);
      // the inventory column: the status only
      expect(fraud.monitoring).toEqual({
        status: 'breached',
        metrics: 3,
        breached: 1,
        stale: 1,
      });
      // the service-page card (status): the latest value per metric and its sparkline
      const card = (
        await api()
          .get('/api/aims/status/aisystem/default/fraud-scorer')
          .set(as('paula'))
      ).body.monitoring;
      expect(card).toMatchObject(fraud.monitoring);
      const auc = card.latest.find((l: any) => l.metric === 'auc');
      expect(auc).toMatchObject({ status: 'breached', value: 0.93 });
      expect(auc.spark.length).toBeGreaterThan(1);
      expect(auc.spark.length).toBeLessThanOrEqual(30);
      expect(auc.spark.at(-1)).toBe(0.93);
      expect(card.latest.find((l: any) => l.metric === 'drift-score')).toEqual({
        metric: 'drift-score',
        status: 'stale',
        value: null,
        observedAt: null,
        spark: [],
      });
      expect(
        all.items.find((i: any) => i.entityRef === SUPPORT).monitoring,
      ).toBeUndefined();
      const refs = async (monitoring: string) =>
        (await inventory(`monitoring=${monitoring}`)).items.map(
          (i: any) => i.entityRef,
        );
      expect(await refs('breached')).toEqual([FRAUD]);
      expect(await refs('not-monitored')).toEqual([SUPPORT]);
      expect(await refs('ok')).toEqual([]);
      // the counts the inventory page shows above the list follow the same filter
      const counts = async (monitoring: string) => {
        const res = await api()
          .get(`/api/aims/inventory/counts?monitoring=${monitoring}`)
          .set(as('paula'));
        expect(res.status).toBe(200);
        return res.body.totalCount;
      };
      expect(await counts('breached')).toBe(1);
      expect(await counts('not-monitored')).toBe(1);
      expect(await counts('ok')).toBe(0);
    });

    it('live SoA evidence of a monitored metric is current while the metric is fresh and inside its threshold', async () => {
      const created = await api()
        .post('/api/aims/soa/evidence')
        .set(as('carol'))
        .send({
          controlId: 'A.6.2.6',
          aiSystemRef: FRAUD,
          title: 'Fairness gap monitored',
          href: 'https://dashboards.example.com/fairness',
          collectedAt: new Date().toISOString().slice(0, 10),
          status: 'approved',
          live: { kind: 'monitoring-metric', id: 'fairness-gap' },
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ current: true });
      await post(
        report([
          { metric: 'fairness-gap', value: 0.2, observedAt: ago(60_000) },
        ]),
      );
      const listed = await api()
        .get(`/api/aims/soa/evidence?aiSystemRef=${encodeURIComponent(FRAUD)}`)
        .set(as('carol'));
      const item = listed.body.items.find((e: any) => e.id === created.body.id);
      expect(item).toMatchObject({ current: false });
      expect(item.standing).toContain('outside its threshold');
    });

    it('collects from monitoring sources as monitoring-source:<id>; a failing source changes nothing', async () => {
      const count = async () =>
        Number((await knex('aims_monitoring_results').count({ n: '*' }))[0].n);
      const trigger = () =>
        waitFor(
          () =>
            schedulers[0]
              .triggerTask(monitoringSourceTaskId('test-evals'))
              .then(() => true),
          'the source task',
          { retryErrors: true },
        );
      evals.error = 'evaluation store unreachable';
      const before = await count();
      await trigger();
      await new Promise(r => setTimeout(r, 1000));
      expect(await count()).toBe(before);

      evals.error = undefined;
      evals.results = [
        {
          entityRef: FRAUD,
          environment: 'production',
          metric: 'drift-score',
          value: 0.1,
          observedAt: ago(60_000),
        },
        {
          entityRef: 'aisystem:default/nope',
          environment: 'production',
          metric: 'drift-score',
          value: 0.1,
          observedAt: ago(60_000),
        },
      ];
      await trigger();
      const row = await waitFor(
        () =>
          knex('aims_monitoring_results')
            .where({ metric: 'drift-score' })
            .first(),
        'the collected result',
      );
      expect(row.received_by).toBe('monitoring-source:test-evals');
      // the stale finding resolves with the first report
      await waitFor(
        async () =>
          (
            await finding(`monitoring-stale:${FRAUD}:drift-score:all`)
          ).status === 'resolved' || undefined,
        'the stale finding to resolve',
      );
    });
  },
);
