import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  aimsAssessmentApprovePermission,
  aimsDeploymentReportPermission,
  aimsFindingActPermission,
} from '@aims-backstage/backstage-plugin-aims-common';
import { AimsPermissionPolicy } from '@aims-backstage/backstage-plugin-aims-node';
import { aimsPermissionPolicyModule } from './permissionPolicy';

function userQuery(
  userEntityRef: string,
  ownershipEntityRefs: string[],
): PolicyQueryUser {
  return {
    credentials: {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef },
    },
    info: { userEntityRef, ownershipEntityRefs },
  } as PolicyQueryUser;
}

// examples/org.yaml: the guest is a member of customer-experience; compliance-officer of ai-governance
const engineer = userQuery('user:default/guest', [
  'user:default/guest',
  'group:default/customer-experience',
]);
const complianceOfficer = userQuery('user:default/compliance-officer', [
  'user:default/compliance-officer',
  'group:default/ai-governance',
]);

/** Starts the portal's policy module and returns the policy it installed. */
async function installedPolicy(
  complianceGroup?: string,
): Promise<PermissionPolicy> {
  let installed: PermissionPolicy | undefined;
  // stands in for the permission plugin: takes the policy the module sets
  const capture = createBackendPlugin({
    pluginId: 'permission',
    register(env) {
      env.registerExtensionPoint(policyExtensionPoint, {
        setPolicy(policy: PermissionPolicy) {
          installed = policy;
        },
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
  const backend = await startTestBackend({
    features: [
      capture,
      aimsPermissionPolicyModule,
      mockServices.rootConfig.factory({
        data: complianceGroup ? { aims: { complianceGroup } } : {},
      }),
    ],
  });
  await backend.stop();
  if (!installed) throw new Error('the module set no policy');
  return installed;
}

describe('the portal permission policy module', () => {
  it('installs the shipped AimsPermissionPolicy with the default compliance group', async () => {
    const policy = await installedPolicy();
    expect(policy).toBeInstanceOf(AimsPermissionPolicy);
    await expect(
      policy.handle(
        { permission: aimsAssessmentApprovePermission },
        complianceOfficer,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission: aimsAssessmentApprovePermission }, engineer),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle({ permission: aimsDeploymentReportPermission }, engineer),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('lets owners act on findings on their entities (a catalog condition)', async () => {
    const policy = await installedPolicy();
    await expect(
      policy.handle({ permission: aimsFindingActPermission }, engineer),
    ).resolves.toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        params: { claims: engineer.info.ownershipEntityRefs },
      },
    });
  });

  it('allows everything else (catalog reads, other plugins)', async () => {
    const policy = await installedPolicy();
    for (const user of [engineer, complianceOfficer, undefined]) {
      await expect(
        policy.handle({ permission: catalogEntityReadPermission }, user),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    }
  });

  it('reads the compliance group from aims.complianceGroup', async () => {
    const policy = await installedPolicy('group:default/model-risk');
    const modelRisk = userQuery('user:default/m', [
      'user:default/m',
      'group:default/model-risk',
    ]);
    await expect(
      policy.handle({ permission: aimsAssessmentApprovePermission }, modelRisk),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle(
        { permission: aimsAssessmentApprovePermission },
        complianceOfficer,
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});
