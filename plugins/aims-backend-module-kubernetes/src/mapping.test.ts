import { ConfigReader } from '@backstage/config';
import { readKubernetesSourceOptions } from './config';
import { ClusterResources, K8sObject, mapComponentObjects } from './mapping';

const observedAt = '2026-11-20T10:00:00.000Z';
const componentRef = 'component:default/payments-api';

const options = (kubernetes: object = {}) =>
  readKubernetesSourceOptions(
    new ConfigReader({ aims: { sources: { kubernetes } } }),
  );

const defaultOptions = options({
  clusterEnvironments: { 'prod-eu': 'production' },
  imagePatterns: [
    {
      pattern:
        '^registry\\.example\\.com/ml/(?<aiSystem>[a-z0-9-]+):(?<version>[0-9][^@]*)$',
      provider: 'in-house',
    },
    {
      pattern: '^ghcr\\.io/acme/fraud-xgb:(?<version>.+)$',
      aiSystem: 'fraud-scorer',
      model: 'fraud-xgb',
    },
  ],
  storageUriPatterns: [
    {
      pattern: '^gs://models/(?<model>[a-z0-9-]+)/(?<version>[^/]+)/?$',
      provider: 'in-house',
    },
  ],
});

const deployment = (
  name: string,
  image: string,
  opts: {
    labels?: Record<string, string>;
    templateLabels?: Record<string, string>;
    annotations?: Record<string, string>;
  } = {},
): K8sObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name,
    namespace: 'payments',
    labels: opts.labels,
    annotations: opts.annotations,
  },
  spec: {
    template: {
      metadata: { labels: opts.templateLabels },
      spec: {
        containers: [
          { name: 'main', image },
          { name: 'sidecar', image: 'envoyproxy/envoy:v1.30' },
        ],
      },
    },
  },
});

const pod = (
  name: string,
  image: string,
  owner?: { kind: string; name: string },
  labels?: Record<string, string>,
): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'payments',
    labels,
    ownerReferences: owner ? [{ ...owner, controller: true }] : undefined,
  },
  spec: { containers: [{ name: 'main', image }] },
});

const isvc = (
  name: string,
  storageUri: string,
  labels?: Record<string, string>,
): K8sObject => ({
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name, namespace: 'models', labels },
  spec: {
    predictor: { model: { modelFormat: { name: 'xgboost' }, storageUri } },
  },
});

const cluster = (
  name: string,
  lists: Record<string, K8sObject[]>,
): ClusterResources => ({
  cluster: { name },
  resources: Object.entries(lists).map(([type, resources]) => ({
    type,
    resources,
  })),
});

const map = (clusters: ClusterResources[], opts = defaultOptions) =>
  mapComponentObjects({ componentRef, clusters, options: opts, observedAt });

