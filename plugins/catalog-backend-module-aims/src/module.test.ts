import { Entity } from '@backstage/catalog-model';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
} from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAims from './index';

const location = 'url:https://git.example.com/payments/catalog-info.yaml';
const annotations = {
  'backstage.io/managed-by-location': location,
  'backstage.io/managed-by-origin-location': location,
};

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'risk-ml', annotations },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments', annotations },
    spec: { owner: 'risk-ml' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'risk-ml' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-web', annotations },
    // the other direction: a service declares that it uses the AI system
    spec: {
      type: 'website',
      lifecycle: 'production',
      owner: 'risk-ml',
      dependsOn: ['aisystem:fraud-scorer'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'transactions-dataset', annotations },
    spec: { type: 'dataset', owner: 'risk-ml' },
  },
  {
    apiVersion: 'aims.dev/v1alpha1',
    kind: 'AISystem',
    metadata: { name: 'fraud-scorer', title: 'Fraud scorer', annotations },
    spec: {
      type: 'ml-model',
      lifecycle: 'production',
      owner: 'group:default/risk-ml',
      purpose: 'Scores card payments for fraud likelihood',
      role: 'provider',
      system: 'payments',
      dependencyOf: ['component:default/payments-api'],
      dependsOn: ['resource:default/transactions-dataset'],
      models: [{ name: 'fraud-xgb', version: '3.2.0', provider: 'in-house' }],
      euAiAct: { tier: 'high-risk', annexIIIArea: 'III.5' },
    },
  },
  {
    apiVersion: 'aims.dev/v1alpha1',
    kind: 'AISystem',
    metadata: { name: 'broken-bot', annotations },
    spec: {
      type: 'llm-application',
      lifecycle: 'experimental',
      owner: 'risk-ml',
      purpose: 'Answers questions',
      role: 'operator',
    },
  },
];

const catalogErrors: Array<{
  entity: string;
  errors: Array<{ message: string }>;
}> = [];

const testEntities = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-entities',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        events: eventsServiceRef,
      },
      async init({ catalog, events }) {
        const provider: EntityProvider = {
          getProviderName: () => 'test-entities',
          connect: async connection => {
            await connection.applyMutation({
              type: 'full',
              entities: entities.map(entity => ({
                entity,
                locationKey: 'test',
              })),
            });
          },
        };
        catalog.addEntityProvider(provider);
        await events.subscribe({
          id: 'aims-test',
          topics: ['experimental.catalog.errors'],
          async onEvent(params) {
            catalogErrors.push(params.eventPayload as any);
          },
        });
      },
    });
  },
});

async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await fn();
    if (value !== undefined) return value;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('catalog module: AISystem kind', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const auth = { Authorization: mockCredentials.user.header() };
  const get = (path: string) => request(server).get(path).set(auth);

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [catalogPlugin, catalogModuleAims, testEntities],
    });
    server = backend.server;
  }, 60_000);

  it('ingests a valid AISystem with relations in both directions', async () => {
    const entity = await waitFor(async () => {
      const res = await get(
        '/api/catalog/entities/by-name/aisystem/default/fraud-scorer',
      );
      return res.status === 200 && res.body.relations?.length
        ? res.body
        : undefined;
    }, 'fraud-scorer');
    const relations = entity.relations
      .map((r: any) => `${r.type} ${r.targetRef}`)
      .sort();
    expect(relations).toEqual([
      'dependencyOf component:default/checkout-web',
      'dependencyOf component:default/payments-api',
      'dependsOn resource:default/transactions-dataset',
      'ownedBy group:default/risk-ml',
      'partOf system:default/payments',
    ]);

    const service = await waitFor(async () => {
      const res = await get(
        '/api/catalog/entities/by-name/component/default/payments-api',
      );
      const rel = res.body.relations?.find(
        (r: any) => r.targetRef === 'aisystem:default/fraud-scorer',
      );
      return rel ? res.body : undefined;
    }, 'payments-api dependsOn fraud-scorer');
    expect(service.relations).toContainEqual(
      expect.objectContaining({
        type: 'dependsOn',
        targetRef: 'aisystem:default/fraud-scorer',
      }),
    );

    const group = await get(
      '/api/catalog/entities/by-name/group/default/risk-ml',
    );
    expect(group.body.relations).toContainEqual(
      expect.objectContaining({
        type: 'ownerOf',
        targetRef: 'aisystem:default/fraud-scorer',
      }),
    );
    const system = await get(
      '/api/catalog/entities/by-name/system/default/payments',
    );
    expect(system.body.relations).toContainEqual(
      expect.objectContaining({
        type: 'hasPart',
        targetRef: 'aisystem:default/fraud-scorer',
      }),
    );
    const dataset = await get(
      '/api/catalog/entities/by-name/resource/default/transactions-dataset',
    );
    expect(dataset.body.relations).toContainEqual(
      expect.objectContaining({
        type: 'dependencyOf',
        targetRef: 'aisystem:default/fraud-scorer',
      }),
    );
  });

  it('rejects an invalid AISystem with an error naming the field, without blocking others', async () => {
    const event = await waitFor(
      async () =>
        catalogErrors.find(e => e.entity === 'aisystem:default/broken-bot'),
      'processing error for broken-bot',
    );
    expect(event.errors[0].message).toContain(
      'spec.role must be one of provider, deployer, provider-and-deployer',
    );
    const res = await get(
      '/api/catalog/entities/by-name/aisystem/default/broken-bot',
    );
    expect(res.status).toBe(404);
    // everything else in the same mutation was ingested
    const all = await get('/api/catalog/entities?fields=kind,metadata.name');
    expect(all.body.map((e: any) => e.metadata.name).sort()).toEqual([
      'checkout-web',
      'fraud-scorer',
      'payments',
      'payments-api',
      'risk-ml',
      'transactions-dataset',
    ]);
  });

  it('reports every problem through the catalog validate-entity endpoint', async () => {
    const res = await request(server)
      .post('/api/catalog/validate-entity')
      .set(auth)
      .send({
        location,
        entity: {
          apiVersion: 'aims.dev/v1alpha1',
          kind: 'AISystem',
          metadata: { name: 'no-owner' },
          spec: {
            type: 'agent',
            lifecycle: 'experimental',
            purpose: 'x',
            role: 'deployer',
            euAiAct: { tier: 'scary' },
          },
        },
      });
    expect(res.status).toBe(400);
    const message = JSON.stringify(res.body);
    expect(message).toContain('spec.owner is required');
    expect(message).toContain(
      'spec.euAiAct.tier must be one of prohibited, high-risk',
    );
  });
});
