import {
  createBackendModule,
  createBackendPlugin,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
} from '@backstage/plugin-catalog-node';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  AppsV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import {
  DeploymentObservationInput,
  DeploymentSource,
  deploymentSourcesExtensionPoint,
} from '@aims-backstage/backstage-plugin-aims-node';
import aimsModuleKubernetes from './index';
import {
  FakeKubernetesApiServer,
  KubeObject,
} from './testing/FakeKubernetesApiServer';

jest.setTimeout(120_000);

// ------------------------------------------------------------------ catalog test entities

const location = 'url:https://git.example.com/org/catalog-info.yaml';
const annotations = {
  'backstage.io/managed-by-location': location,
  'backstage.io/managed-by-origin-location': location,
};
const component = (
  name: string,
  extra: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { ...annotations, ...extra } },
  spec: { type: 'service', lifecycle: 'production', owner: 'risk-ml' },
});
const aiSystem = (
  name: string,
  dependencyOf: string,
  version: string,
): Entity => ({
  apiVersion: 'aims.dev/v1alpha1',
  kind: 'AISystem',
  metadata: { name, annotations },
  spec: {
    type: 'ml-model',
    lifecycle: 'production',
    owner: 'group:default/risk-ml',
    purpose: 'Test system',
    role: 'provider',
    dependencyOf: [dependencyOf],
    models: [{ name: `${name}-model`, version, provider: 'in-house' }],
    deployments: [{ environment: 'production', version }],
  },
});

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'risk-ml', annotations },
    spec: { type: 'team', children: [] },
  },
  component('payments-api', { 'backstage.io/kubernetes-id': 'payments-api' }),
  component('claims-intake-api', {
    'backstage.io/kubernetes-id': 'claims-intake',
    'backstage.io/kubernetes-namespace': 'claims',
  }),
  component('web-frontend', { 'backstage.io/kubernetes-id': 'web-frontend' }),
  component('no-kubernetes'),
  aiSystem('fraud-scorer', 'component:default/payments-api', '3.2.0'),
  aiSystem('claims-triage', 'component:default/claims-intake-api', '2.1.0'),
];

const testEntities = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aims-k8s-test-entities',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        const provider: EntityProvider = {
          getProviderName: () => 'aims-k8s-test-entities',
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
      },
    });
  },
});

// ------------------------------------------------------------------ a stand-in aims plugin

// @aims-backstage/backstage-plugin-aims-backend does not consume deploymentSourcesExtensionPoint yet; this
// plugin takes its place (same plugin id) and captures the registered sources.
const captured: DeploymentSource[] = [];
const fakeAimsPlugin = createBackendPlugin({
  pluginId: 'aims',
  register(env) {
    env.registerExtensionPoint(deploymentSourcesExtensionPoint, {
      addDeploymentSource(...sources) {
        captured.push(...sources);
      },
    });
    env.registerInit({ deps: {}, async init() {} });
  },
});

// ------------------------------------------------------------------ the two fake clusters

const id = (serviceId: string) => ({ 'backstage.io/kubernetes-id': serviceId });

const deployment = (
  name: string,
  namespace: string,
  labels: Record<string, string>,
  image: string,
): KubeObject => ({
  metadata: { name, namespace, labels },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { ...labels, app: name } },
      spec: {
        containers: [
          {
            name: 'main',
            image,
            resources: { requests: { cpu: '100m', memory: '128Mi' } },
          },
        ],
      },
    },
  },
  status: { replicas: 2, readyReplicas: 2 },
});

const fraudLabels = (version: string) => ({
  ...id('payments-api'),
  'aims.dev/ai-system': 'fraud-scorer',
  'aims.dev/model-version': version,
});

