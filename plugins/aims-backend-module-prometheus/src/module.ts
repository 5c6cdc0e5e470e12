import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  deploymentSourcesExtensionPoint,
  monitoringSourcesExtensionPoint,
} from '@aims-backstage/backstage-plugin-aims-node';
import { readPrometheusSourceOptions } from './config';
import { PrometheusGenAiSource, PrometheusMonitoringSource } from './sources';

/**
 * AIMS sources for Prometheus: the monitoring source `prometheus` (PromQL queries declared on
 * AI systems) and the deployment source `prometheus-genai` (OpenTelemetry GenAI client metrics).
 *
 * @public
 */
export const aimsModulePrometheus = createBackendModule({
  pluginId: 'aims',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: {
        monitoringSources: monitoringSourcesExtensionPoint,
        deploymentSources: deploymentSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({
        monitoringSources,
        deploymentSources,
        config,
        logger,
        auth,
        catalog,
      }) {
        // validated at startup: bad config fails the backend with the key named
        const options = readPrometheusSourceOptions(config);
        const deps = { options, catalog, auth, logger };
        monitoringSources.addMonitoringSource(
          new PrometheusMonitoringSource(deps),
        );
        if (options.genai.enabled) {
          deploymentSources.addDeploymentSource(
            new PrometheusGenAiSource(deps),
          );
        }
      },
    });
  },
});
