import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
} from '@backstage/plugin-catalog-node';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import {
  DeploymentSource,
  deploymentSourcesExtensionPoint,
  MonitoringSource,
  monitoringSourcesExtensionPoint,
} from '@aims-backstage/backstage-plugin-aims-node';
import aimsModulePrometheus from '../index';

const location = 'url:https://git.example.com/org/catalog-info.yaml';
const managed = {
  'backstage.io/managed-by-location': location,
  'backstage.io/managed-by-origin-location': location,
};

export const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, annotations: managed },
  spec: { type: 'team', children: [] },
});

export const component = (
  name: string,
  annotations: Record<string, string> = {},
  namespace?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    ...(namespace ? { namespace } : {}),
    annotations: { ...managed, ...annotations },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/risk-ml',
  },
});

export const aiSystem = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'aims.dev/v1alpha1',
  kind: 'AISystem',
  metadata: { name, annotations: { ...managed, ...annotations } },
  spec: {
    type: 'ml-model',
    lifecycle: 'production',
    owner: 'group:default/risk-ml',
    purpose: 'Test system',
    role: 'provider',
  },
});

/**
 * The real catalog (with the AISystem kind) holding `entities`, a stand-in `aims` plugin that
 * exposes both extension points and captures what is registered, and this module.
 */
export async function startPrometheusModuleBackend(options: {
  entities: Entity[];
  config: JsonObject;
}) {
  const monitoringSources: MonitoringSource[] = [];
  const deploymentSources: DeploymentSource[] = [];
  const fakeAimsPlugin = createBackendPlugin({
    pluginId: 'aims',
    register(env) {
      env.registerExtensionPoint(monitoringSourcesExtensionPoint, {
        addMonitoringSource(...sources) {
          monitoringSources.push(...sources);
        },
      });
      env.registerExtensionPoint(deploymentSourcesExtensionPoint, {
        addDeploymentSource(...sources) {
          deploymentSources.push(...sources);
        },
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
  const testEntities = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'aims-prometheus-test-entities',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          const provider: EntityProvider = {
            getProviderName: () => 'aims-prometheus-test-entities',
            connect: async connection => {
              await connection.applyMutation({
                type: 'full',
                entities: options.entities.map(entity => ({
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
  const backend = await startTestBackend({
    features: [
      mockServices.rootConfig.factory({ data: options.config }),
      catalogPlugin,
      catalogModuleAims,
      testEntities,
      fakeAimsPlugin,
      aimsModulePrometheus,
    ],
  });
  // wait until the catalog has stitched every test entity
  const deadline = Date.now() + 60_000;
  for (const entity of options.entities) {
    const path = `${entity.kind.toLocaleLowerCase('en-US')}/${
      entity.metadata.namespace ?? 'default'
    }/${entity.metadata.name}`;
    for (;;) {
      const res = await fetch(
        `http://localhost:${backend.server.port()}/api/catalog/entities/by-name/${path}`,
        { headers: { Authorization: mockCredentials.user.header() } },
      );
      if (res.ok) break;
      if (Date.now() > deadline) {
        throw new Error(`the catalog did not ingest ${path} within 60 s`);
      }
      await new Promise(r => setTimeout(r, 100));
    }
  }
  return { backend, monitoringSources, deploymentSources };
}
