import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  PolicyDecision,
  ResourcePermission,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  aimsAssessmentApprovePermission,
  aimsAssessmentUpdatePermission,
  aimsDeploymentReportPermission,
  aimsMonitoringReportPermission,
  aimsFindingActPermission,
  aimsRiskAssignOwnerPermission,
  aimsRiskUpdatePermission,
  aimsSoaApprovePermission,
  aimsSoaUpdatePermission,
} from '@aims-backstage/backstage-plugin-aims-common';
import {
  AimsPermissionPolicy,
  DEFAULT_AIMS_COMPLIANCE_GROUP,
  aimsPolicyDecision,
  readAimsComplianceGroup,
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
  } as PolicyQueryUser;
}

const engineer = userQuery('user:default/guest', [
  'user:default/guest',
  'group:default/Customer-Experience',
]);
const complianceOfficer = userQuery('user:default/compliance-officer', [
  'user:default/compliance-officer',
  'group:default/AI-Governance',
]);
const nobody = userQuery('user:default/someone', []);
const query = (permission: PolicyQuery['permission']): PolicyQuery => ({
  permission,
});

const OWNER_PERMISSIONS = [
  aimsAssessmentUpdatePermission,
  aimsRiskUpdatePermission,
  aimsFindingActPermission,
  aimsSoaUpdatePermission,
];

describe('aimsPolicyDecision', () => {
  it.each(OWNER_PERMISSIONS)(
    '$name: owners get the catalog isEntityOwner decision, exactly as catalogConditions builds it',
    permission => {
      expect(aimsPolicyDecision(query(permission), engineer)).toEqual(
        createCatalogConditionalDecision(
          permission as ResourcePermission<'catalog-entity'>,
          catalogConditions.isEntityOwner({
            claims: engineer.info.ownershipEntityRefs,
          }),
        ),
      );
    },
  );

  it.each([
    ...OWNER_PERMISSIONS,
    aimsAssessmentApprovePermission,
    aimsSoaApprovePermission,
    aimsDeploymentReportPermission,
  ])(
    '$name: compliance members are allowed (group compared case-insensitively)',
    permission => {
      expect(aimsPolicyDecision(query(permission), complianceOfficer)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    },
  );

  it.each([
    ...OWNER_PERMISSIONS,
    aimsAssessmentApprovePermission,
    aimsSoaApprovePermission,
    aimsDeploymentReportPermission,
  ])('$name: denied without a user or without ownership refs', permission => {
    expect(aimsPolicyDecision(query(permission), undefined)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(aimsPolicyDecision(query(permission), nobody)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('aims.assessment.approve, aims.soa.approve and unknown aims.* permissions: compliance only', () => {
    const future = createPermission({
      name: 'aims.monitoring.report',
      attributes: { action: 'create' },
    });
    for (const permission of [
      aimsAssessmentApprovePermission,
      aimsSoaApprovePermission,
      future,
    ]) {
      expect(aimsPolicyDecision(query(permission), engineer)).toEqual({
        result: AuthorizeResult.DENY,
      });
      expect(aimsPolicyDecision(query(permission), complianceOfficer)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('aims.risk.assignOwner: compliance only, not the AI system owners', () => {
    const p = query(aimsRiskAssignOwnerPermission);
    expect(aimsPolicyDecision(p, engineer)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(aimsPolicyDecision(p, complianceOfficer)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('aims.deployment.report: compliance and the configured reporters', () => {
    const p = query(aimsDeploymentReportPermission);
    expect(aimsPolicyDecision(p, engineer)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(
      aimsPolicyDecision(p, engineer, {
        deploymentReporters: ['group:default/customer-experience'],
      }),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      aimsPolicyDecision(p, engineer, {
        deploymentReporters: ['group:default/platform'],
      }),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  it('aims.monitoring.report: compliance and the configured monitoring reporters, not the deployment reporters', () => {
    const p = query(aimsMonitoringReportPermission);
    expect(aimsPolicyDecision(p, complianceOfficer)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(
      aimsPolicyDecision(p, engineer, {
        deploymentReporters: ['group:default/customer-experience'],
      }),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      aimsPolicyDecision(p, engineer, {
        monitoringReporters: ['group:default/customer-experience'],
      }),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('leaves every other permission to the surrounding policy', () => {
    for (const user of [engineer, complianceOfficer, nobody, undefined]) {
      expect(
        aimsPolicyDecision(query(catalogEntityReadPermission), user),
      ).toBeUndefined();
    }
  });

  it('uses the configured compliance group', () => {
    const modelRisk = userQuery('user:default/m', [
      'user:default/m',
      'group:default/model-risk',
    ]);
    const options = { complianceGroup: 'group:default/Model-Risk' };
    expect(
      aimsPolicyDecision(
        query(aimsAssessmentApprovePermission),
        modelRisk,
        options,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      aimsPolicyDecision(
        query(aimsAssessmentApprovePermission),
        complianceOfficer,
        options,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
  });
});

describe('AimsPermissionPolicy', () => {
  it('decides AIMS permissions with aimsPolicyDecision and allows the rest by default', async () => {
    const policy = new AimsPermissionPolicy();
    await expect(
      policy.handle(query(aimsAssessmentApprovePermission), engineer),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle(query(catalogEntityReadPermission), nobody),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('hands non-AIMS permissions to the fallback policy', async () => {
    const fallback = {
      handle: jest.fn(
        async (): Promise<PolicyDecision> => ({ result: AuthorizeResult.DENY }),
      ),
    };
    const policy = new AimsPermissionPolicy({ fallback });
    await expect(
      policy.handle(query(catalogEntityReadPermission), engineer),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    expect(fallback.handle).toHaveBeenCalledTimes(1);
    await policy.handle(query(aimsRiskUpdatePermission), engineer);
    expect(fallback.handle).toHaveBeenCalledTimes(1);
  });

  it('fromConfig reads aims.complianceGroup (default group:default/ai-governance)', async () => {
    expect(readAimsComplianceGroup(new ConfigReader({}))).toBe(
      DEFAULT_AIMS_COMPLIANCE_GROUP,
    );
    const policy = AimsPermissionPolicy.fromConfig(
      new ConfigReader({ aims: { complianceGroup: 'group:default/Risk' } }),
    );
    const risk = userQuery('user:default/r', [
      'user:default/r',
      'group:default/risk',
    ]);
    await expect(
      policy.handle(query(aimsAssessmentApprovePermission), risk),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle(query(aimsAssessmentApprovePermission), complianceOfficer),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});
