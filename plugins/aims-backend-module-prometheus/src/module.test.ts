import { mockServices } from '@backstage/backend-test-utils';
import {
  aiSystem,
  component,
  group,
  startPrometheusModuleBackend,
} from './testing/testBackend';
import { freePort } from './testing/PrometheusServer';

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
});
