import { mockServices } from '@backstage/backend-test-utils';
import {
  aiSystem,
  component,
  group,
  startPrometheusModuleBackend,
} from './__testUtils__/testBackend';
import {
  DeploymentSource,
  MonitoringSource,
} from '@aims-backstage/backstage-plugin-aims-node';
import { freePort } from './__testUtils__/PrometheusServer';
import { Behaviour, BrokenPrometheus } from './__testUtils__/BrokenPrometheus';

jest.setTimeout(120_000);

const logger = mockServices.logger.mock();

describe('aims-backend-module-prometheus registration', () => {
  it('registers the monitoring source `prometheus` and the deployment source `prometheus-genai` on the aims extension points', async () => {
    // nothing listens on this port: the sources must not need Prometheus to register
    const port = await freePort();
    const { backend, monitoringSources, deploymentSources } =
      await startPrometheusModuleBackend({
        entities: [
          group('risk-ml'),
          component('payments-api'),
          // an AI system without query annotations: nothing to ask Prometheus
          aiSystem('fraud-scorer', {}),
        ],
        config: {
          aims: {
            prometheus: {
              baseUrl: `http://127.0.0.1:${port}/`,
              monitoring: {
                schedule: {
                  frequency: { minutes: 1 },
                  timeout: { seconds: 30 },
                },
              },
            },
          },
        },
      });
    try {
      expect(monitoringSources.map(s => s.id)).toEqual(['prometheus']);
      expect(deploymentSources.map(s => s.id)).toEqual(['prometheus-genai']);
      expect(monitoringSources[0].schedule).toEqual({
        frequency: { minutes: 1 },
        timeout: { seconds: 30 },
      });
      expect(deploymentSources[0].schedule).toMatchObject({
        frequency: { minutes: 10 },
        timeout: { minutes: 2 },
      });
      // reads the real catalog with the module's own credentials; no query declared, no call
      await expect(monitoringSources[0].collect({ logger })).resolves.toEqual(
        [],
      );
      // the GenAI source always asks Prometheus: unreachable is a failure, never "nothing used"
      await expect(deploymentSources[0].collect({ logger })).rejects.toThrow(
        `Prometheus at http://127.0.0.1:${port} unreachable`,
      );
    } finally {
      await backend.stop();
    }
  });

  it('registers only the monitoring source when genai.enabled is false', async () => {
    const { backend, monitoringSources, deploymentSources } =
      await startPrometheusModuleBackend({
        entities: [group('risk-ml')],
        config: {
          aims: {
            prometheus: {
              baseUrl: 'http://127.0.0.1:9',
              genai: { enabled: false },
            },
          },
        },
      });
    try {
      expect(monitoringSources.map(s => s.id)).toEqual(['prometheus']);
      expect(deploymentSources).toEqual([]);
    } finally {
      await backend.stop();
    }
  });

  it('fails the backend at startup when aims.prometheus.baseUrl is missing, naming the key', async () => {
    await expect(
      startPrometheusModuleBackend({
        entities: [],
        config: { aims: { prometheus: { genai: { window: '1h' } } } },
      }),
    ).rejects.toThrow('Missing config aims.prometheus.baseUrl');
  });

  describe('against a Prometheus that fails', () => {
    const broken = new BrokenPrometheus();
    let stop: () => Promise<void>;
    let monitoring: MonitoringSource;
    let genai: DeploymentSource;

    beforeAll(async () => {
      await broken.start();
      const started = await startPrometheusModuleBackend({
        entities: [
          group('risk-ml'),
          component('payments-api'),
          aiSystem('fraud-scorer', {
            'prometheus.aims.dev/query.auc': 'max by (slice) (fraud_auc)',
          }),
        ],
        config: {
          aims: {
            prometheus: {
              baseUrl: broken.url,
              timeout: '1s',
              headers: { 'X-Scope-OrgID': 'ml-team' },
              bearerToken: 'prom-token',
            },
          },
        },
      });
      stop = () => started.backend.stop();
      monitoring = started.monitoringSources[0];
      genai = started.deploymentSources[0];
    });

    afterAll(async () => {
      await stop?.();
      await broken.stop();
    });

    it.each([
      [
        'HTTP 503 with a Prometheus error',
        {
          kind: 'json',
          status: 503,
          body: {
            status: 'error',
            errorType: 'unavailable',
            error: 'TSDB not ready',
          },
        },
        'HTTP 503 unavailable: TSDB not ready',
      ],
      [
        'a proxy page that is not JSON',
        { kind: 'text', status: 502, body: '<html>Bad Gateway</html>' },
        'answered HTTP 502 with a body that is not JSON: <html>Bad Gateway</html>',
      ],
      [
        'JSON that is not the Prometheus API',
        { kind: 'json', status: 200, body: { hello: 'world' } },
        'answer (HTTP 200) is not a Prometheus API response',
      ],
      [
        'no answer within the timeout',
        { kind: 'hang' },
        'unreachable: no answer within 1000 ms',
      ],
    ] as const)('both sources throw on %s', async (_, behaviour, message) => {
      broken.behaviour = behaviour as Behaviour;
      await expect(genai.collect({ logger })).rejects.toThrow(message);
      await expect(monitoring.collect({ logger })).rejects.toThrow(message);
    });

    it('a refused query only skips that query (the monitoring source logs it); the GenAI source throws', async () => {
      broken.behaviour = {
        kind: 'json',
        status: 400,
        body: { status: 'error', errorType: 'bad_data', error: 'parse error' },
      };
      broken.requests.length = 0;
      await expect(monitoring.collect({ logger })).resolves.toEqual([]);
      expect(logger.warn).toHaveBeenCalledWith(
        'Prometheus monitoring source: aisystem:default/fraud-scorer: annotation prometheus.aims.dev/query.auc: Prometheus refused the query (bad_data: parse error); skipped',
      );
      await expect(genai.collect({ logger })).rejects.toThrow('parse error');
      // instant queries by POST form, with the configured headers
      expect(broken.requests[0]).toMatchObject({
        method: 'POST',
        path: '/api/v1/query',
        headers: {
          authorization: 'Bearer prom-token',
          'x-scope-orgid': 'ml-team',
          'content-type': 'application/x-www-form-urlencoded',
        },
        form: {
          query: 'max by (slice) (fraud_auc)',
          time: expect.stringMatching(/^\d+\.\d{3}$/),
        },
      });
    });
  });
});
