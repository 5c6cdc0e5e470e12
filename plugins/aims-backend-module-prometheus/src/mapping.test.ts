import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { readPrometheusSourceOptions } from './config';
import {
  genAiUsageQuery,
  indexComponents,
  readDeclaredQueries,
  serviceNamesOf,
  targetInfoQuery,
  toGenAiObservations,
  toMonitoringResults,
} from './mapping';
import { parseQueryResponse } from './PrometheusClient';
import badData from './__fixtures__/bad-data.json';
import duplicateSlices from './__fixtures__/duplicate-slices.json';
import matrix from './__fixtures__/matrix.json';
import nan from './__fixtures__/nan.json';
import scalar from './__fixtures__/scalar.json';
import slices from './__fixtures__/slices.json';
import targetInfo from './__fixtures__/target-info.json';
import usageDuration from './__fixtures__/usage-duration-count.json';
import usageEmpty from './__fixtures__/usage-empty.json';
import usageTokens from './__fixtures__/usage-token-count.json';

// The fixtures are answers of a real Prometheus 2.42 scraping OpenTelemetry JS SDK exporters:
// `claims` (service.name claims-intake-api only in target_info) and `chat` (service.name and
// deployment.environment.name on every series, withResourceConstantLabels).

const vector = (fixture: unknown) => {
  const data = parseQueryResponse(fixture, 200);
  if (data.resultType !== 'vector') throw new Error('not a vector');
  return data.result;
};

const aiSystem = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'aims.dev/v1alpha1',
  kind: 'AISystem',
  metadata: { name: 'fraud-scorer', annotations },
  spec: {},
});
const component = (
  name: string,
  annotations: Record<string, string> = {},
  namespace = 'default',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace, annotations },
  spec: {},
});

describe('readDeclaredQueries', () => {
  it('reads prometheus.aims.dev/query.<metric> and the environment annotation', () => {
    expect(
      readDeclaredQueries(
        aiSystem({
          'prometheus.aims.dev/query.auc': ' max by (slice) (fraud_auc) ',
          'prometheus.aims.dev/query.p95_latency.s':
            'histogram_quantile(0.95, x)',
          'prometheus.aims.dev/environment': 'staging',
          'backstage.io/techdocs-ref': 'dir:.',
        }),
        'production',
      ),
    ).toEqual({
      entityRef: 'aisystem:default/fraud-scorer',
      environment: 'staging',
      queries: [
        {
          metric: 'auc',
          query: 'max by (slice) (fraud_auc)',
          annotation: 'prometheus.aims.dev/query.auc',
        },
        {
          metric: 'p95_latency.s',
          query: 'histogram_quantile(0.95, x)',
          annotation: 'prometheus.aims.dev/query.p95_latency.s',
        },
      ],
      problems: [],
    });
  });

  it('names the entity and annotation of bad declarations and keeps the good ones', () => {
    const declared = readDeclaredQueries(
      aiSystem({
        'prometheus.aims.dev/query.AUC': 'x',
        'prometheus.aims.dev/query.': 'x',
        'prometheus.aims.dev/query.empty': '  ',
        'prometheus.aims.dev/query.ok': 'up',
        'prometheus.aims.dev/environment': '',
      }),
      'production',
    );
    expect(declared.environment).toBe('production');
    expect(declared.queries.map(q => q.metric)).toEqual(['ok']);
    expect(declared.problems).toEqual([
      "aisystem:default/fraud-scorer: annotation prometheus.aims.dev/environment is empty; using 'production'",
      "aisystem:default/fraud-scorer: annotation prometheus.aims.dev/query.AUC is ignored: the metric name 'AUC' must match [a-z0-9_.-]+",
      "aisystem:default/fraud-scorer: annotation prometheus.aims.dev/query. is ignored: the metric name '' must match [a-z0-9_.-]+",
      'aisystem:default/fraud-scorer: annotation prometheus.aims.dev/query.empty is ignored: the PromQL query is empty',
    ]);
  });
});

