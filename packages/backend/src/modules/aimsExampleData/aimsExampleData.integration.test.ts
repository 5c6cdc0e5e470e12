/*
 * The example organisation's records imported at startup through the real AIMS backend (its
 * record-import extension point, its services and workflow), on SQLite and PostgreSQL.
 */
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import aimsPlugin from '@aims-backstage/backstage-plugin-aims-backend';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import { Knex } from 'knex';
import path from 'node:path';
import request from 'supertest';
import { aimsExampleDataModule } from './index';

jest.setTimeout(240_000);

const FIXTURES = path.resolve(__dirname, '__fixtures__');
const DAY = 86400_000;
const LOCATION = 'url:https://git.example.com/org/catalog-info.yaml';
const annotations = {
  'backstage.io/managed-by-location': LOCATION,
  'backstage.io/managed-by-origin-location': LOCATION,
};

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, annotations },
  spec: { type: 'team', children: [] },
});
const user = (name: string, memberOf: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, annotations },
  spec: { memberOf },
});
const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/risk-ml',
  },
});
const aiSystem = (name: string, spec: Record<string, unknown>): Entity => ({
  apiVersion: 'aims.dev/v1alpha1',
  kind: 'AISystem',
  metadata: { name, annotations },
  spec: {
    type: 'ml-model',
    lifecycle: 'production',
    role: 'provider',
    purpose: `Purpose of ${name}`,
    owner: 'group:default/risk-ml',
    ...spec,
  },
});

/** The organisation the fixtures name: alice in risk-ml, carol in compliance (ai-governance). */
const ENTITIES = [
  group('risk-ml'),
  group('ai-governance'),
  user('alice', ['risk-ml']),
  user('carol', ['ai-governance']),
  component('payments-api'),
  component('chat-api'),
  aiSystem('fraud-scorer', {
    dependencyOf: ['component:default/payments-api'],
    models: [{ name: 'fraud-xgb', version: '3.2.0', provider: 'in-house' }],
    deployments: [{ environment: 'production' }],
  }),
  aiSystem('legacy-bot', {
    lifecycle: 'retired',
    dependencyOf: ['component:default/chat-api'],
  }),
  aiSystem('churn-model', {
    monitoring: [
      {
        metric: 'auc',
        description: 'ROC AUC of the churn predictions',
        threshold: { min: 0.75 },
        interval: 'P7D',
        slices: ['all', 'eu'],
      },
    ],
  }),
];

const testEntities = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aims-example-data-entities',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'aims-example-data-entities',
          connect: async connection =>
            connection.applyMutation({
              type: 'full',
              entities: ENTITIES.map(entity => ({
                entity,
                locationKey: 'aims-example-data',
              })),
            }),
        });
      },
    });
  },
});

const noNotifications = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({ async send() {} }),
});

/** Each plugin its own database, kept across the backends a test starts. */
const databaseFactory = (byPlugin: Record<string, Knex>) =>
  createServiceFactory({
    service: coreServices.database,
    deps: { pluginMetadata: coreServices.pluginMetadata },
    factory: ({ pluginMetadata }) => ({
      getClient: async () => byPlugin[pluginMetadata.getId()],
    }),
  });

async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const start = (fixture: string, databases: Record<string, Knex>) =>
  startTestBackend({
    features: [
      aimsPlugin,
      aimsExampleDataModule,
      catalogPlugin,
      catalogModuleAims,
      testEntities,
      noNotifications,
      databaseFactory(databases),
      mockServices.rootConfig.factory({
        data: {
          aimsExampleData: { directory: path.join(FIXTURES, fixture) },
          aims: {
            // the scheduled tasks stay out of the way: only the post-import reconcile runs
            drift: {
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 1 },
                initialDelay: { hours: 1 },
              },
            },
            findings: {
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 1 },
                initialDelay: { hours: 1 },
              },
            },
          },
        },
      }),
    ],
  });

