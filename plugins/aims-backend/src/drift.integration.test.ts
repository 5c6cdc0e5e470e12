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
  mockServices,
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  AimsPermissionPolicy,
  DeploymentObservationInput,
  deploymentSourcesExtensionPoint,
} from '@aims-backstage/backstage-plugin-aims-node';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import createKnex, { Knex } from 'knex';
import request from 'supertest';
import aimsPlugin from './index';
import { ImpactAssessmentStore } from './assessments/ImpactAssessmentStore';
import { toIsoTimestamp } from './lib/db';
import { DriftQueueStore } from './drift/DriftQueueStore';
import { ObservationStore } from './drift/ObservationStore';
import {
  DRIFT_QUEUE_TASK_ID,
  DRIFT_TASK_ID,
  sourceTaskId,
} from './drift/tasks';
import {
  aiSystem,
  databaseFactory,
  fullMutation,
  group,
  locationAnnotations,
  testEntitiesModule,
  schedulerCapture,
  user,
  userInfoFromCatalog,
  waitFor,
  waitForCatalog,
  WaitForOptions,
} from './testing/testHarness';
import { authWithExternalTokens } from './__testUtils__/authWithExternalTokens';
import { aimsResponseValidation } from './__testUtils__/responseValidator';

jest.setTimeout(180_000);

const HOUR = 3600_000;
const STATIC_TOKEN = 'ci-ingest-token-0123456789';
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: locationAnnotations() },
  spec: { type: 'service', lifecycle: 'production', owner },
});

const baseEntities = (notifyTier = 'minimal-risk'): Entity[] => [
  group('payments-team'),
  group('risk-ml'),
  group('chat-team'),
  group('other-team'),
  group('compliance'),
  user('paula', ['payments-team']),
  user('alice', ['risk-ml']),
  user('bob', ['other-team']),
  user('carol', ['compliance']),
  component('payments-api', 'group:default/payments-team'),
  component('chat-api', 'group:default/chat-team'),
  component('notify-api', 'group:default/payments-team'),
  aiSystem('fraud-scorer', {
    owner: 'group:default/risk-ml',
    dependencyOf: ['component:default/payments-api'],
    models: [{ name: 'fraud-xgb', version: '3.2.0', provider: 'in-house' }],
    deployments: [{ environment: 'production' }, { environment: 'staging' }],
  }),
  aiSystem('legacy-scorer', {
    owner: 'group:default/risk-ml',
    lifecycle: 'retired',
    dependencyOf: ['component:default/payments-api'],
  }),
  aiSystem('new-bot', {
    owner: 'group:default/risk-ml',
    lifecycle: 'experimental',
    dependencyOf: ['component:default/payments-api'],
  }),
  aiSystem('support-bot', {
    owner: 'group:default/chat-team',
    dependencyOf: ['component:default/chat-api'],
    models: [{ name: 'support-llm', version: '1.0' }],
    deployments: [{ environment: 'production' }],
  }),
  aiSystem('notify-model', {
    owner: 'group:default/risk-ml',
    dependencyOf: ['component:default/notify-api'],
    models: [{ name: 'notify', version: '1.0.0' }],
    deployments: [{ environment: 'production' }],
    euAiAct:
      notifyTier === 'high-risk'
        ? { tier: notifyTier, annexIIIArea: 'III.5' }
        : { tier: notifyTier },
  }),
];
const APPROVED = [
  'aisystem:default/fraud-scorer',
  'aisystem:default/support-bot',
  'aisystem:default/notify-model',
];

/** Catalog entities, re-applicable (the notifications test raises a tier). */
let connections: EntityProviderConnection[] = [];
const testEntities = testEntitiesModule(baseEntities(), {
  name: 'drift-test-entities',
  locationKey: 'drift-test',
  onConnect: connection => connections.push(connection),
});

/** A pull source the tests steer: its view, or an error. */
const k8s: { view: DeploymentObservationInput[]; error?: string } = {
  view: [],
};
const testSource = createBackendModule({
  pluginId: 'aims',
  moduleId: 'test-k8s',
  register(env) {
    env.registerInit({
      deps: { sources: deploymentSourcesExtensionPoint },
      async init({ sources }) {
        sources.addDeploymentSource({
          id: 'test-k8s',
          schedule: { frequency: { hours: 24 }, timeout: { minutes: 1 } },
          async collect() {
            if (k8s.error) throw new Error(k8s.error);
            return k8s.view;
          },
        });
      },
    });
  },
});

/** The boundary to the notifications plugin: a fake that records what is sent. */
const sent: NotificationSendOptions[] = [];
const fakeNotifications = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({
    async send(options: NotificationSendOptions) {
      sent.push(options);
    },
  }),
});

/** The shipped AIMS policy, the compliance group from `aims.complianceGroup`. */
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

/**
 * Errors any plugin logs (a failed scheduled task is logged as an error by the scheduler)
 * and the aims plugin's warnings (a failed drift reconcile or source run): a test can assert
 * that nothing failed quietly.
 */
const problems: string[] = [];
const capturingLogger = createServiceFactory({
  service: coreServices.logger,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) => {
    const pluginId = plugin.getId();
    const make = (meta: Record<string, unknown>): any => ({
      error: (message: unknown, m?: unknown) =>
        problems.push(
          `${pluginId} error: ${String(message)} ${m ? JSON.stringify(m) : ''}`,
        ),
      warn: (message: unknown) => {
        if (pluginId === 'aims')
          problems.push(`${pluginId} warn: ${String(message)}`);
      },
      info: () => {},
      debug: () => {},
      child: (more: Record<string, unknown>) => make({ ...meta, ...more }),
    });
    return make({});
  },
});

const schedulers: SchedulerService[] = [];
const captureScheduler = schedulerCapture(s => schedulers.push(s));

/** Here a throwing attempt (say, a task not scheduled yet) means "not yet". */
const retrying: WaitForOptions = { retryErrors: true };

// every answer of the aims plugin is checked against the OpenAPI spec (fails the test)
const specResponses = aimsResponseValidation();