describe('toMonitoringResults (recorded answers)', () => {
  const query = {
    metric: 'auc',
    query: 'max by (slice) (fraud_auc)',
    annotation: 'prometheus.aims.dev/query.auc',
  };
  const map = (fixture: unknown) =>
    toMonitoringResults({
      entityRef: 'aisystem:default/fraud-scorer',
      environment: 'production',
      query,
      data: parseQueryResponse(fixture, 200),
    });

  it('one result per series, the slice label as the slice, observedAt to the second', () => {
    expect(map(slices)).toEqual({
      results: [
        {
          entityRef: 'aisystem:default/fraud-scorer',
          environment: 'production',
          metric: 'auc',
          value: 0.91,
          observedAt: '2026-12-01T01:14:09.000Z',
          slice: 'eu',
        },
        {
          entityRef: 'aisystem:default/fraud-scorer',
          environment: 'production',
          metric: 'auc',
          value: 0.84,
          observedAt: '2026-12-01T01:14:09.000Z',
          slice: 'uk',
        },
      ],
      warnings: [],
    });
  });

  it('a scalar is one result without a slice', () => {
    expect(map(scalar).results).toEqual([
      expect.objectContaining({
        value: 0.5,
        observedAt: '2026-12-01T01:13:51.000Z',
      }),
    ]);
    expect(map(scalar).results[0]).not.toHaveProperty('slice');
  });

  it('skips NaN with a warning naming entity and annotation', () => {
    expect(map(nan)).toEqual({
      results: [],
      warnings: [
        'aisystem:default/fraud-scorer: annotation prometheus.aims.dev/query.auc: value NaN is not a number; skipped',
      ],
    });
    const inf = {
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          { metric: { slice: 'eu' }, value: [1796087649.73, '+Inf'] },
          { metric: { slice: 'uk' }, value: [1796087649.73, '-Inf'] },
          { metric: { slice: 'fr' }, value: [1796087649.73, '1e-3'] },
        ],
      },
    };
    expect(map(inf).results.map(r => [r.slice, r.value])).toEqual([
      ['fr', 0.001],
    ]);
    expect(map(inf).warnings).toHaveLength(2);
  });

  it('skips a slice that several series report (ambiguous) and says how to aggregate', () => {
    const { results, warnings } = map(duplicateSlices);
    expect(results).toEqual([]);
    expect(warnings).toEqual([
      "aisystem:default/fraud-scorer: annotation prometheus.aims.dev/query.auc: 2 series for slice 'eu'; aggregate them in the query (e.g. avg by (slice) (…)); skipped",
      "aisystem:default/fraud-scorer: annotation prometheus.aims.dev/query.auc: 2 series for slice 'uk'; aggregate them in the query (e.g. avg by (slice) (…)); skipped",
    ]);
  });

  it('reports nothing, with a warning, for an empty answer or a range vector', () => {
    expect(map(usageEmpty)).toEqual({
      results: [],
      warnings: [
        'aisystem:default/fraud-scorer: annotation prometheus.aims.dev/query.auc: the query returned no series; nothing reported',
      ],
    });
    expect(map(matrix).warnings).toEqual([
      'aisystem:default/fraud-scorer: annotation prometheus.aims.dev/query.auc: the query returns a matrix, not an instant vector or scalar; nothing reported',
    ]);
  });
});

describe('parseQueryResponse', () => {
  it('a refused query is a query error; anything not the API is Prometheus unavailable', () => {
    expect(() => parseQueryResponse(badData, 400)).toThrow(
      expect.objectContaining({
        name: 'PrometheusQueryError',
        errorType: 'bad_data',
        message:
          'bad_data: invalid parameter "query": 1:5: parse error: unclosed left parenthesis',
      }),
    );
    expect(() =>
      parseQueryResponse(
        { status: 'error', errorType: 'timeout', error: 'query timed out' },
        503,
      ),
    ).toThrow(expect.objectContaining({ name: 'PrometheusUnavailableError' }));
    for (const body of [
      null,
      'ok',
      { data: [] },
      { status: 'success', data: { resultType: 'vector', result: [{}] } },
      {
        status: 'success',
        data: {
          resultType: 'vector',
          result: [{ metric: {}, value: ['1', 2] }],
        },
      },
      { status: 'success', data: { resultType: 'histogram' } },
    ]) {
      expect(() => parseQueryResponse(body, 200)).toThrow(
        expect.objectContaining({ name: 'PrometheusUnavailableError' }),
      );
    }
  });
});