// prod-eu: payments-api runs fraud-scorer as a canary (3.2.0 stable, 3.3.0 canary); metrics-server on
const prodEu = new FakeKubernetesApiServer('prod-eu')
  .add(
    'deployments',
    deployment(
      'fraud-scorer',
      'payments',
      fraudLabels('3.2.0'),
      'registry.example.com/ml/fraud-scorer:3.2.0',
    ),
    deployment(
      'fraud-scorer-canary',
      'payments',
      fraudLabels('3.3.0'),
      'registry.example.com/ml/fraud-scorer:3.3.0',
    ),
    deployment('payments-web', 'payments', id('payments-api'), 'nginx:1.27'),
    // another service's AI workload: must not show up (label selector)
    deployment(
      'churn',
      'marketing',
      { ...id('marketing-api'), 'aims.dev/ai-system': 'churn' },
      'x:1',
    ),
  )
  .add('replicasets', {
    metadata: {
      name: 'fraud-scorer-6d5f8',
      namespace: 'payments',
      labels: fraudLabels('3.2.0'),
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'fraud-scorer',
          uid: 'u1',
          controller: true,
        },
      ],
    },
  })
  .add(
    'pods',
    ...['a1', 'b2'].map(suffix => ({
      metadata: {
        name: `fraud-scorer-6d5f8-${suffix}`,
        namespace: 'payments',
        labels: fraudLabels('3.2.0'),
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: 'fraud-scorer-6d5f8',
            uid: 'u2',
            controller: true,
          },
        ],
      },
      spec: {
        containers: [
          {
            name: 'main',
            image: 'registry.example.com/ml/fraud-scorer:3.2.0',
            resources: { requests: { cpu: '100m', memory: '128Mi' } },
          },
        ],
      },
      status: { phase: 'Running' },
    })),
  );
prodEu.metrics = true;

// dev: claims-intake (namespace `claims`): an image-pattern workload, a KServe InferenceService
// mapped by storageUri and an unmapped one; no metrics-server (metrics.k8s.io answers 404)
const isvc = (
  name: string,
  storageUri: string,
  namespace = 'claims',
): KubeObject => ({
  metadata: { name, namespace, labels: id('claims-intake') },
  spec: {
    predictor: { model: { modelFormat: { name: 'huggingface' }, storageUri } },
  },
  status: { url: `http://${name}.${namespace}.example.com` },
});
const dev = new FakeKubernetesApiServer('dev')
  .add(
    'deployments',
    deployment(
      'triage-worker',
      'claims',
      { ...id('claims-intake'), environment: 'staging' },
      'registry.example.com/ml/claims-triage:2.1.0',
    ),
    // same service id in another namespace: the component's namespace annotation excludes it
    deployment(
      'triage-worker',
      'sandbox',
      id('claims-intake'),
      'registry.example.com/ml/claims-triage:0.0.1-dev',
    ),
  )
  .add(
    'inferenceservices',
    isvc(
      'claims-triage-llm',
      'gs://aims-models/claims-triage/triage-llm/2.2.0',
    ),
    isvc('shadow-summariser', 'hf://mistralai/Mistral-7B-Instruct-v0.3'),
  );

// ------------------------------------------------------------------ backend

const logger: LoggerService = mockServices.logger.mock();

async function bootBackend() {
  return startTestBackend({
    features: [
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [prodEu, dev].map(s => ({
                  name: s.name,
                  url: s.url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'dummy-token',
                  skipTLSVerify: true,
                })),
              },
            ],
            customResources: [
              {
                group: 'serving.kserve.io',
                apiVersion: 'v1beta1',
                plural: 'inferenceservices',
              },
            ],
          },
          aims: {
            sources: {
              kubernetes: {
                clusterEnvironments: { 'prod-eu': 'production' },
                imagePatterns: [
                  {
                    pattern:
                      '^registry\\.example\\.com/ml/(?<aiSystem>[a-z0-9-]+):(?<version>[^@]+)$',
                  },
                ],
                storageUriPatterns: [
                  {
                    pattern:
                      '^gs://aims-models/(?<aiSystem>[a-z0-9-]+)/(?<model>[a-z0-9-]+)/(?<version>[^/]+)$',
                    provider: 'in-house',
                  },
                  { pattern: '^hf://(?<provider>[^/]+)/(?<model>[^/]+)$' },
                ],
              },
            },
          },
        },
      }),
      catalogPlugin,
      catalogModuleAims,
      testEntities,
      kubernetesPlugin,
      fakeAimsPlugin,
      aimsModuleKubernetes,
    ],
  });
}

