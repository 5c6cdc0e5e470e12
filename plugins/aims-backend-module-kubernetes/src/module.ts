import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deploymentSourcesExtensionPoint } from '@aims-backstage/backstage-plugin-aims-node';
import { readKubernetesSourceOptions } from './config';
import { KubernetesDeploymentSource } from './KubernetesDeploymentSource';

/**
 * AIMS deployment source `kubernetes`: what runs in Kubernetes (workloads and KServe
 * InferenceServices), read through the Kubernetes plugin.
 *
 * @public
 */
export const aimsModuleKubernetes = createBackendModule({
  pluginId: 'aims',
  moduleId: 'kubernetes',
  register(reg) {
    reg.registerInit({
      deps: {
        sources: deploymentSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ sources, config, logger, discovery, auth, catalog }) {
        // validated at startup: a bad pattern fails the backend with the config key named
        const options = readKubernetesSourceOptions(config);
        sources.addDeploymentSource(
          new KubernetesDeploymentSource({
            options,
            catalog,
            auth,
            discovery,
            logger,
          }),
        );
      },
    });
  },
});