describe('GenAI usage', () => {
  it('queries each counter for growth or appearance within the window', () => {
    expect(genAiUsageQuery('gen_ai_client_token_usage_count', 3_600_000)).toBe(
      `count by (job, instance, service_name, gen_ai_request_model, gen_ai_provider_name, gen_ai_system) (
  (increase(gen_ai_client_token_usage_count[3600s]) > 0)
  or
  (gen_ai_client_token_usage_count unless gen_ai_client_token_usage_count offset 3600s)
)`,
    );
    expect(targetInfoQuery(600_000, 'deployment_environment_name')).toBe(
      'max by (job, instance, service_name, deployment_environment_name) (last_over_time(target_info[600s]))',
    );
  });

  const components = indexComponents([
    component('claims-intake-api'),
    component('support-bot', {
      'prometheus.aims.dev/service-name': 'chat-svc',
    }),
    // a component named like a service another one claims by annotation: the annotation wins
    component('chat-svc'),
  ]);

  const observe = (environmentLabel?: string) =>
    toGenAiObservations({
      usage: [
        {
          metric: 'gen_ai_client_token_usage_count',
          samples: vector(usageTokens),
        },
        {
          metric: 'gen_ai_client_operation_duration_count',
          samples: vector(usageDuration),
        },
        {
          metric: 'gen_ai_client_operation_duration_seconds_count',
          samples: vector(usageEmpty),
        },
      ],
      targetInfo: vector(targetInfo),
      components,
      environment: 'production',
      environmentLabel,
      windowMs: 3_600_000,
      observedAt: '2026-11-30T16:34:10.000Z',
    });

  it('maps (service, model, provider) to observations on components, by name or annotation', () => {
    const { observations, unmapped, warnings } = observe(
      'deployment_environment_name',
    );
    expect(unmapped).toEqual([]);
    expect(warnings).toEqual([]);
    expect(
      observations.map(o =>
        [o.component, o.environment, o.model, o.provider].join(' '),
      ),
    ).toEqual([
      'component:default/support-bot staging gpt-4o-mini openai',
      'component:default/claims-intake-api production gpt-4o openai',
      // the older gen_ai.system attribute names the provider
      'component:default/claims-intake-api production claude-3-5-sonnet anthropic',
    ]);
    expect(observations[0]).toEqual({
      component: 'component:default/support-bot',
      environment: 'staging',
      model: 'gpt-4o-mini',
      provider: 'openai',
      observedAt: '2026-11-30T16:34:10.000Z',
      evidence: {
        source: 'prometheus',
        service: 'chat-svc',
        metric: 'gen_ai_client_token_usage_count',
        // both counters saw the call: one observation
        metrics: [
          'gen_ai_client_token_usage_count',
          'gen_ai_client_operation_duration_count',
        ],
        labels: {
          job: 'chat',
          instance: '127.0.0.1:19602',
          service_name: 'chat-svc',
          gen_ai_request_model: 'gpt-4o-mini',
          gen_ai_provider_name: 'openai',
          deployment_environment_name: 'staging',
        },
        window: '3600s',
      },
    });
  });

  it('names the services seen, to read only the components that can match them', () => {
    expect(
      serviceNamesOf(
        [
          { metric: 'a', samples: vector(usageTokens) },
          { metric: 'b', samples: vector(usageDuration) },
        ],
        vector(targetInfo),
      ),
    ).toEqual(['chat-svc', 'claims-intake-api']);
    // without target_info the job stands in for the service
    expect(
      serviceNamesOf([{ metric: 'a', samples: vector(usageTokens) }], []),
    ).toEqual(['chat-svc', 'claims']);
  });

  it('uses the configured environment when no environment label is configured', () => {
    expect(new Set(observe().observations.map(o => o.environment))).toEqual(
      new Set(['production']),
    );
  });

  it('skips and names services no component is for, or that several claim', () => {
    const { observations, unmapped, warnings } = toGenAiObservations({
      usage: [
        {
          metric: 'm',
          samples: [
            {
              metric: { job: 'ns/orders', gen_ai_request_model: 'a' },
              value: [1, '1'],
            },
            {
              metric: { service_name: 'lost', gen_ai_request_model: 'b' },
              value: [1, '1'],
            },
            {
              metric: { service_name: 'twice', gen_ai_system: 'openai' },
              value: [1, '1'],
            },
            { metric: { service_name: 'orders' }, value: [1, '1'] },
            { metric: { gen_ai_request_model: 'c' }, value: [1, '1'] },
          ],
        },
      ],
      targetInfo: [],
      components: indexComponents([
        component('orders', {}, 'shop'),
        component('a', { 'prometheus.aims.dev/service-name': 'twice' }),
        component('b', { 'prometheus.aims.dev/service-name': 'twice' }),
      ]),
      environment: 'production',
      windowMs: 60_000,
      observedAt: '2026-11-30T16:34:10.000Z',
    });
    // the Collector's job is service.namespace/service.name: the last segment is the service
    expect(observations.map(o => `${o.component} ${o.model}`)).toEqual([
      'component:shop/orders a',
    ]);
    expect(unmapped).toEqual(['lost', 'twice']);
    expect(warnings).toEqual([
      "service 'orders': a m series names no model (gen_ai_request_model) and no provider (gen_ai_provider_name / gen_ai_system); skipped",
      'a m series has no service_name, target_info or job label; skipped',
      "service 'lost' matches no catalog Component (by name or annotation prometheus.aims.dev/service-name)",
      "service 'twice' is claimed by several components: component:default/a, component:default/b",
    ]);
  });

  it('a name shared by components in two namespaces is ambiguous', () => {
    const index = indexComponents([
      component('api', {}, 'team-a'),
      component('api', {}, 'team-b'),
      component('x', { 'prometheus.aims.dev/service-name': 'dup' }),
      component('y', { 'prometheus.aims.dev/service-name': 'dup' }),
    ]);
    expect(index.resolve('api').problem).toMatch(/matches several components/);
    expect(index.problems).toEqual([
      "service 'dup' is claimed by component:default/x, component:default/y (annotation prometheus.aims.dev/service-name); it maps to none of them",
    ]);
  });
});