const features = (knexes: Record<string, Knex>) => [
  aimsPlugin,
  specResponses.module,
  catalogPlugin,
  catalogModuleAims,
  testEntities,
  testSource,
  captureScheduler,
  userInfoFromCatalog,
  fakeNotifications,
  // mock tokens for users and plugins, the static token below verified for real
  authWithExternalTokens,
  httpAuthServiceFactory,
  capturingLogger,
  permissionPlugin,
  aimsPolicy,
  permissionsServiceFactory,
  permissionsRegistryServiceFactory,
  databaseFactory(knexes),
  mockServices.rootConfig.factory({
    data: {
      permission: { enabled: true },
      backend: {
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: STATIC_TOKEN, subject: 'aims-ingest' },
            },
          ],
        },
      },
      aims: {
        complianceGroup: 'group:default/compliance',
        drift: {
          schedule: { frequency: { hours: 24 }, timeout: { minutes: 1 } },
          gracePeriod: { hours: 1 },
          queueSchedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 1 },
            initialDelay: { hours: 1 },
          },
        },
        sources: { 'test-k8s': { freshnessWindow: { hours: 1 } } },
        findings: {
          schedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 1 },
            initialDelay: { hours: 1 },
          },
        },
        impactAssessments: {
          importSchedule: {
            frequency: { hours: 24 },
            timeout: { minutes: 1 },
            initialDelay: { hours: 1 },
          },
        },
      },
    },
  }),
];

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const PAY = 'component:default/payments-api';
const FRAUD = 'aisystem:default/fraud-scorer';
const key = (type: string, env: string, target = FRAUD, comp = PAY) =>
  `${type}:${comp}:${target}:${env}`;