describe('mapComponentObjects', () => {
  it('takes AI system and version from labels, environment from the cluster mapping', () => {
    const { observations, warnings } = map([
      cluster('prod-eu', {
        deployments: [
          deployment('fraud', 'registry.example.com/ml/other-system:9.9.9', {
            labels: {
              'aims.dev/ai-system': 'fraud-scorer',
              'aims.dev/model-version': '3.2.0',
            },
          }),
        ],
      }),
    ]);
    expect(warnings).toEqual([]);
    // labels win over the image pattern (which says other-system 9.9.9)
    expect(observations).toEqual([
      {
        component: componentRef,
        environment: 'production',
        aiSystemRef: 'aisystem:default/fraud-scorer',
        version: '3.2.0',
        observedAt,
        evidence: {
          cluster: 'prod-eu',
          namespace: 'payments',
          kind: 'Deployment',
          name: 'fraud',
          image: 'registry.example.com/ml/other-system:9.9.9',
          matchedBy: 'labels',
        },
      },
    ]);
  });

  it('accepts a full ref in an annotation and fills a missing version from the image pattern', () => {
    const { observations } = map([
      cluster('prod-eu', {
        deployments: [
          deployment('fraud', 'ghcr.io/acme/fraud-xgb:3.3.0', {
            annotations: {
              'aims.dev/ai-system': 'AISystem:default/fraud-scorer',
            },
          }),
        ],
      }),
    ]);
    expect(observations).toHaveLength(1);
    expect(observations[0]).toMatchObject({
      aiSystemRef: 'aisystem:default/fraud-scorer',
      version: '3.3.0',
      model: 'fraud-xgb',
    });
  });

  it('reads labels on the pod template and the environment label over the cluster mapping', () => {
    const { observations } = map([
      cluster('prod-eu', {
        statefulsets: [
          {
            ...deployment('ranker', 'busybox', {
              templateLabels: {
                'aims.dev/ai-system': 'ranker',
                environment: 'staging',
              },
            }),
            kind: 'StatefulSet',
          },
        ],
      }),
    ]);
    expect(observations).toEqual([
      expect.objectContaining({
        environment: 'staging',
        aiSystemRef: 'aisystem:default/ranker',
        evidence: expect.objectContaining({
          kind: 'StatefulSet',
          name: 'ranker',
        }),
      }),
    ]);
  });

  it('maps images by pattern (named groups and fixed values) and ignores non-AI workloads', () => {
    const { observations } = map([
      cluster('dev', {
        deployments: [
          deployment('a', 'registry.example.com/ml/churn-predictor:1.4.2'),
          deployment('b', 'ghcr.io/acme/fraud-xgb:3.2.0'),
          deployment('web', 'nginx:1.27'),
        ],
      }),
    ]);
    expect(
      observations.map(o => [
        o.environment,
        o.aiSystemRef,
        o.model,
        o.provider,
        o.version,
      ]),
    ).toEqual([
      [
        'dev',
        'aisystem:default/churn-predictor',
        undefined,
        'in-house',
        '1.4.2',
      ],
      ['dev', 'aisystem:default/fraud-scorer', 'fraud-xgb', undefined, '3.2.0'],
    ]);
    expect(observations[0].evidence).toMatchObject({
      matchedBy: 'imagePattern',
      pattern: 'aims.sources.kubernetes.imagePatterns[0]',
      image: 'registry.example.com/ml/churn-predictor:1.4.2',
    });
  });

  it('reports a canary split as two versions, and pods of the deployments only once', () => {
    const labels = (v: string) => ({
      'aims.dev/ai-system': 'fraud-scorer',
      'aims.dev/model-version': v,
    });
    const { observations } = map([
      cluster('prod-eu', {
        deployments: [
          deployment('fraud-stable', 'img', { labels: labels('3.2.0') }),
          deployment('fraud-canary', 'img', { labels: labels('3.3.0') }),
        ],
        replicasets: [
          {
            metadata: {
              name: 'fraud-stable-5d8f',
              namespace: 'payments',
              ownerReferences: [{ kind: 'Deployment', name: 'fraud-stable' }],
            },
          },
        ],
        pods: [
          pod(
            'fraud-stable-5d8f-x1',
            'img',
            { kind: 'ReplicaSet', name: 'fraud-stable-5d8f' },
            labels('3.2.0'),
          ),
          pod(
            'fraud-stable-5d8f-x2',
            'img',
            { kind: 'ReplicaSet', name: 'fraud-stable-5d8f' },
            labels('3.2.0'),
          ),
          // ReplicaSet not in the answer: its name still points at the deployment
          pod(
            'fraud-canary-77aa-y1',
            'img',
            { kind: 'ReplicaSet', name: 'fraud-canary-77aa' },
            labels('3.3.0'),
          ),
        ],
      }),
    ]);
    expect(
      observations.map(o => [
        o.aiSystemRef,
        o.version,
        (o.evidence as any).kind,
        (o.evidence as any).name,
      ]),
    ).toEqual([
      ['aisystem:default/fraud-scorer', '3.2.0', 'Deployment', 'fraud-stable'],
      ['aisystem:default/fraud-scorer', '3.3.0', 'Deployment', 'fraud-canary'],
    ]);
  });

  it('maps pods whose owner was not fetched, and merges identical observations', () => {
    const labels = {
      'aims.dev/ai-system': 'batch-scorer',
      'aims.dev/model-version': '1.0.0',
    };
    const { observations } = map([
      cluster('prod-eu', {
        pods: [
          pod('job-1-abc', 'img', { kind: 'Job', name: 'job-1' }, labels),
          pod('job-1-def', 'img', { kind: 'Job', name: 'job-1' }, labels),
          pod('bare', 'img', undefined, labels),
        ],
      }),
    ]);
    expect(observations).toHaveLength(1);
    expect(observations[0].evidence).toMatchObject({
      kind: 'Pod',
      name: 'job-1-abc',
    });
  });

  it('maps an InferenceService by storageUri, labels before patterns, and skips what KServe created', () => {
    const { observations } = map([
      cluster('prod-eu', {
        customresources: [
          isvc('fraud-isvc', 'gs://models/fraud-xgb/3.2.0'),
          isvc('labelled', 'gs://models/triage-model/0.0.1', {
            'aims.dev/ai-system': 'claims-triage',
            'aims.dev/model-version': '2.0',
          }),
        ],
        deployments: [
          {
            ...deployment('fraud-isvc-predictor', 'kserve/xgbserver:v0.14', {
              labels: { 'serving.kserve.io/inferenceservice': 'fraud-isvc' },
            }),
            metadata: {
              name: 'fraud-isvc-predictor',
              namespace: 'models',
              labels: {
                'serving.kserve.io/inferenceservice': 'fraud-isvc',
                'aims.dev/ai-system': 'dup',
              },
            },
          },
        ],
      }),
    ]);
    expect(
      observations.map(o => [
        o.aiSystemRef,
        o.model,
        o.provider,
        o.version,
        (o.evidence as any).matchedBy,
      ]),
    ).toEqual([
      // model-only observations sort first; labels win, the storageUri pattern fills the model
      [undefined, 'fraud-xgb', 'in-house', '3.2.0', 'storageUriPattern'],
      [
        'aisystem:default/claims-triage',
        'triage-model',
        'in-house',
        '2.0',
        'labels',
      ],
    ]);
    expect(observations[0].evidence).toEqual({
      cluster: 'prod-eu',
      namespace: 'models',
      kind: 'InferenceService',
      name: 'fraud-isvc',
      storageUri: 'gs://models/fraud-xgb/3.2.0',
      modelFormat: 'xgboost',
      matchedBy: 'storageUriPattern',
      pattern: 'aims.sources.kubernetes.storageUriPatterns[0]',
    });
  });

  it('turns an unmapped InferenceService into a model-only observation named after the resource', () => {
    const { observations } = map([
      cluster('prod-eu', {
        customresources: [isvc('mystery-llm', 's3://bucket/whatever')],
      }),
    ]);
    expect(observations).toEqual([
      {
        component: componentRef,
        environment: 'production',
        model: 'mystery-llm',
        observedAt,
        evidence: expect.objectContaining({
          matchedBy: 'resourceName',
          storageUri: 's3://bucket/whatever',
        }),
      },
    ]);
  });

  it('reads legacy framework storageUri keys and other custom resources are ignored', () => {
    const legacy: K8sObject = {
      apiVersion: 'serving.kserve.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: 'old', namespace: 'models' },
      spec: { predictor: { sklearn: { storageUri: 'gs://models/iris/1.0' } } },
    };
    const other: K8sObject = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'x' },
    };
    const { observations } = map([
      cluster('dev', { customresources: [legacy, other] }),
    ]);
    expect(observations.map(o => [o.model, o.version])).toEqual([
      ['iris', '1.0'],
    ]);
  });

  it('warns and ignores an ai-system label that is not an AISystem ref', () => {
    const { observations, warnings } = map([
      cluster('dev', {
        deployments: [
          deployment('x', 'nginx', {
            annotations: { 'aims.dev/ai-system': 'component:default/foo' },
          }),
        ],
      }),
    ]);
    expect(observations).toEqual([]);
    expect(warnings[0]).toContain(
      "'component:default/foo' is not an AISystem ref",
    );
  });
});