describe('readPrometheusSourceOptions', () => {
  const read = (prometheus: unknown) =>
    readPrometheusSourceOptions(
      new ConfigReader({ aims: { prometheus } } as any),
    );

  it('defaults', () => {
    expect(read({ baseUrl: 'http://prometheus:9090/' })).toEqual({
      connection: {
        baseUrl: 'http://prometheus:9090',
        headers: {},
        timeoutMs: 30_000,
      },
      concurrency: 4,
      monitoring: {
        schedule: {
          frequency: { minutes: 5 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 30 },
        },
      },
      genai: {
        enabled: true,
        schedule: {
          frequency: { minutes: 10 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 30 },
        },
        windowMs: 3_600_000,
        environment: 'production',
        environmentLabel: undefined,
        metrics: [
          'gen_ai_client_token_usage_count',
          'gen_ai_client_operation_duration_count',
          'gen_ai_client_operation_duration_seconds_count',
        ],
      },
    });
  });

  it('headers, bearer token, durations in any Backstage form', () => {
    const options = read({
      baseUrl: 'https://mimir.example.com/prometheus',
      headers: { 'X-Scope-OrgID': 'ml' },
      bearerToken: 'secret',
      timeout: 'PT10S',
      genai: {
        window: { hours: 2 },
        environment: 'prod',
        schedule: { frequency: 'PT1M', timeout: '30s' },
      },
    });
    expect(options.connection).toEqual({
      baseUrl: 'https://mimir.example.com/prometheus',
      headers: { 'X-Scope-OrgID': 'ml', Authorization: 'Bearer secret' },
      timeoutMs: 10_000,
    });
    expect(options.genai).toMatchObject({
      windowMs: 7_200_000,
      environment: 'prod',
      schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
    });
  });

  it.each([
    [undefined, 'Missing config aims.prometheus.baseUrl'],
    [
      { baseUrl: 'not a url' },
      "Invalid config aims.prometheus.baseUrl: 'not a url' is not a URL",
    ],
    [
      { baseUrl: 'ftp://x' },
      'Invalid config aims.prometheus.baseUrl: must be an http or https URL',
    ],
    [
      { baseUrl: 'http://p', concurrency: 0 },
      'Invalid config aims.prometheus.concurrency: must be a positive integer',
    ],
    [
      { baseUrl: 'http://p', timeout: '100ms' },
      'Invalid config aims.prometheus.timeout: must be at least 1 seconds',
    ],
    [
      { baseUrl: 'http://p', genai: { window: 'soon' } },
      'Invalid config aims.prometheus.genai.window',
    ],
    [
      {
        baseUrl: 'http://p',
        genai: { environmentLabel: 'deployment.environment' },
      },
      "Invalid config aims.prometheus.genai.environmentLabel: 'deployment.environment' is not a Prometheus label name",
    ],
    [
      {
        baseUrl: 'http://p',
        genai: { metrics: ['gen_ai.client.token.usage'] },
      },
      "Invalid config aims.prometheus.genai.metrics[0]: 'gen_ai.client.token.usage' is not a Prometheus metric name",
    ],
    [
      { baseUrl: 'http://p', genai: { schedule: { frequency: 'often' } } },
      'Invalid config aims.prometheus.genai.schedule',
    ],
  ])('rejects %j naming the key', (config, message) => {
    expect(() => read(config)).toThrow(message);
  });
});