describe.each(databases.eachSupportedId())(
  'aims deployment drift on %s',
  databaseId => {
    type Backend = Awaited<ReturnType<typeof startTestBackend>>;
    let backend: Backend;
    let knex: Knex;
    let catalogKnex: Knex;
    let permissionKnex: Knex;
    const as = (name: string) => ({
      Authorization: mockCredentials.user.header(`user:default/${name}`),
    });
    const ci = { Authorization: `Bearer ${STATIC_TOKEN}` };
    const api = (b: Backend = backend) => request(b.server);
    let n = 0;
    // waits for the drift reconcile, so the answer carries the findings open now
    const push = (report: Record<string, unknown>, b?: Backend) =>
      api(b)
        .post('/api/aims/deployments?wait=true')
        .set(ci)
        .send({
          id: `${databaseId}-r${++n}`,
          component: PAY,
          environment: 'production',
          deployedAt: ago(2 * HOUR),
          ...report,
        });
    const openKeys = (res: request.Response) =>
      (res.body.findings as any[]).map(f => f.key).sort();
    const findingByKey = async (k: string) =>
      knex('aims_findings').where({ finding_key: k }).first();

    async function waitForStitchedCatalog(b: Backend) {
      await waitForCatalog(
        () =>
          api(b)
            .get(
              '/api/catalog/entities/by-query?filter=kind=aisystem&filter=kind=user&filter=kind=component&limit=100',
            )
            .set(as('carol')),
        items =>
          items.filter(e => e.kind === 'AISystem').length === 5 &&
          items
            .filter(e => e.kind === 'User')
            .every(e => e.relations?.some(r => r.type === 'memberOf')) &&
          items.filter(e => e.kind === 'Component').length === 3 &&
          items.every(
            e =>
              e.kind === 'User' || e.relations?.some(r => r.type === 'ownedBy'),
          ) &&
          items
            .filter(e => e.kind === 'Component')
            .every(e => e.relations?.some(r => r.type === 'dependsOn')),
        'the catalog',
        retrying,
      );
    }

    beforeAll(async () => {
      connections = [];
      schedulers.length = 0;
      sent.length = 0;
      k8s.view = [];
      k8s.error = undefined;
      knex = await databases.init(databaseId);
      catalogKnex = await databases.init(databaseId);
      permissionKnex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: features({
          aims: knex,
          catalog: catalogKnex,
          permission: permissionKnex,
        }),
      });
      await waitForStitchedCatalog(backend);
      const assessments = new ImpactAssessmentStore(knex);
      for (const ref of APPROVED) {
        await assessments.insert({
          aiSystemRef: ref,
          version: 1,
          status: 'approved',
          content: {},
          author: 'user:default/alice',
          approvedBy: 'user:default/carol',
          approvedAt: new Date(Date.now() - 24 * HOUR),
          reviewDue: new Date(Date.now() + 300 * 24 * HOUR),
        });
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    describe('POST /deployments: authentication, validation, limits, idempotency', () => {
      it('answers 401 without a token and with a wrong static token, accepts the static token and users granted aims.deployment.report, and 403 to other users', async () => {
        const body = {
          id: 'auth-1',
          component: PAY,
          environment: 'qa',
          deployedAt: ago(HOUR),
        };
        expect(
          (await api().post('/api/aims/deployments').send(body)).status,
        ).toBe(401);
        expect(
          (
            await api()
              .post('/api/aims/deployments')
              .set({ Authorization: 'Bearer not-the-token-123' })
              .send(body)
          ).status,
        ).toBe(401);
        const res = await api()
          .post('/api/aims/deployments')
          .set(ci)
          .send(body);
        expect(res.status).toBe(202);
        expect(res.body).toEqual({
          id: 'auth-1',
          duplicate: false,
          reconcile: 'queued',
        });
        const stored = await knex('aims_deployment_reports')
          .where({ id: 'auth-1' })
          .first();
        expect(stored.received_by).toContain('aims-ingest');
        // a signed-in engineer is not an ingest credential
        const engineer = await api()
          .post('/api/aims/deployments')
          .set(as('paula'))
          .send({ ...body, id: 'auth-2' });
        expect(engineer.status).toBe(403);
        expect(engineer.body.error.message).toContain('aims.deployment.report');
        expect(
          await knex('aims_deployment_reports').where({ id: 'auth-2' }).first(),
        ).toBeUndefined();
        // compliance holds aims.deployment.report (the shipped policy)
        const byUser = await api()
          .post('/api/aims/deployments')
          .set(as('carol'))
          .send({ ...body, id: 'auth-2' });
        expect(byUser.status).toBe(202);
        expect(
          (
            await knex('aims_deployment_reports')
              .where({ id: 'auth-2' })
              .first()
          ).received_by,
        ).toBe('user:default/carol');
        // the sources list is readable by services and users
        const sources = await api().get('/api/aims/sources').set(ci);
        expect(sources.status).toBe(200);
        expect(sources.body.items).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              id: 'deployment-reports',
              status: 'healthy',
            }),
          ]),
        );
        expect((await api().get('/api/aims/sources')).status).toBe(401);
      });

      it('answers 400 naming the fields', async () => {
        const missing = await api()
          .post('/api/aims/deployments')
          .set(ci)
          .send({ component: PAY });
        expect(missing.status).toBe(400);
        expect(missing.body.error.message).toMatch(/id/);
        const bad = await api()
          .post('/api/aims/deployments')
          .set(ci)
          .send({
            id: 'bad 1',
            component: 'api:default/payments',
            environment: 'Prod EU',
            deployedAt: '2026-11-20',
            commit: 'abc',
            aiSystems: [{ ref: 'group:default/x' }],
          });
        expect(bad.status).toBe(400);
        for (const field of [
          'commit is not a known field',
          'id must be',
          'component must be',
          'environment must be',
          'deployedAt must be',
          'aiSystems[0].ref must be an entity ref of kind AISystem',
        ]) {
          expect(bad.body.error.message).toContain(field);
        }
        const typed = await api()
          .post('/api/aims/deployments')
          .set(ci)
          .send({
            id: 42,
            component: PAY,
            environment: 'qa',
            deployedAt: ago(0),
          });
        expect(typed.status).toBe(400);
        expect(typed.body.error.message).toMatch(/id/);
      });

      it('answers 404 for an unknown component, but takes unknown AI systems as evidence', async () => {
        const res = await push({
          component: 'component:default/nope',
          environment: 'qa',
        });
        expect(res.status).toBe(404);
        expect(res.body.error.message).toContain('component:default/nope');
      });

      it('answers 413 as JSON above 256 kB, and takes bodies above express’ 100 kB default', async () => {
        const big = await api()
          .post('/api/aims/deployments')
          .set(ci)
          .set('Content-Type', 'application/json')
          .send(
            JSON.stringify({
              id: 'big',
              component: PAY,
              environment: 'qa',
              deployedAt: ago(0),
              padding: 'x'.repeat(300 * 1024),
            }),
          );
        expect(big.status).toBe(413);
        expect(big.body.error.name).toBe('PayloadTooLargeError');
        expect(big.body.error.message).toContain('256kb');
        const medium = await api()
          .post('/api/aims/deployments')
          .set(ci)
          .send({
            id: 'medium',
            component: PAY,
            environment: 'qa',
            deployedAt: ago(0),
            padding: 'x'.repeat(150 * 1024),
          });
        expect(medium.status).toBe(400);
        expect(medium.body.error.message).toContain(
          'padding is not a known field',
        );
      });

      it('stores a report once per id: a repeat answers 200 without writing, another body 409', async () => {
        const body = {
          id: 'idem-1',
          component: PAY,
          environment: 'qa',
          deployedAt: ago(HOUR),
        };
        expect(
          (await api().post('/api/aims/deployments').set(ci).send(body)).status,
        ).toBe(202);
        const first = await knex('aims_deployment_reports').where({
          id: 'idem-1',
        });
        const observations = await knex('aims_observations').where({
          component: PAY,
          environment: 'qa',
        });
        const again = await api()
          .post('/api/aims/deployments')
          .set(ci)
          .send(body);
        expect(again.status).toBe(200);
        expect(again.body).toMatchObject({ id: 'idem-1', duplicate: true });
        expect(
          await knex('aims_deployment_reports').where({ id: 'idem-1' }),
        ).toEqual(first);
        expect(
          await knex('aims_observations').where({
            component: PAY,
            environment: 'qa',
          }),
        ).toEqual(observations);
        const other = await api()
          .post('/api/aims/deployments')
          .set(ci)
          .send({ ...body, aiSystems: [{ ref: 'fraud-scorer' }] });
        expect(other.status).toBe(409);
        expect(other.body.error.message).toContain('idem-1');
        // concurrent duplicates: one write
        const results = await Promise.all(
          [1, 2, 3].map(() =>
            api()
              .post('/api/aims/deployments')
              .set(ci)
              .send({ ...body, id: 'idem-2' }),
          ),
        );
        expect(results.map(r => r.status).sort()).toEqual([200, 200, 202]);
        expect(
          await knex('aims_deployment_reports').where({ id: 'idem-2' }),
        ).toHaveLength(1);
      });
    });

    describe('drift findings from deployment reports', () => {
      it('opens each drift type when its cause appears and resolves it when the cause is gone', async () => {
        const fraud = (version = '3.2.0') => ({
          ref: 'fraud-scorer',
          model: 'fraud-xgb',
          version,
        });
        // clean
        let res = await push({ aiSystems: [fraud()] });
        expect(res.status).toBe(202);
        expect(openKeys(res)).toEqual([]);

        // version-mismatch
        res = await push({ aiSystems: [fraud('3.3.0')] });
        expect(openKeys(res)).toEqual([key('version-mismatch', 'production')]);
        const inventory = await api()
          .get('/api/aims/inventory?q=fraud')
          .set(as('alice'));
        expect(inventory.body.items[0].findings.open).toBeGreaterThanOrEqual(1);
        const byAiSystem = await api()
          .get(`/api/aims/findings?entityRef=${FRAUD}&type=version-mismatch`)
          .set(as('alice'));
        expect(
          byAiSystem.body.items.map((f: any) => [
            f.entityRef,
            f.aiSystemRef,
            f.environment,
            f.status,
          ]),
        ).toEqual([[PAY, FRAUD, 'production', 'open']]);

        // undeclared AI: an unmapped model and an AI system the catalog does not know
        res = await push({
          aiSystems: [fraud(), { ref: 'aisystem:default/ghost' }],
          models: [{ provider: 'openai', name: 'gpt-4o' }],
        });
        expect(openKeys(res)).toEqual([
          key('undeclared-ai-usage', 'production', 'aisystem:default/ghost'),
          key('undeclared-ai-usage', 'production', 'model:openai/gpt-4o'),
        ]);
        expect(
          (await findingByKey(key('version-mismatch', 'production'))).status,
        ).toBe('resolved');

        // unassessed-in-production; a retired system owes no assessment: retired-but-running only
        res = await push({
          aiSystems: [fraud(), { ref: 'new-bot' }, { ref: 'legacy-scorer' }],
        });
        expect(openKeys(res)).toEqual([
          key(
            'retired-but-running',
            'production',
            'aisystem:default/legacy-scorer',
          ),
          key(
            'unassessed-in-production',
            'production',
            'aisystem:default/new-bot',
          ),
        ]);

        // declared-not-observed: production runs without AI for longer than the grace period
        res = await push({});
        expect(openKeys(res)).toEqual([
          key('declared-not-observed', 'production'),
        ]);
        // ...but not within the grace period (a fresh deployment of another environment)
        res = await push({
          environment: 'staging',
          deployedAt: ago(10 * 60_000),
          aiSystems: [{ ref: 'legacy-scorer' }],
        });
        expect(openKeys(res)).toEqual([
          key('declared-not-observed', 'production'),
          key(
            'retired-but-running',
            'staging',
            'aisystem:default/legacy-scorer',
          ),
        ]);

        // environment-mismatch
        res = await push({ environment: 'dev', aiSystems: [fraud()] });
        expect(openKeys(res)).toContain(key('environment-mismatch', 'dev'));

        // every cause gone
        await push({ environment: 'dev' });
        await push({ environment: 'staging', aiSystems: [fraud()] });
        res = await push({ aiSystems: [fraud()] });
        expect(openKeys(res)).toEqual([]);
        const all = await knex('aims_findings').where({ entity_ref: PAY });
        expect(all.map(f => [f.type, f.status]).sort()).toEqual(
          [
            ['declared-not-observed', 'resolved'],
            ['environment-mismatch', 'resolved'],
            ['retired-but-running', 'resolved'],
            ['retired-but-running', 'resolved'],
            ['undeclared-ai-usage', 'resolved'],
            ['undeclared-ai-usage', 'resolved'],
            ['unassessed-in-production', 'resolved'],
            ['version-mismatch', 'resolved'],
          ].sort(),
        );
        // a CI report is the full statement for its component/environment: one row per target
        expect(
          await knex('aims_observations').where({
            component: PAY,
            environment: 'production',
          }),
        ).toHaveLength(1);
      });
    });

    describe('the drift reconcile queue', () => {
      const queued = async () =>
        (await knex('aims_drift_queue').select('component')).map(
          r => r.component,
        );
      const untilOpen = (k: string, what: string) =>
        waitFor(
          async () =>
            (await findingByKey(k))?.status === 'open' ? true : undefined,
          what,
        );
      const untilQueueEmpty = () =>
        waitFor(
          async () => ((await queued()).length === 0 ? true : undefined),
          'the drift queue to drain',
        );

      it('answers once the report is committed and reconciles the component shortly after', async () => {
        const id = `${databaseId}-queued-1`;
        const res = await api()
          .post('/api/aims/deployments')
          .set(ci)
          .send({
            id,
            component: PAY,
            environment: 'production',
            deployedAt: ago(2 * HOUR),
            aiSystems: [
              { ref: 'fraud-scorer', model: 'fraud-xgb', version: '9.9.9' },
            ],
          });
        expect(res.status).toBe(202);
        expect(res.body).toEqual({
          id,
          duplicate: false,
          reconcile: 'queued',
        });
        // a 2xx means committed: the report and its observations are there already
        expect(
          await knex('aims_deployment_reports').where({ id }).first(),
        ).toBeDefined();
        expect(
          await knex('aims_observations').where({
            component: PAY,
            environment: 'production',
            version: '9.9.9',
          }),
        ).toHaveLength(1);
        await untilOpen(
          key('version-mismatch', 'production'),
          'version-mismatch reconciled from the queue',
        );
        await untilQueueEmpty();
        const clean = await push({
          aiSystems: [
            { ref: 'fraud-scorer', model: 'fraud-xgb', version: '3.2.0' },
          ],
        });
        expect(clean.body.reconcile).toBe('done');
        expect(openKeys(clean)).toEqual([]);
      });

      it('keeps queued components in the database until a replica drains them; a live lease is left alone', async () => {
        // a replica stored a report and stopped before its drain: its lease has expired
        await new ObservationStore(knex).replaceScopes(
          'deployment-reports',
          [
            {
              component: PAY,
              environment: 'production',
              observations: [
                {
                  sourceId: 'deployment-reports',
                  component: PAY,
                  environment: 'production',
                  aiSystemRef: FRAUD,
                  model: 'fraud-xgb',
                  version: '8.0.0',
                  observedAt: ago(HOUR),
                },
              ],
            },
          ],
          new Date(),
          knex,
        );
        const store = new DriftQueueStore(knex);
        await store.request([PAY, 'component:default/chat-api'], new Date());
        await knex('aims_drift_queue')
          .where({ component: PAY })
          .update({
            lease_owner: 'aims-stopped-replica',
            lease_until: new Date(Date.now() - 1000),
          });
        // another replica is working on chat-api right now
        await knex('aims_drift_queue')
          .where({ component: 'component:default/chat-api' })
          .update({
            lease_owner: 'aims-busy-replica',
            lease_until: new Date(Date.now() + HOUR),
          });
        // everyone sees the backlog next to the sources' health
        const sources = await api().get('/api/aims/sources').set(as('bob'));
        expect(sources.body.reconcileBacklog).toMatchObject({ waiting: 2 });
        expect(sources.body.reconcileBacklog.oldestRequestedAt).toEqual(
          expect.any(String),
        );
        await waitFor(
          () => schedulers[0].triggerTask(DRIFT_QUEUE_TASK_ID).then(() => true),
          'triggering the queue drain',
          retrying,
        );
        await untilOpen(
          key('version-mismatch', 'production'),
          'version-mismatch reconciled by the scheduled drain',
        );
        await waitFor(
          async () =>
            (await queued()).join() === 'component:default/chat-api'
              ? true
              : undefined,
          'the expired lease drained, the live one kept',
        );
        await knex('aims_drift_queue').delete();
        const clean = await push({
          aiSystems: [
            { ref: 'fraud-scorer', model: 'fraud-xgb', version: '3.2.0' },
          ],
        });
        expect(openKeys(clean)).toEqual([]);
      });

      it('drains hundreds of queued components in one pass (catalog lookups by ref, not one URL)', async () => {
        const many = Array.from(
          { length: 400 },
          (_, i) => `component:default/gone-${i}`,
        );
        await new DriftQueueStore(knex).request([...many, PAY], new Date());
        await waitFor(
          () => schedulers[0].triggerTask(DRIFT_QUEUE_TASK_ID).then(() => true),
          'triggering the queue drain',
          retrying,
        );
        await untilQueueEmpty();
        expect(await queued()).toEqual([]);
      });

      it('takes a burst of concurrent reports in group commits, every one stored and reconciled', async () => {
        const environments = Array.from({ length: 25 }, (_, i) => `burst-${i}`);
        const send = (
          environment: string,
          round: number,
          aiSystems: unknown[],
        ) =>
          api()
            .post('/api/aims/deployments')
            .set(ci)
            .send({
              id: `${databaseId}-${environment}-${round}`,
              component: PAY,
              environment,
              deployedAt: ago(HOUR),
              aiSystems,
            });
        const results = await Promise.all(
          environments.map(e =>
            send(e, 1, [{ ref: 'fraud-scorer', version: '3.2.0' }]),
          ),
        );
        expect(results.map(r => r.status)).toEqual(environments.map(() => 202));
        expect(
          await knex('aims_deployment_reports').whereIn(
            'environment',
            environments,
          ),
        ).toHaveLength(25);
        expect(
          await knex('aims_observations').whereIn('environment', environments),
        ).toHaveLength(25);
        const mismatches = environments.map(e =>
          key('environment-mismatch', e),
        );
        const openMismatches = async () =>
          (
            await knex('aims_findings')
              .whereIn('finding_key', mismatches)
              .whereNot({ status: 'resolved' })
          ).length;
        await waitFor(
          async () => ((await openMismatches()) === 25 ? true : undefined),
          'an environment-mismatch per burst environment',
        );
        // the next reports say nothing runs there any more: all resolve
        const cleared = await Promise.all(
          environments.map(e => send(e, 2, [])),
        );
        expect(cleared.map(r => r.status)).toEqual(environments.map(() => 202));
        await waitFor(
          async () => ((await openMismatches()) === 0 ? true : undefined),
          'the burst findings resolved',
        );
        await untilQueueEmpty();
        expect(
          await knex('aims_finding_events')
            .join(
              'aims_findings',
              'aims_findings.id',
              'aims_finding_events.finding_id',
            )
            .whereIn('aims_findings.finding_key', mismatches)
            .where('aims_finding_events.action', 'opened'),
        ).toHaveLength(25);
      });
    });

    describe('POST /deployments/batch', () => {
      const batch = (reports: unknown, who: Record<string, string> = ci) =>
        api().post('/api/aims/deployments/batch').set(who).send({ reports });
      const report = (id: string, environment: string, extra = {}) => ({
        id: `${databaseId}-${id}`,
        component: PAY,
        environment,
        deployedAt: ago(HOUR),
        ...extra,
      });

      const environments = ['batch-a', 'batch-b', 'batch-order'];
      // nothing runs in the batch environments any more: their findings resolve
      afterAll(async () => {
        const res = await batch(
          environments.map(e => report(`b-clear-${e}`, e)),
        );
        if (res.body.accepted !== environments.length)
          throw new Error(`clean-up batch: ${JSON.stringify(res.body)}`);
        await waitFor(
          async () =>
            (
              await knex('aims_findings')
                .where({ entity_ref: PAY })
                .whereIn('finding_key', [
                  ...environments.map(e => key('environment-mismatch', e)),
                ])
                .whereNot({ status: 'resolved' })
            ).length === 0
              ? true
              : undefined,
          'the batch environments clean again',
        );
      });

      it('answers every report on its own, as POST /deployments would', async () => {
        const stored = report('b-stored-before', 'batch-a');
        expect(
          (await api().post('/api/aims/deployments').set(ci).send(stored))
            .status,
        ).toBe(202);
        const res = await batch([
          report('b-new', 'batch-a', {
            aiSystems: [{ ref: 'fraud-scorer', version: '3.2.0' }],
          }),
          { ...report('b-bad', 'batch-a'), deployedAt: 'yesterday' },
          report('b-nowhere', 'batch-a', {
            component: 'component:default/nowhere',
          }),
          stored,
          { ...stored, aiSystems: [{ ref: 'fraud-scorer' }] },
          report('b-twice', 'batch-b'),
          report('b-twice', 'batch-b'),
          'not a report',
        ]);
        expect(res.status).toBe(200);
        expect(res.body.results.map((r: any) => [r.index, r.status])).toEqual([
          [0, 202],
          [1, 400],
          [2, 404],
          [3, 200],
          [4, 409],
          [5, 202],
          [6, 200],
          [7, 400],
        ]);
        expect(res.body).toMatchObject({
          accepted: 2,
          duplicates: 2,
          rejected: 4,
        });
        expect(res.body.results[1]).toMatchObject({
          id: `${databaseId}-b-bad`,
          error: { name: 'InputError' },
        });
        expect(res.body.results[1].error.message).toContain(
          'reports[1]: Invalid deployment report: deployedAt must be',
        );
        expect(res.body.results[2].error.message).toContain(
          'component:default/nowhere',
        );
        expect(res.body.results[4].error.name).toBe('ConflictError');
        expect(
          await knex('aims_deployment_reports').whereIn('id', [
            `${databaseId}-b-new`,
            `${databaseId}-b-twice`,
            `${databaseId}-b-bad`,
            `${databaseId}-b-nowhere`,
          ]),
        ).toHaveLength(2);
        await waitFor(
          async () =>
            (
              await findingByKey(key('environment-mismatch', 'batch-a'))
            )?.status === 'open'
              ? true
              : undefined,
          'the batch reconciled from the queue',
        );
      });

      it('stores reports in array order: a later report of a scope replaces an earlier one', async () => {
        const res = await batch([
          report('b-order-1', 'batch-order', {
            aiSystems: [{ ref: 'fraud-scorer', version: '1.0.0' }],
          }),
          report('b-order-2', 'batch-order', {
            aiSystems: [{ ref: 'fraud-scorer', version: '2.0.0' }],
          }),
        ]);
        expect(res.body.accepted).toBe(2);
        const rows = await knex('aims_observations').where({
          component: PAY,
          environment: 'batch-order',
        });
        expect(rows.map(r => r.version)).toEqual(['2.0.0']);
      });

      it('answers 400 for what is not a batch, 401 without credentials and 413 above 4 MB', async () => {
        expect((await batch([report('b-anon', 'batch-a')], {})).status).toBe(
          401,
        );
        for (const reports of [[], 'x', undefined]) {
          const res = await batch(reports);
          expect(res.status).toBe(400);
          expect(res.body.error.message).toMatch(/reports/);
        }
        const tooMany = await batch(
          Array.from({ length: 501 }, (_, i) => report(`b-many-${i}`, 'qa')),
        );
        expect(tooMany.status).toBe(400);
        expect(tooMany.body.error.message).toMatch(/reports/);
        const extra = await api()
          .post('/api/aims/deployments/batch')
          .set(ci)
          .send({ reports: [report('b-extra', 'qa')], dryRun: true });
        expect(extra.status).toBe(400);
        expect(extra.body.error.message).toContain('dryRun');
        const huge = await api()
          .post('/api/aims/deployments/batch')
          .set(ci)
          .set('Content-Type', 'application/json')
          .send(
            JSON.stringify({
              reports: [
                { ...report('b-huge', 'qa'), pad: 'x'.repeat(5 << 20) },
              ],
            }),
          );
        expect(huge.status).toBe(413);
        expect(huge.body.error.message).toContain('4mb');
        expect(
          await knex('aims_deployment_reports').where(
            'id',
            'like',
            `${databaseId}-b-many-%`,
          ),
        ).toEqual([]);
      });
    });

    describe('pull sources', () => {
      const CHAT = 'component:default/chat-api';
      const SUPPORT_KEY = key(
        'version-mismatch',
        'production',
        'aisystem:default/support-bot',
        CHAT,
      );
      // a run may still be going (the source also runs once at startup): retry until triggered
      const trigger = (id: string) =>
        waitFor(
          () => schedulers[0].triggerTask(id).then(() => true),
          `triggering ${id}`,
          retrying,
        );
      const source = async () =>
        (
          (await api().get('/api/aims/sources').set(as('bob'))).body
            .items as any[]
        ).find(s => s.id === 'test-k8s');

      it('stores runs keeping since, and makes failed and stale sources unknown', async () => {
        const firstSeen = ago(30 * 60_000);
        k8s.error = undefined;
        k8s.view = [
          {
            component: 'chat-api',
            environment: 'production',
            aiSystemRef: 'support-bot',
            version: '1.1',
            observedAt: firstSeen,
            evidence: { workload: 'chat' },
          },
        ];
        await trigger(sourceTaskId('test-k8s'));
        await waitFor(
          async () =>
            (await findingByKey(SUPPORT_KEY))?.status === 'open'
              ? true
              : undefined,
          'version-mismatch from the pull source',
          retrying,
        );
        expect(await source()).toMatchObject({
          status: 'healthy',
          observationCount: 1,
          lastError: null,
        });

        // a failed run: recorded, observations kept, but unknown → no finding
        k8s.error = 'cluster unreachable';
        await trigger(sourceTaskId('test-k8s'));
        await waitFor(
          async () =>
            (await findingByKey(SUPPORT_KEY))?.status === 'resolved'
              ? true
              : undefined,
          'resolution while the source failed',
          retrying,
        );
        expect(await source()).toMatchObject({
          status: 'failed',
          lastError: 'cluster unreachable',
        });
        expect(
          await knex('aims_observations').where({ source_id: 'test-k8s' }),
        ).toHaveLength(1);

        // back: the finding reopens, and the observation keeps the time it was first seen
        k8s.error = undefined;
        k8s.view = [{ ...k8s.view[0], observedAt: ago(0) }];
        await trigger(sourceTaskId('test-k8s'));
        await waitFor(
          async () =>
            (await findingByKey(SUPPORT_KEY))?.status === 'open'
              ? true
              : undefined,
          'reopened',
          retrying,
        );
        const reopened = await findingByKey(SUPPORT_KEY);
        expect(Number(reopened.occurrences)).toBe(2);
        const [row] = await knex('aims_observations').where({
          source_id: 'test-k8s',
        });
        expect(toIsoTimestamp(row.since)).toBe(firstSeen);
        expect(await source()).toMatchObject({ status: 'healthy' });

        // stale: its last good run is older than the freshness window (1 hour)
        await knex('aims_sources')
          .where({ source_id: 'test-k8s' })
          .update({
            last_success_at: new Date(Date.now() - 2 * HOUR),
            last_failure_at: new Date(Date.now() - 3 * HOUR),
          });
        await trigger(DRIFT_TASK_ID);
        await waitFor(
          async () =>
            (await findingByKey(SUPPORT_KEY))?.status === 'resolved'
              ? true
              : undefined,
          'resolution while the source is stale',
          retrying,
        );
        expect(await source()).toMatchObject({ status: 'stale' });

        // a run that no longer sees it deletes the observation
        k8s.view = [
          {
            component: 'chat-api',
            environment: 'production',
            observedAt: ago(0),
          },
        ];
        await trigger(sourceTaskId('test-k8s'));
        await waitFor(
          async () =>
            (await source())?.status === 'healthy' ? true : undefined,
          'healthy again',
          retrying,
        );
        const rows = await knex('aims_observations').where({
          source_id: 'test-k8s',
        });
        expect(rows.map(r => r.target_key)).toEqual(['-']);
      });
    });

    describe('finding actions', () => {
      it('lets owners and compliance act, refuses others, and records audit and events', async () => {
        const staging = (version: string) =>
          push({
            environment: 'staging',
            aiSystems: [{ ref: 'fraud-scorer', model: 'fraud-xgb', version }],
          });
        const res = await staging('9.9.9');
        const finding = res.body.findings.find(
          (f: any) => f.type === 'version-mismatch',
        );
        expect(finding).toBeDefined();
        const act = (
          who: Record<string, string>,
          body: Record<string, unknown>,
          id = finding.id,
        ) => api().post(`/api/aims/findings/${id}/actions`).set(who).send(body);
        const future = new Date(Date.now() + 7 * 24 * HOUR).toISOString();

        expect(
          (await act({}, { action: 'acknowledge', reason: 'x' })).status,
        ).toBe(401);
        const denied = await act(as('bob'), {
          action: 'acknowledge',
          reason: 'not mine',
        });
        expect(denied.status).toBe(403);
        expect(denied.body.error.message).toContain(PAY);
        expect(
          (await act(ci, { action: 'acknowledge', reason: 'a pipeline' }))
            .status,
        ).toBe(403);
        expect(
          (
            await act(
              as('paula'),
              { action: 'acknowledge', reason: 'x' },
              '999999',
            )
          ).status,
        ).toBe(404);
        expect(
          (await api().get('/api/aims/findings/999999').set(as('paula')))
            .status,
        ).toBe(404);

        const noReason = await act(as('paula'), {
          action: 'acknowledge',
          reason: '  ',
        });
        expect([noReason.status, noReason.body.error.message]).toEqual([
          400,
          'reason is required',
        ]);
        const noUntil = await act(as('paula'), {
          action: 'snooze',
          reason: 'later',
        });
        expect([noUntil.status, noUntil.body.error.message]).toEqual([
          400,
          'until is required for snooze',
        ]);
        const past = await act(as('paula'), {
          action: 'accept-risk',
          reason: 'ok',
          until: '2020-01-01',
        });
        expect([past.status, past.body.error.message]).toEqual([
          400,
          'until must be in the future',
        ]);
        const badAction = await act(as('paula'), {
          action: 'ignore',
          reason: 'x',
        });
        expect(badAction.status).toBe(400);
        expect(badAction.body.error.message).toContain('action');

        // component owner, AI system owner, compliance
        const ack = await act(as('paula'), {
          action: 'acknowledge',
          reason: 'rolling back',
        });
        expect([ack.status, ack.body.status]).toEqual([200, 'acknowledged']);
        // the shared rule (aims-common allowedFindingActions): no acknowledging twice
        const twice = await act(as('paula'), {
          action: 'acknowledge',
          reason: 'still on it',
        });
        expect([twice.status, twice.body.error.message]).toEqual([
          400,
          'action acknowledge is not allowed on a finding that is acknowledged (allowed: snooze, accept-risk, resolve)',
        ]);
        // aims.finding.act is decided on the entity the finding is on (the component): the
        // AI system's owner does not own payments-api
        const systemOwner = await act(as('alice'), {
          action: 'snooze',
          reason: 'waiting for the release',
          until: future,
        });
        expect(systemOwner.status).toBe(403);
        expect(systemOwner.body.error.message).toContain('aims.finding.act');
        const snooze = await act(as('paula'), {
          action: 'snooze',
          reason: 'waiting for the release',
          until: future,
        });
        expect(snooze.body).toMatchObject({
          status: 'snoozed',
          statusUntil: future,
        });
        const accept = await act(as('carol'), {
          action: 'accept-risk',
          reason: 'canary for a week',
          until: future.slice(0, 10),
        });
        expect(accept.body.status).toBe('risk-accepted');
        const resolve = await act(as('paula'), {
          action: 'resolve',
          reason: 'fixed, I think',
        });
        expect(resolve.body.status).toBe('resolved');

        // resolved by hand while the cause is still there: the next reconcile reopens it
        let again = await staging('9.9.9');
        expect(
          again.body.findings.find((f: any) => f.id === finding.id),
        ).toMatchObject({ status: 'open', occurrences: 2 });

        // a snooze whose date has passed opens again on the next reconcile
        await act(as('paula'), {
          action: 'snooze',
          reason: 'one more day',
          until: future,
        });
        await knex('aims_findings')
          .where({ id: Number(finding.id) })
          .update({ status_until: new Date(Date.now() - 1000) });
        again = await staging('9.9.9');
        expect(
          again.body.findings.find((f: any) => f.id === finding.id),
        ).toMatchObject({ status: 'open' });

        const detail = await api()
          .get(`/api/aims/findings/${finding.id}`)
          .set(as('bob'));
        expect(detail.status).toBe(200);
        expect(
          detail.body.events.map((e: any) => [e.action, e.actor, e.toStatus]),
        ).toEqual([
          ['opened', 'aims:drift-reconcile', 'open'],
          ['acknowledge', 'user:default/paula', 'acknowledged'],
          ['snooze', 'user:default/paula', 'snoozed'],
          ['accept-risk', 'user:default/carol', 'risk-accepted'],
          ['resolve', 'user:default/paula', 'resolved'],
          ['reopened', 'aims:drift-reconcile', 'open'],
          ['snooze', 'user:default/paula', 'snoozed'],
          ['expired', 'aims:drift-reconcile', 'open'],
        ]);
        expect(detail.body.events[1].reason).toBe('rolling back');

        const audit = await api()
          .get(`/api/aims/audit?entityRef=${PAY}`)
          .set(as('bob'));
        expect(
          audit.body.items
            .filter((e: any) => e.details.findingId === finding.id)
            .map((e: any) => [e.action, e.actor, e.details.reason])
            .reverse(),
        ).toEqual([
          ['finding.acknowledge', 'user:default/paula', 'rolling back'],
          ['finding.snooze', 'user:default/paula', 'waiting for the release'],
          ['finding.accept-risk', 'user:default/carol', 'canary for a week'],
          ['finding.resolve', 'user:default/paula', 'fixed, I think'],
          ['finding.snooze', 'user:default/paula', 'one more day'],
        ]);
        await staging('3.2.0');
      });
    });

    describe('notifications', () => {
      it('tells the component owners once per open, reopen and severity rise, in place by finding key', async () => {
        const NOTIFY = 'component:default/notify-api';
        const K = key(
          'version-mismatch',
          'production',
          'aisystem:default/notify-model',
          NOTIFY,
        );
        const mine = () => sent.filter(s => s.payload.scope === K);
        const model = (version: string) => ({
          component: NOTIFY,
          aiSystems: [{ ref: 'notify-model', version }],
        });

        await push(model('2.0.0'));
        expect(mine()).toHaveLength(1);
        expect(mine()[0]).toMatchObject({
          recipients: {
            type: 'entity',
            entityRef: ['group:default/payments-team'],
          },
          payload: { scope: K, severity: 'normal' },
        });
        await push(model('2.0.0'));
        expect(mine()).toHaveLength(1);

        // the system becomes high-risk: the same finding rises to high
        for (const c of connections) {
          await c.applyMutation(
            fullMutation(baseEntities('high-risk'), 'drift-test'),
          );
        }
        await waitFor(
          async () => {
            const res = await api()
              .get(
                '/api/catalog/entities/by-name/aisystem/default/notify-model',
              )
              .set(as('bob'));
            return res.body?.spec?.euAiAct?.tier === 'high-risk'
              ? true
              : undefined;
          },
          'the tier change',
          retrying,
        );
        await push(model('2.0.0'));
        expect(mine()).toHaveLength(2);
        expect(mine()[1].payload).toMatchObject({ scope: K, severity: 'high' });

        await push(model('1.0.0'));
        expect(mine()).toHaveLength(2);
        await push(model('2.0.0'));
        expect(mine()).toHaveLength(3);
        expect(mine()[2].payload.title).toContain('again');
        await push(model('1.0.0'));
      });
    });

    // Two backends, each with its own connection pools (as two processes would have) on one
    // PostgreSQL database per plugin, reconciling the same component at the same time. SQLite
    // is one process by nature: there is nothing to share there.
    (databaseId.startsWith('POSTGRES') ? describe : describe.skip)(
      'several replicas',
      () => {
        it('two backends with their own pools on one database reconcile concurrently without duplicate findings or swallowed errors', async () => {
          const started = new Date();
          const logged = problems.length;
          // a second pool on each plugin database of the first backend
          const pools = {
            aims: createKnex(knex.client.config),
            catalog: createKnex(catalogKnex.client.config),
            permission: createKnex(permissionKnex.client.config),
          };
          // the same database, another pool
          expect(pools.aims).not.toBe(knex);
          expect(pools.aims.client.database()).toBe(knex.client.database());
          const [{ pid: firstPid }] = (
            await knex.raw('select pg_backend_pid() as pid')
          ).rows;
          const [{ pid: secondPid }] = (
            await pools.aims.raw('select pg_backend_pid() as pid')
          ).rows;
          expect(secondPid).not.toBe(firstPid);
          const second = await startTestBackend({ features: features(pools) });
          try {
            await waitForStitchedCatalog(second);
            const deployedAt = ago(2 * HOUR);
            const body = (id: string) => ({
              id,
              component: PAY,
              environment: 'production',
              deployedAt,
              aiSystems: [
                { ref: 'fraud-scorer', version: '7.0.0' },
                { ref: 'new-bot' },
              ],
              models: [{ provider: 'anthropic', name: 'claude' }],
            });
            // the scheduled drift task on both replicas at once; the test scheduler runs a
            // triggered task inline and hands its failure only to waitForTask, so wait for it
            // too: a failed run fails the test instead of vanishing
            const trigger = async (scheduler: SchedulerService) => {
              const done = (
                scheduler as unknown as {
                  waitForTask(id: string): Promise<void>;
                }
              ).waitForTask(DRIFT_TASK_ID);
              await scheduler.triggerTask(DRIFT_TASK_ID);
              await done;
            };
            const results = await Promise.all([
              api(backend)
                .post('/api/aims/deployments')
                .set(ci)
                .send(body(`${databaseId}-replica-a`)),
              api(second)
                .post('/api/aims/deployments')
                .set(ci)
                .send(body(`${databaseId}-replica-b`)),
              api(second)
                .post('/api/aims/deployments')
                .set(ci)
                .send(body(`${databaseId}-replica-a`)),
              trigger(schedulers[0]),
              trigger(schedulers[schedulers.length - 1]),
            ]);
            expect(
              results
                .slice(0, 3)
                .map(r => (r as request.Response).status)
                .sort(),
            ).toEqual([200, 202, 202]);
            // each replica drains the queue its reports joined; leases keep them apart
            await waitFor(async () => {
              const [{ waiting }] = await knex('aims_drift_queue').count({
                waiting: '*',
              });
              const stillOpen = await knex('aims_findings')
                .where({ entity_ref: PAY })
                .whereNot({ status: 'resolved' });
              return Number(waiting) === 0 && stillOpen.length === 3
                ? true
                : undefined;
            }, 'both replicas to drain the drift queue');
            // and the scheduled reconcile once more on each, one after the other
            await trigger(schedulers[0]);
            await trigger(schedulers[schedulers.length - 1]);

            const dupes = await knex('aims_findings')
              .select('finding_key')
              .count({ n: '*' })
              .groupBy('finding_key')
              .havingRaw('count(*) > 1');
            expect(dupes).toEqual([]);
            const open = await knex('aims_findings')
              .where({ entity_ref: PAY })
              .whereNot({ status: 'resolved' });
            expect(open.map(f => f.type).sort()).toEqual(
              [
                'unassessed-in-production',
                'undeclared-ai-usage',
                'version-mismatch',
              ].sort(),
            );
            // every finding there is was opened exactly once, whichever replica did it
            const opened: Array<{ finding_id: number; n: string | number }> =
              await knex('aims_finding_events')
                .select('finding_id')
                .count({ n: '*' })
                .where({ action: 'opened' })
                .groupBy('finding_id');
            const openedCount = new Map(
              opened.map(r => [String(r.finding_id), Number(r.n)]),
            );
            const all = await knex('aims_findings').select('id');
            expect(
              all
                .map(f => [String(f.id), openedCount.get(String(f.id)) ?? 0])
                .filter(([, count]) => count !== 1),
            ).toEqual([]);
            // and in this test each open finding opened (or reopened) at most once
            const events = await knex('aims_finding_events')
              .whereIn(
                'finding_id',
                open.map(f => f.id),
              )
              .whereIn('action', ['opened', 'reopened'])
              .where('at', '>=', started);
            const perFinding = new Map<string, number>();
            for (const e of events)
              perFinding.set(
                String(e.finding_id),
                (perFinding.get(String(e.finding_id)) ?? 0) + 1,
              );
            expect([...perFinding.values()].every(v => v === 1)).toBe(true);
            // nothing failed quietly on either replica: no task error, no failed reconcile
            expect(problems.slice(logged)).toEqual([]);
          } finally {
            await second.stop();
            await Promise.all(Object.values(pools).map(p => p.destroy()));
          }
        });
      },
    );
  },
);
