import { createServer, Server } from 'node:http';
import { mockServices } from '@backstage/backend-test-utils';
import { metrics as otelMetrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import {
  DeploymentObservationInput,
  DeploymentSource,
  MonitoringSource,
} from '@aims-backstage/backstage-plugin-aims-node';
import {
  findPrometheus,
  PrometheusServer,
} from './__testUtils__/PrometheusServer';
import {
  aiSystem,
  component,
  group,
  startPrometheusModuleBackend,
} from './__testUtils__/testBackend';

/*
 * A real Prometheus (Debian's package; `make unit` installs it with scripts/ensure-prometheus.sh)
 * scraping OpenTelemetry JS SDK Prometheus exporters in this process that record GenAI client
 * metrics, and the module's two sources reading it through the real catalog.
 */
jest.setTimeout(180_000);

const prometheusBinary = findPrometheus();
// without the binary: skipped with the reason printed, or one failing test when CI is set
const describeWithPrometheus = prometheusBinary ? describe : describe.skip;
if (!prometheusBinary) {
  if (process.env.CI) {
    describe('Prometheus integration', () => {
      // eslint-disable-next-line jest/expect-expect
      it('needs the prometheus binary', () => {
        throw new Error(
          'prometheus not found (PROMETHEUS_PATH, /usr/bin/prometheus or PATH) and CI is set: run scripts/ensure-prometheus.sh (make unit does) or apt-get install prometheus',
        );
      });
    });
  } else {
    // eslint-disable-next-line no-console
    console.warn(
      'Skipping the Prometheus integration tests: no prometheus binary (PROMETHEUS_PATH, /usr/bin/prometheus or PATH). Install it with scripts/ensure-prometheus.sh or apt-get install prometheus; with CI set this fails instead.',
    );
  }
}

/** One instrumented service: an OpenTelemetry MeterProvider with a Prometheus exporter endpoint. */
class InstrumentedService {
  readonly provider: MeterProvider;
  private readonly exporter: PrometheusExporter;
  private server?: Server;
  address = '';

  constructor(
    resource: Record<string, string>,
    options: { resourceLabels?: RegExp } = {},
  ) {
    this.exporter = new PrometheusExporter({
      preventServerStart: true,
      withResourceConstantLabels: options.resourceLabels,
    });
    this.provider = new MeterProvider({
      resource: resourceFromAttributes(resource),
      readers: [this.exporter],
    });
  }

  async start() {
    this.server = createServer((req, res) =>
      this.exporter.getMetricsRequestHandler(req, res),
    );
    await new Promise<void>(r => this.server!.listen(0, '127.0.0.1', r));
    const { port } = this.server.address() as { port: number };
    this.address = `127.0.0.1:${port}`;
  }

  /** Records one GenAI client call the way instrumentations do (semantic conventions). */
  call(attributes: Record<string, string>, tokens: number, seconds: number) {
    const meter = this.provider.getMeter('genai-instrumentation');
    meter
      .createHistogram('gen_ai.client.token.usage', { unit: '{token}' })
      .record(tokens, {
        'gen_ai.operation.name': 'chat',
        'gen_ai.token.type': 'input',
        ...attributes,
      });
    meter
      .createHistogram('gen_ai.client.operation.duration', { unit: 's' })
      .record(seconds, { 'gen_ai.operation.name': 'chat', ...attributes });
  }

  async stop() {
    await new Promise(r => this.server?.close(r));
    await this.provider.shutdown();
  }
}

describeWithPrometheus(
  'Prometheus integration (real Prometheus, real OpenTelemetry SDK)',
  () => {
    // service.name only in target_info (the JS exporter's default)
    const claims = new InstrumentedService({
      'service.name': 'claims-intake-api',
    });
    // service.name and the environment on every series (withResourceConstantLabels)
    const chat = new InstrumentedService(
      { 'service.name': 'chat-svc', 'deployment.environment.name': 'staging' },
      { resourceLabels: /^(service\.name|deployment\.environment\.name)$/ },
    );
    // a service no component is for
    const stray = new InstrumentedService({ 'service.name': 'unknown-svc' });
    let prometheus: PrometheusServer;
    let backend: { stop(): Promise<void> };
    let windowBackend: { stop(): Promise<void> };
    let monitoring: MonitoringSource;
    let genai: DeploymentSource;
    let genaiShortWindow: DeploymentSource;
    const logger = mockServices.logger.mock();

    const entities = [
      group('risk-ml'),
      component('claims-intake-api'),
      component('support-bot', {
        'prometheus.aims.dev/service-name': 'chat-svc',
      }),
      aiSystem('fraud-scorer', {
        'prometheus.aims.dev/query.auc': 'max by (slice) (fraud_auc)',
        'prometheus.aims.dev/query.tokens-per-call':
          'sum(gen_ai_client_token_usage_sum{job="claims"}) / sum(gen_ai_client_token_usage_count{job="claims"})',
        'prometheus.aims.dev/query.scalar-value': '2 * 0.25',
        'prometheus.aims.dev/query.nan-value': 'fraud_nan',
        'prometheus.aims.dev/query.broken': 'sum(',
        // catalog annotation keys are case-insensitive-unique, so not 'AUC' beside 'auc'
        'prometheus.aims.dev/query.Precision': 'fraud_auc',
      }),
      aiSystem('claims-triage', {
        'prometheus.aims.dev/environment': 'staging',
        'prometheus.aims.dev/query.tokens':
          'sum(gen_ai_client_token_usage_sum)',
      }),
    ];

    const summary = (observations: DeploymentObservationInput[]) =>
      observations
        .map(o => [o.component, o.environment, o.model, o.provider].join(' '))
        .sort();

    beforeAll(async () => {
      for (const s of [claims, chat, stray]) await s.start();
      claims.call(
        { 'gen_ai.request.model': 'gpt-4o', 'gen_ai.provider.name': 'openai' },
        120,
        0.8,
      );
      claims.call(
        { 'gen_ai.request.model': 'gpt-4o', 'gen_ai.provider.name': 'openai' },
        80,
        0.4,
      );
      // instrumentation on semantic conventions before 1.37: gen_ai.system names the provider
      claims.call(
        {
          'gen_ai.request.model': 'claude-3-5-sonnet',
          'gen_ai.system': 'anthropic',
        },
        100,
        1.2,
      );
      chat.call(
        {
          'gen_ai.request.model': 'gpt-4o-mini',
          'gen_ai.provider.name': 'openai',
        },
        40,
        0.3,
      );
      stray.call(
        { 'gen_ai.request.model': 'llama-3', 'gen_ai.provider.name': 'meta' },
        10,
        0.1,
      );
      const meter = claims.provider.getMeter('model-quality');
      meter.createObservableGauge('fraud_auc').addCallback(r => {
        r.observe(0.91, { slice: 'eu' });
        r.observe(0.84, { slice: 'uk' });
      });
      meter.createObservableGauge('fraud_nan').addCallback(r => r.observe(NaN));

      prometheus = new PrometheusServer(prometheusBinary!, [
        { job: 'claims', address: claims.address },
        { job: 'chat', address: chat.address },
        { job: 'unknown', address: stray.address },
      ]);
      await prometheus.start();
      await prometheus.waitUntil(
        async () =>
          (
            await prometheus.series('gen_ai_client_token_usage_count')
          ).length === 4 &&
          (
            await prometheus.series('gen_ai_client_operation_duration_count')
          ).length === 4 &&
          (await prometheus.series('target_info')).length === 3 &&
          (await prometheus.series('fraud_auc')).length === 2,
        'Prometheus to scrape the three OpenTelemetry exporters',
      );

      const config = (window: string) => ({
        aims: {
          prometheus: {
            baseUrl: prometheus.url,
            timeout: '5s',
            genai: { window, environmentLabel: 'deployment_environment_name' },
          },
        },
      });
      const main = await startPrometheusModuleBackend({
        entities,
        config: config('1h'),
      });
      backend = main.backend;
      monitoring = main.monitoringSources[0];
      genai = main.deploymentSources[0];
      const short = await startPrometheusModuleBackend({
        entities,
        config: config('10s'),
      });
      windowBackend = short.backend;
      genaiShortWindow = short.deploymentSources[0];
    });

    afterAll(async () => {
      await backend?.stop();
      await windowBackend?.stop();
      await prometheus?.stop();
      for (const s of [claims, chat, stray]) await s.stop();
      otelMetrics.disable();
    });

    beforeEach(() => jest.clearAllMocks());

    it('the exporter writes the metric and label names the sources read', async () => {
      const [tokens] = await prometheus.series(
        'gen_ai_client_token_usage_count{job="chat"}',
      );
      expect(tokens).toMatchObject({
        service_name: 'chat-svc',
        deployment_environment_name: 'staging',
        gen_ai_request_model: 'gpt-4o-mini',
        gen_ai_provider_name: 'openai',
      });
      const [info] = await prometheus.series('target_info{job="claims"}');
      expect(info).toMatchObject({ service_name: 'claims-intake-api' });
    });

    it('prometheus-genai: every (component, environment, model, provider) seen calling an LLM', async () => {
      const before = Date.now();
      const observations = await genai.collect({ logger });
      expect(summary(observations)).toEqual([
        // service.name from target_info, component by name; the older gen_ai.system as provider
        'component:default/claims-intake-api production claude-3-5-sonnet anthropic',
        'component:default/claims-intake-api production gpt-4o openai',
        // service.name on the series, component by annotation; environment from the series label
        'component:default/support-bot staging gpt-4o-mini openai',
      ]);
      const gpt4o = observations.find(o => o.model === 'gpt-4o')!;
      expect(gpt4o.evidence).toEqual({
        source: 'prometheus',
        service: 'claims-intake-api',
        metric: 'gen_ai_client_token_usage_count',
        metrics: [
          'gen_ai_client_token_usage_count',
          'gen_ai_client_operation_duration_count',
        ],
        labels: {
          job: 'claims',
          instance: claims.address,
          gen_ai_request_model: 'gpt-4o',
          gen_ai_provider_name: 'openai',
        },
        window: '3600s',
      });
      expect(Date.parse(gpt4o.observedAt)).toBeGreaterThanOrEqual(before);
      // the service no component is for is logged and skipped
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringContaining(
          'skipped 1 service(s) that map to no component: unknown-svc',
        ),
      );
    });

    it('prometheus: one result per series of each declared query', async () => {
      const before = Math.floor(Date.now() / 1000) * 1000;
      const results = await monitoring.collect({ logger });
      const byMetric = (metric: string) =>
        results.filter(r => r.metric === metric);
      expect(
        byMetric('auc')
          .map(r => `${r.entityRef} ${r.environment} ${r.slice} ${r.value}`)
          .sort(),
      ).toEqual([
        'aisystem:default/fraud-scorer production eu 0.91',
        'aisystem:default/fraud-scorer production uk 0.84',
      ]);
      // a query without a slice label: one result; (120 + 80 + 100) tokens over 3 calls
      expect(byMetric('tokens-per-call')).toEqual([
        {
          entityRef: 'aisystem:default/fraud-scorer',
          environment: 'production',
          metric: 'tokens-per-call',
          value: 100,
          observedAt: expect.any(String),
        },
      ]);
      expect(byMetric('scalar-value')).toEqual([
        expect.objectContaining({ value: 0.5, environment: 'production' }),
      ]);
      expect(byMetric('tokens')).toEqual([
        expect.objectContaining({
          entityRef: 'aisystem:default/claims-triage',
          environment: 'staging',
        }),
      ]);
      for (const r of results) {
        expect(Date.parse(r.observedAt)).toBeGreaterThanOrEqual(before);
        expect(r.observedAt).toMatch(/:\d\d\.000Z$/);
      }
      expect(results.map(r => r.metric).sort()).toEqual([
        'auc',
        'auc',
        'scalar-value',
        'tokens',
        'tokens-per-call',
      ]);
      const warnings = logger.warn.mock.calls.map(c => String(c[0]));
      expect(warnings).toEqual(
        expect.arrayContaining([
          expect.stringContaining(
            'aisystem:default/fraud-scorer: annotation prometheus.aims.dev/query.nan-value: value NaN is not a number; skipped',
          ),
          expect.stringMatching(
            /aisystem:default\/fraud-scorer: annotation prometheus\.aims\.dev\/query\.broken: Prometheus refused the query \(bad_data: .*\); skipped/,
          ),
          expect.stringContaining(
            "aisystem:default/fraud-scorer: annotation prometheus.aims.dev/query.Precision is ignored: the metric name 'Precision' must match [a-z0-9_.-]+",
          ),
        ]),
      );
    });

    it('prometheus-genai: a call counts while within the window, and again when it happens again', async () => {
      const model = {
        'gen_ai.request.model': 'gpt-4.1',
        'gen_ai.provider.name': 'openai',
      };
      const seesNewModel = async () =>
        (await genaiShortWindow.collect({ logger })).some(
          o => o.model === 'gpt-4.1',
        );
      claims.call(model, 50, 0.5);
      await prometheus.waitUntil(
        seesNewModel,
        'the new model to be seen (a series that appeared within the window)',
      );
      // no more calls: once the window has passed, the model is no longer seen
      await prometheus.waitUntil(
        async () => !(await seesNewModel()),
        'the model to drop out of a 10 s window without calls',
      );
      // another call: the counter grows within the window
      claims.call(model, 50, 0.5);
      await prometheus.waitUntil(
        seesNewModel,
        'the model to be seen again after its count grew',
      );
      expect(await seesNewModel()).toBe(true);
    });

    it('both sources throw when Prometheus is down (observations unknown, metrics stale)', async () => {
      await prometheus.stop();
      await expect(genai.collect({ logger })).rejects.toThrow(
        `Prometheus at ${prometheus.url} unreachable`,
      );
      await expect(monitoring.collect({ logger })).rejects.toThrow(
        `Prometheus at ${prometheus.url} unreachable`,
      );
    });
  },
);
