/*
 * The AIMS portal's permission policy (replaces the allow-all policy).
 *
 * - `aims.assessment.update` and `aims.risk.update` (resource permissions on the AISystem
 *   catalog entity): members of the compliance group may edit any system; everyone else
 *   may edit the systems they own (a conditional decision the catalog evaluates with
 *   isEntityOwner against the user's ownership refs).
 * - `aims.assessment.approve`: only members of the compliance group.
 * - everything else: allowed, so the catalog and the rest of the portal stay usable.
 *
 * The compliance group is `aims.complianceGroup` in app-config (default
 * group:default/ai-governance).
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import {
  aimsAssessmentApprovePermission,
  aimsAssessmentUpdatePermission,
  aimsRiskUpdatePermission,
} from '@aims-backstage/backstage-plugin-aims-common';

/** The compliance group used when `aims.complianceGroup` is not set. */
export const DEFAULT_COMPLIANCE_GROUP = 'group:default/ai-governance';

/** Reads `aims.complianceGroup` (a group entity ref), falling back to the default. */
export function readComplianceGroup(config: Config): string {
  return (
    config.getOptionalString('aims.complianceGroup') ?? DEFAULT_COMPLIANCE_GROUP
  ).toLocaleLowerCase('en-US');
}

export type AimsPermissionPolicyOptions = {
  /** Entity ref of the group whose members approve assessments and may edit every AI system. */
  complianceGroup?: string;
};

export class AimsPermissionPolicy implements PermissionPolicy {
  private readonly complianceGroup: string;

  constructor(options: AimsPermissionPolicyOptions = {}) {
    this.complianceGroup = (
      options.complianceGroup ?? DEFAULT_COMPLIANCE_GROUP
    ).toLocaleLowerCase('en-US');
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const ownershipRefs = (user?.info.ownershipEntityRefs ?? []).map(ref =>
      ref.toLocaleLowerCase('en-US'),
    );
    const isCompliance = ownershipRefs.includes(this.complianceGroup);

    if (isPermission(permission, aimsAssessmentApprovePermission)) {
      return {
        result: isCompliance ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }

    if (
      isPermission(permission, aimsAssessmentUpdatePermission) ||
      isPermission(permission, aimsRiskUpdatePermission)
    ) {
      if (isCompliance) {
        return { result: AuthorizeResult.ALLOW };
      }
      if (
        !user ||
        ownershipRefs.length === 0 ||
        !isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)
      ) {
        return { result: AuthorizeResult.DENY };
      }
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({
          claims: user.info.ownershipEntityRefs,
        }),
      );
    }

    return { result: AuthorizeResult.ALLOW };
  }
}

export const aimsPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'aims-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ policy, config, logger }) {
        const complianceGroup = readComplianceGroup(config);
        logger.info(
          `AIMS permission policy: ${complianceGroup} approves impact assessments and edits every AI system; owners edit their own`,
        );
        policy.setPolicy(new AimsPermissionPolicy({ complianceGroup }));
      },
    });
  },
});

export default aimsPermissionPolicyModule;