describe('readKubernetesSourceOptions', () => {
  it('has defaults', () => {
    expect(options()).toEqual({
      environmentLabel: 'environment',
      clusterEnvironments: {},
      imagePatterns: [],
      storageUriPatterns: [],
      concurrency: 4,
    });
  });

  it.each([
    [
      { imagePatterns: [{ pattern: '([a-z' }] },
      'Invalid config aims.sources.kubernetes.imagePatterns[0].pattern:',
    ],
    [
      { imagePatterns: [{ model: 'x' }] },
      'Invalid config aims.sources.kubernetes.imagePatterns[0].pattern: a regular expression is required',
    ],
    [
      { storageUriPatterns: [{ pattern: '(?<ai_system>.+)' }] },
      "Invalid config aims.sources.kubernetes.storageUriPatterns[0].pattern: unknown named group(s) 'ai_system'",
    ],
    [
      {
        imagePatterns: [
          { pattern: 'a', model: 'm' },
          { pattern: ':(?<version>.+)' },
        ],
      },
      'Invalid config aims.sources.kubernetes.imagePatterns[1]: the pattern must capture',
    ],
    [
      { clusterEnvironments: { prod: { x: 1 } } },
      'Invalid config aims.sources.kubernetes.clusterEnvironments.prod',
    ],
    [{ concurrency: 0 }, 'Invalid config aims.sources.kubernetes.concurrency'],
  ])(
    'rejects bad config %j with a message naming the key',
    (kubernetes, message) => {
      expect(() => options(kubernetes)).toThrow(message);
    },
  );
});
