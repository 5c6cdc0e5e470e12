/*
 * What the HTTP integration tests of the aims plugin (aims, soa, authorization matrix, bounded
 * input) set up alike: the test databases, the callers' credentials, the plugin's scheduled
 * tasks held back, and the permission policy composed from the shipped aimsPolicyDecision.
 */
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  ResourcePermission,
  isPermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { aimsPolicyDecision } from '@aims-backstage/backstage-plugin-aims-node';

/** PostgreSQL 15 (when configured) and SQLite: each test file runs against both. */
export const testDatabases = () =>
  TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
    disableDocker: true,
  });

/** The request headers of the signed-in user `user:default/<name>`. */
export const asUser = (name: string) => ({
  Authorization: mockCredentials.user.header(`user:default/${name}`),
});

/** A schedule the plugin's own tasks do not run on during a test: the test drives them. */
export const LATER = {
  frequency: { hours: 24 },
  timeout: { minutes: 1 },
  initialDelay: { hours: 1 },
};

/** The `aims` configuration that holds every scheduled task of the plugin back. */
export const tasksLater = () => ({
  findings: { schedule: LATER },
  drift: { schedule: LATER, queueSchedule: LATER },
  impactAssessments: { importSchedule: LATER },
  evidence: { expirySchedule: LATER },
});

/** The catalog label that marks an entity some callers may not read. */
export const RESTRICTED_LABEL = 'aims.test/restricted';

/**
 * The adopter's policy as the README shows it: the shipped aimsPolicyDecision for AIMS
 * permissions (owners update their systems, the compliance group everything, only compliance
 * approves); everything else allowed — except that members of `restrictedFrom`, when given,
 * can't read entities labelled {@link RESTRICTED_LABEL}.
 */
export function aimsTestPolicy(
  moduleId: string,
  options: { restrictedFrom?: string } = {},
) {
  const { restrictedFrom } = options;
  return createBackendModule({
    pluginId: 'permission',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy }) {
          policy.setPolicy({
            async handle(req, policyUser) {
              const aims = aimsPolicyDecision(req, policyUser, {
                complianceGroup: 'group:default/compliance',
              });
              if (aims) return aims;
              if (
                restrictedFrom &&
                isPermission(req.permission, catalogEntityReadPermission) &&
                policyUser?.info.ownershipEntityRefs.includes(restrictedFrom)
              ) {
                return createCatalogConditionalDecision(
                  req.permission as ResourcePermission<'catalog-entity'>,
                  {
                    not: catalogConditions.hasLabel({
                      label: RESTRICTED_LABEL,
                    }),
                  },
                );
              }
              return { result: AuthorizeResult.ALLOW };
            },
          });
        },
      });
    },
  });
}

/**
 * The real permission backend deciding with `policy`, and the permissions services the plugins
 * ask it through (startTestBackend's default mocks allow everything).
 */
export const permissionBackendWith = (
  policy: ReturnType<typeof createBackendModule>,
) => [
  permissionPlugin,
  policy,
  permissionsServiceFactory,
  permissionsRegistryServiceFactory,
];