const testDatabases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(testDatabases.eachSupportedId())(
  'the example organisation imported through the AIMS services on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let databases: Record<string, Knex>;
    const alice = {
      Authorization: mockCredentials.user.header('user:default/alice'),
    };
    const churn = 'aisystem:default/churn-model';

    beforeAll(async () => {
      databases = {
        aims: await testDatabases.init(databaseId),
        catalog: await testDatabases.init(databaseId),
      };
      backend = await start('organisation', databases);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    /** The AI system's History, oldest first (the API answers newest first). */
    const history = async (ref: string) => {
      // the audit log shows only entities the caller can see: wait for the catalog
      const items = await waitFor(async () => {
        const res = await request(backend.server)
          .get(`/api/aims/audit?entityRef=${ref}`)
          .set(alice);
        return res.status === 200 && res.body.items.length
          ? (res.body.items as any[])
          : undefined;
      }, `the history of ${ref}`);
      return [...items].reverse();
    };

    it('shows the approved version saved and submitted by its author and approved by compliance', async () => {
      const entries = await history(churn);
      const days = (at: string) =>
        Math.round((Date.now() - new Date(at).getTime()) / DAY);
      expect(
        entries
          .filter(e => e.action.startsWith('impact-assessment.'))
          .map(e => [e.action, e.actor, e.details.version, days(e.at)]),
      ).toEqual([
        ['impact-assessment.created', 'user:default/alice', 1, 400],
        ['impact-assessment.submitted', 'user:default/alice', 1, 395],
        ['impact-assessment.approved', 'user:default/carol', 1, 390],
        ['impact-assessment.created', 'user:default/alice', 2, 2],
      ]);
      expect(
        entries
          .filter(e => e.action.startsWith('risk.'))
          .map(e => [e.action, e.actor, days(e.at)]),
      ).toEqual([
        ['risk.created', 'user:default/alice', 10],
        ['risk.signed-off', 'user:default/alice', 10],
      ]);
      // the History reads as the history happened: the log is in time order
      const times = entries.map(e => new Date(e.at).getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // every entry names the importer, and none carries a server path
      for (const e of entries) {
        expect(e.details.importedBy).toBe('example-organisation');
      }
      expect(JSON.stringify(entries)).not.toContain(FIXTURES);
      expect(JSON.stringify(entries)).not.toMatch(/"\/[^"]*\.yaml"/);

      const overview = await waitFor(async () => {
        const res = await request(backend.server)
          .get('/api/aims/impact-assessments/aisystem/default/churn-model')
          .set(alice);
        return res.status === 200 ? res : undefined;
      }, 'churn-model in the catalog');
      expect(overview.body).toMatchObject({
        summary: { status: 'review-overdue' },
        latest: { version: 2, status: 'draft', author: 'user:default/alice' },
        approved: {
          version: 1,
          author: 'user:default/alice',
          submittedBy: 'user:default/alice',
          approvedBy: 'user:default/carol',
        },
      });
    });

    it('receives the deployment reports through the ingestion, as the importer, oldest first', async () => {
      const reports = await databases
        .aims('aims_deployment_reports')
        .select('id', 'received_by')
        .orderBy('received_at');
      expect(reports).toEqual([
        {
          id: 'fixture-payments-1',
          received_by: 'importer:example-organisation',
        },
        { id: 'fixture-chat-1', received_by: 'importer:example-organisation' },
        {
          id: 'fixture-payments-2',
          received_by: 'importer:example-organisation',
        },
      ]);
      const observations = await databases
        .aims('aims_observations')
        .select('component', 'ai_system_ref', 'model', 'version')
        .orderBy(['component', 'target_key']);
      expect(observations).toEqual([
        {
          component: 'component:default/chat-api',
          ai_system_ref: 'aisystem:default/legacy-bot',
          model: null,
          version: null,
        },
        {
          component: 'component:default/chat-api',
          ai_system_ref: null,
          model: 'gpt-4o-mini',
          version: null,
        },
        {
          // the later report replaced the earlier one
          component: 'component:default/payments-api',
          ai_system_ref: 'aisystem:default/fraud-scorer',
          model: 'fraud-xgb',
          version: '3.3.0',
        },
      ]);
    });

    it('reconciles drift and compliance findings once the catalog has the entities', async () => {
      const open = async () =>
        (
          await databases
            .aims('aims_findings')
            .where('status', 'open')
            // the organisation's SoA findings are checked in their own case
            .whereNot('entity_ref', 'soa:default/organisation')
            .select('type', 'entity_ref', 'ai_system_ref', 'environment')
        )
          .map(
            f =>
              `${f.type} ${f.entity_ref} ${f.ai_system_ref ?? '-'} ${
                f.environment ?? '-'
              }`,
          )
          .sort();
      const expected = [
        'impact-assessment-review-overdue aisystem:default/churn-model aisystem:default/churn-model -',
        'missing-impact-assessment aisystem:default/fraud-scorer aisystem:default/fraud-scorer -',
        // the imported eu slice is below the declared min
        'monitoring-threshold-breached aisystem:default/churn-model aisystem:default/churn-model production',
        // retired: it owes no impact assessment, so no unassessed-in-production on top
        'retired-but-running component:default/chat-api aisystem:default/legacy-bot production',
        'unassessed-in-production component:default/payments-api aisystem:default/fraud-scorer production',
        'undeclared-ai-usage component:default/chat-api - production',
        'version-mismatch component:default/payments-api aisystem:default/fraud-scorer production',
      ];
      let last: string[] = [];
      await waitFor(async () => {
        last = await open();
        return last.length >= expected.length ? true : undefined;
      }, 'the findings').catch(e => {
        throw new Error(`${e.message}: ${JSON.stringify(last)}`);
      });
      expect(await open()).toEqual(expected);
    });

    it('imports the Statement of Applicability as its author and approver, and the mappings of AI systems', async () => {
      const soa = await request(backend.server).get('/api/aims/soa').set(alice);
      expect(soa.status).toBe(200);
      expect(soa.body).toMatchObject({
        version: 1,
        status: 'approved',
        author: 'user:default/alice',
        submittedBy: 'user:default/alice',
        approvedBy: 'user:default/carol',
        latest: null,
      });
      expect(soa.body.controls).toHaveLength(38);
      const row = (id: string) =>
        soa.body.controls.find((c: any) => c.controlId === id);
      expect(row('A.10.4')).toMatchObject({
        applicable: false,
        exclusionStanding: 'justified',
      });
      expect(row('A.6.2.6')).toMatchObject({
        implementationStatus: 'implemented',
        currentEvidence: true,
        evidence: [
          expect.objectContaining({
            title: 'Monitoring runbook',
            status: 'approved',
            collectedBy: 'user:default/alice',
          }),
        ],
      });
      const controls = await waitFor(async () => {
        const res = await request(backend.server)
          .get('/api/aims/controls/aisystem/default/churn-model')
          .set(alice);
        return res.status === 200 ? res : undefined;
      }, 'churn-model in the catalog');
      // mapped by the import; the controls its risks name show beside it, unmapped
      expect(
        controls.body.controls
          .filter((c: any) => c.mapped)
          .map((c: any) => c.controlId),
      ).toEqual(['A.6.2.6']);
      expect(
        controls.body.controls.find((c: any) => c.controlId === 'A.6.2.6'),
      ).toMatchObject({
        how: 'Weekly churn-model monitoring report',
        currentEvidence: true,
        evidence: [expect.objectContaining({ title: 'Weekly report' })],
      });
      // the 36 applicable rows without current evidence are gaps of the organisation's SoA
      const orgFindings = await waitFor(async () => {
        const rows = await databases
          .aims('aims_findings')
          .where({ status: 'open', entity_ref: 'soa:default/organisation' })
          .select('type');
        return rows.length === 36 ? rows : undefined;
      }, "the SoA's findings");
      expect(new Set(orgFindings.map((f: { type: string }) => f.type))).toEqual(
        new Set(['soa-applicable-not-implemented']),
      );
    });

    it('ingests the monitoring results once the catalog has the AI system, judged against its declaration, as the importer', async () => {
      const rows = await waitFor(async () => {
        const stored = await databases
          .aims('aims_monitoring_results')
          .orderBy(['observed_at', 'slice']);
        return stored.length === 4 ? stored : undefined;
      }, 'the monitoring results');
      expect(
        rows.map(r => [r.ai_system_ref, r.slice, r.verdict, r.received_by]),
      ).toEqual(
        [0, 1].flatMap(() => [
          [churn, 'all', 'inside', 'importer:example-organisation'],
          [churn, 'eu', 'below-min', 'importer:example-organisation'],
        ]),
      );
      expect(JSON.parse(rows[1].threshold)).toEqual({ min: 0.75 });
      const res = await request(backend.server)
        .get(
          '/api/aims/monitoring/aisystem/default/churn-model?days=30&slice=eu',
        )
        .set(alice);
      expect(res.status).toBe(200);
      expect(res.body.metrics[0]).toMatchObject({
        metric: 'auc',
        status: 'breached',
      });
    });

    it('imports nothing twice when it starts again on the same database', async () => {
      const count = async (table: string) =>
        Number((await databases.aims(table).count({ n: '*' }).first())?.n ?? 0);
      const tables = [
        'aims_impact_assessments',
        'aims_risks',
        'aims_deployment_reports',
        'aims_soa_versions',
        'aims_control_mappings',
        'aims_evidence',
        'aims_audit_log',
        'aims_monitoring_results',
      ];
      const before = await Promise.all(tables.map(count));
      expect(before.every(n => n > 0)).toBe(true);
      await backend.stop();
      backend = await start('organisation', databases);
      expect(await Promise.all(tables.map(count))).toEqual(before);
    });

    it('refuses an approval by the author: the four-eyes rule applies to imports', async () => {
      const fresh = {
        aims: await testDatabases.init(databaseId),
        catalog: await testDatabases.init(databaseId),
      };
      await expect(start('self-approved', fresh)).rejects.toThrow(
        /example-organisation failed: Cannot approve this impact assessment: user:default\/alice .*cannot approve their own .*\(four eyes\)/,
      );
      // the history stops where the workflow refused: saved and submitted, never approved
      expect(
        await fresh
          .aims('aims_impact_assessments')
          .select('version', 'status', 'approved_by'),
      ).toEqual([{ version: 1, status: 'in-review', approved_by: null }]);
    });
  },
);