describe('aims-backend-module-kubernetes against a fake apiserver', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let source: DeploymentSource;

  const collect = () => source.collect({ logger });
  const summary = (observations: DeploymentObservationInput[]) =>
    observations.map(o =>
      [
        o.component,
        o.environment,
        o.aiSystemRef ?? '-',
        o.model ?? '-',
        o.provider ?? '-',
        o.version ?? '-',
      ].join(' '),
    );

  beforeAll(async () => {
    await prodEu.start();
    await dev.start();
    backend = await bootBackend();
    source = captured[0];
    // wait for the catalog to ingest the test entities
    for (let i = 0; i < 300; i++) {
      const res = await fetch(
        `http://localhost:${backend.server.port()}/api/catalog/entities/by-name/component/default/claims-intake-api`,
        { headers: { Authorization: mockCredentials.user.header() } },
      );
      if (res.ok) break;
      await new Promise(r => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    await backend?.stop();
    await prodEu.stop();
    await dev.stop();
  });

  beforeEach(() => {
    prodEu.failure = undefined;
    dev.failure = undefined;
    prodEu.requests.length = 0;
    dev.requests.length = 0;
  });

  it('the fake apiserver answers @kubernetes/client-node like a real one', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'dev', server: dev.url, skipTLSVerify: true }],
      users: [{ name: 'reader', token: 'dummy-token' }],
      contexts: [{ name: 'dev', cluster: 'dev', user: 'reader' }],
      currentContext: 'dev',
    });
    const apps = kc.makeApiClient(AppsV1Api);
    const all = await apps.listDeploymentForAllNamespaces({
      labelSelector: 'backstage.io/kubernetes-id=claims-intake',
    });
    expect(
      all.items.map(d => `${d.metadata?.namespace}/${d.metadata?.name}`).sort(),
    ).toEqual(['claims/triage-worker', 'sandbox/triage-worker']);
    expect(all.metadata?.resourceVersion).toMatch(/^\d+$/);
    const namespaced = await apps.listNamespacedDeployment({
      namespace: 'claims',
      labelSelector:
        'backstage.io/kubernetes-id=claims-intake,environment=staging',
    });
    expect(
      namespaced.items.map(d => d.spec?.template.spec?.containers[0].image),
    ).toEqual(['registry.example.com/ml/claims-triage:2.1.0']);
    const custom = kc.makeApiClient(CustomObjectsApi);
    const isvcs = await custom.listClusterCustomObject({
      group: 'serving.kserve.io',
      version: 'v1beta1',
      plural: 'inferenceservices',
      labelSelector: 'backstage.io/kubernetes-id!=claims-intake',
    });
    expect(isvcs).toMatchObject({ kind: 'InferenceServiceList', items: [] });
    dev.failure = { status: 403 };
    await expect(apps.listDeploymentForAllNamespaces()).rejects.toMatchObject({
      code: 403,
    });
  });

  it('registers one source `kubernetes` with the default schedule (every 5 minutes, 2 minute timeout)', () => {
    expect(captured.map(s => s.id)).toEqual(['kubernetes']);
    expect(source.schedule).toMatchObject({
      frequency: { minutes: 5 },
      timeout: { minutes: 2 },
    });
  });

  it('maps workloads and InferenceServices read through the Kubernetes plugin to observations', async () => {
    const observations = await collect();
    expect(summary(observations).sort()).toEqual(
      [
        // labelled Deployments on prod-eu, a canary split: two versions of one system
        'component:default/payments-api production aisystem:default/fraud-scorer - - 3.2.0',
        'component:default/payments-api production aisystem:default/fraud-scorer - - 3.3.0',
        // an image-pattern match, environment from the workload label
        'component:default/claims-intake-api staging aisystem:default/claims-triage - - 2.1.0',
        // a KServe InferenceService via storageUri (dev cluster has no environment mapping)
        'component:default/claims-intake-api dev aisystem:default/claims-triage triage-llm in-house 2.2.0',
        // an InferenceService no AISystem is named for: model only
        'component:default/claims-intake-api dev - Mistral-7B-Instruct-v0.3 mistralai -',
      ].sort(),
    );
    // evidence points at what was seen
    const isvcObs = observations.find(o => o.model === 'triage-llm')!;
    expect(isvcObs.evidence).toEqual({
      cluster: 'dev',
      namespace: 'claims',
      kind: 'InferenceService',
      name: 'claims-triage-llm',
      storageUri: 'gs://aims-models/claims-triage/triage-llm/2.2.0',
      modelFormat: 'huggingface',
      matchedBy: 'storageUriPattern',
      pattern: 'aims.sources.kubernetes.storageUriPatterns[0]',
    });
    const canary = observations.find(o => o.version === '3.3.0')!;
    expect(canary.evidence).toMatchObject({
      cluster: 'prod-eu',
      kind: 'Deployment',
      name: 'fraud-scorer-canary',
    });
    expect(Date.parse(canary.observedAt)).not.toBeNaN();

    // the fake apiserver saw label-selected lists, cluster-wide and namespaced, with the token
    expect(prodEu.requests).toContainEqual({
      method: 'GET',
      path: '/apis/apps/v1/deployments',
      labelSelector: 'backstage.io/kubernetes-id=payments-api',
      authorization: 'Bearer dummy-token',
      status: 200,
    });
    expect(dev.requests).toContainEqual(
      expect.objectContaining({
        path: '/apis/serving.kserve.io/v1beta1/namespaces/claims/inferenceservices',
        labelSelector: 'backstage.io/kubernetes-id=claims-intake',
        status: 200,
      }),
    );
    expect(dev.requests).toContainEqual(
      expect.objectContaining({
        path: '/apis/apps/v1/namespaces/claims/deployments',
        status: 200,
      }),
    );
    // web-frontend was asked for too (nothing AI there)
    expect(prodEu.requests.map(r => r.labelSelector)).toContain(
      'backstage.io/kubernetes-id=web-frontend',
    );
    // the real plugin read pod metrics on prod-eu; dev has no metrics-server, which is not fatal
    expect(
      prodEu.requests.some(
        r => r.path === '/apis/metrics.k8s.io/v1beta1/namespaces/payments/pods',
      ),
    ).toBe(true);
    expect(
      dev.unknownPaths.every(p => p.startsWith('/apis/metrics.k8s.io/')),
    ).toBe(true);
    expect(prodEu.unknownPaths).toEqual([]);
  });

  it.each([
    [500, 'SYSTEM_ERROR 500'],
    [403, 'UNKNOWN_ERROR 403'],
  ] as const)(
    'throws when a cluster answers %s, naming the cluster',
    async (code, detail) => {
      dev.failure = { status: code, plural: 'deployments' };
      const error = await collect().then(
        () => undefined,
        e => e as Error,
      );
      expect(error?.message).toMatch(
        /^Kubernetes source failed for 3 of 3 component\(s\): /,
      );
      // every component is looked up in every cluster (multiTenant): all name the failing one
      expect(error?.message).toContain(
        `Kubernetes errors for component:default/claims-intake-api: cluster 'dev': ${detail} /apis/apps/v1/namespaces/claims/deployments`,
      );
      expect(error?.message).toContain(
        `Kubernetes errors for component:default/payments-api: cluster 'dev': ${detail} /apis/apps/v1/deployments`,
      );
      expect(error?.message).not.toContain("'prod-eu'");
    },
  );

  it('only asks the Kubernetes plugin about components with backstage.io/kubernetes-id', async () => {
    await collect();
    const selectors = new Set(prodEu.requests.map(r => r.labelSelector));
    expect([...selectors].sort()).toEqual([
      'backstage.io/kubernetes-id=claims-intake',
      'backstage.io/kubernetes-id=payments-api',
      'backstage.io/kubernetes-id=web-frontend',
    ]);
  });

  it('throws when the InferenceService list fails', async () => {
    prodEu.failure = { status: 403, plural: 'inferenceservices' };
    await expect(collect()).rejects.toThrow(
      "cluster 'prod-eu': UNKNOWN_ERROR 403 /apis/serving.kserve.io/v1beta1/inferenceservices",
    );
  });

  it('ignores errors on resources it does not read', async () => {
    prodEu.failure = { status: 403, plural: 'configmaps' };
    await expect(collect()).resolves.toHaveLength(5);
  });

  it('throws when a cluster is unreachable', async () => {
    const port = Number(new URL(dev.url).port);
    await dev.stop();
    try {
      await expect(collect()).rejects.toThrow(
        /cluster 'dev': FETCH_ERROR .*ECONNREFUSED/,
      );
    } finally {
      await dev.start(port);
    }
  });
});
