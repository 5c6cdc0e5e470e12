import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  aimsAssessmentApprovePermission,
  aimsAssessmentUpdatePermission,
  aimsRiskUpdatePermission,
} from '@aims-backstage/backstage-plugin-aims-common';
import {
  AimsPermissionPolicy,
  DEFAULT_COMPLIANCE_GROUP,
  readComplianceGroup,
} from './permissionPolicy';

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
  };
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
const nobody = userQuery('user:default/someone', []);

const query = (permission: PolicyQuery['permission']): PolicyQuery => ({
  permission,
});

describe('AimsPermissionPolicy', () => {
  const policy = new AimsPermissionPolicy();

  it.each([aimsAssessmentUpdatePermission, aimsRiskUpdatePermission])(
    '$name: owners get a catalog isEntityOwner condition',
    async permission => {
      await expect(policy.handle(query(permission), engineer)).resolves.toEqual(
        {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: {
              claims: [
                'user:default/guest',
                'group:default/customer-experience',
              ],
            },
          },
        },
      );
    },
  );

  it.each([aimsAssessmentUpdatePermission, aimsRiskUpdatePermission])(
    '$name: compliance members are allowed on every system',
    async permission => {
      await expect(
        policy.handle(query(permission), complianceOfficer),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    },
  );

  it.each([aimsAssessmentUpdatePermission, aimsRiskUpdatePermission])(
    '$name: denied without a user or without ownership refs',
    async permission => {
      await expect(policy.handle(query(permission))).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
      await expect(policy.handle(query(permission), nobody)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    },
  );

  it('aims.assessment.approve: allowed for compliance, denied for engineers', async () => {
    await expect(
      policy.handle(query(aimsAssessmentApprovePermission), complianceOfficer),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle(query(aimsAssessmentApprovePermission), engineer),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle(query(aimsAssessmentApprovePermission)),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('allows everything else (catalog reads, other plugins)', async () => {
    const other = createPermission({
      name: 'notifications.read',
      attributes: { action: 'read' },
    });
    for (const user of [engineer, complianceOfficer, nobody, undefined]) {
      await expect(
        policy.handle(query(catalogEntityReadPermission), user),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
      await expect(policy.handle(query(other), user)).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('the compliance group is configurable and compared case-insensitively', async () => {
    const custom = new AimsPermissionPolicy({
      complianceGroup: 'group:default/Model-Risk',
    });
    const modelRisk = userQuery('user:default/m', [
      'user:default/m',
      'group:default/model-risk',
    ]);
    await expect(
      custom.handle(query(aimsAssessmentApprovePermission), modelRisk),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      custom.handle(query(aimsAssessmentApprovePermission), complianceOfficer),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      custom.handle(query(aimsRiskUpdatePermission), modelRisk),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('reads aims.complianceGroup from config', () => {
    expect(readComplianceGroup(new ConfigReader({}))).toBe(
      DEFAULT_COMPLIANCE_GROUP,
    );
    expect(
      readComplianceGroup(
        new ConfigReader({ aims: { complianceGroup: 'group:default/risk' } }),
      ),
    ).toBe('group:default/risk');
  });
});
