/*
 * The shared harness of the aims-backend integration tests (plugin.test.ts,
 * aims.integration.test.ts, drift.integration.test.ts): per-plugin test databases, polling,
 * catalog test entities and the catalog-backed user info. Test code only; nothing in the
 * plugin imports it.
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Entity, RELATION_MEMBER_OF } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';

/** The location the test entities claim to be managed by. */
export const TEST_LOCATION =
  'url:https://git.example.com/org/catalog-info.yaml';

/** The managed-by annotations the catalog expects on every entity. */
export const locationAnnotations = (location: string = TEST_LOCATION) => ({
  'backstage.io/managed-by-location': location,
  'backstage.io/managed-by-origin-location': location,
});

/** A Group entity without children. */
export const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, annotations: locationAnnotations() },
  spec: { type: 'team', children: [] },
});

/** A User entity that is a member of the given groups. */
export const user = (name: string, memberOf: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, annotations: locationAnnotations() },
  spec: { memberOf },
});

/**
 * An AISystem entity: a production ml-model provider with a generic purpose, unless `spec`
 * says otherwise; `metadata` is merged over the name and the managed-by annotations.
 */
export const aiSystem = (
  name: string,
  spec: Record<string, unknown>,
  metadata: Record<string, unknown> = {},
): Entity => ({
  apiVersion: 'aims.dev/v1alpha1',
  kind: 'AISystem',
  metadata: { name, annotations: locationAnnotations(), ...metadata },
  spec: {
    type: 'ml-model',
    lifecycle: 'production',
    role: 'provider',
    purpose: `Purpose of ${name}`,
    ...spec,
  },
});

/** A full entity-provider mutation that replaces everything the provider had with `entities`. */
export const fullMutation = (entities: Entity[], locationKey: string) => ({
  type: 'full' as const,
  entities: entities.map(entity => ({ entity, locationKey })),
});

/**
 * A catalog module with an entity provider that applies a full mutation of `entities` when it
 * connects. `name` is both the module id and the provider name; `onConnect` sees each
 * connection (before the mutation), so a test can re-apply changed entities later.
 */
export function testEntitiesModule(
  entities: Entity[],
  options: {
    name?: string;
    locationKey?: string;
    onConnect?: (connection: EntityProviderConnection) => void;
  } = {},
) {
  const {
    name = 'aims-test-entities',
    locationKey = 'aims-test',
    onConnect,
  } = options;
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: name,
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => name,
            connect: async connection => {
              onConnect?.(connection);
              await connection.applyMutation(
                fullMutation(entities, locationKey),
              );
            },
          });
        },
      });
    },
  });
}

/** Each plugin gets its own database from TestDatabases, as in a real deployment. */
export function databaseFactory(byPlugin: Record<string, Knex>) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { pluginMetadata: coreServices.pluginMetadata },
    factory: ({ pluginMetadata }) => {
      const knex = byPlugin[pluginMetadata.getId()];
      if (!knex)
        throw new Error(
          `no test database for plugin ${pluginMetadata.getId()}`,
        );
      return { getClient: async () => knex };
    },
  });
}

/** How {@link waitFor} polls. */
export interface WaitForOptions {
  /** Attempts, 100 ms apart; 300 (30 s) unless given. */
  attempts?: number;
  /** Treat a throwing attempt as "not yet" (the last error is reported on time-out). */
  retryErrors?: boolean;
}

/**
 * Calls `fn` every 100 ms until it returns something other than `undefined`, and returns that;
 * throws `timed out waiting for <what>` when the attempts run out.
 */
export async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  { attempts = 300, retryErrors = false }: WaitForOptions = {},
): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (e) {
      if (!retryErrors) throw e;
      last = e;
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(
    `timed out waiting for ${what}${last === undefined ? '' : ` ${last}`}`,
  );
}

/**
 * Waits until the catalog has processed and stitched the test entities: `query` asks a catalog
 * endpoint (a supertest request), `ready` judges the `items` of a 200 answer. On time-out the
 * error also shows the last answer.
 */
export async function waitForCatalog(
  query: () => PromiseLike<{ status: number; body: any }>,
  ready: (items: Entity[]) => boolean,
  what: string,
  options?: WaitForOptions,
): Promise<void> {
  let last = '';
  await waitFor(
    async () => {
      const res = await query();
      last = `${res.status} ${JSON.stringify(res.body).slice(0, 600)}`;
      if (res.status !== 200) return undefined;
      return ready(res.body.items) ? true : undefined;
    },
    what,
    options,
  ).catch(e => {
    throw new Error(`${e.message}: ${last}`);
  });
}

/**
 * An aims module that hands the plugin's scheduler to `onScheduler` at startup, so a test can
 * trigger the plugin's tasks itself.
 */
export const schedulerCapture = (
  onScheduler: (scheduler: SchedulerService) => void,
) =>
  createBackendModule({
    pluginId: 'aims',
    moduleId: 'test-scheduler',
    register(env) {
      env.registerInit({
        deps: { s: coreServices.scheduler },
        async init({ s }) {
          onScheduler(s);
        },
      });
    },
  });

/**
 * Ownership as the catalog sign-in resolver computes it: the user ref plus the groups the
 * User entity is a member of.
 */
export const userInfoFromCatalog = createServiceFactory({
  service: coreServices.userInfo,
  deps: { catalog: catalogServiceRef, auth: coreServices.auth },
  factory: ({ catalog, auth }) => ({
    async getUserInfo(credentials) {
      if (!auth.isPrincipal(credentials, 'user')) throw new Error('not a user');
      const userEntityRef = credentials.principal.userEntityRef;
      const entity = await catalog.getEntityByRef(userEntityRef, {
        credentials: await auth.getOwnServiceCredentials(),
      });
      const groups = (entity?.relations ?? [])
        .filter(r => r.type === RELATION_MEMBER_OF)
        .map(r => r.targetRef);
      return { userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] };
    },
  }),
});
