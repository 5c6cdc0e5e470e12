import type { Config } from '@backstage/config';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  PermissionCondition,
  PolicyDecision,
  isPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import {
  aimsAssessmentUpdatePermission,
  aimsDeploymentReportPermission,
  aimsFindingActPermission,
  aimsMonitoringReportPermission,
  aimsRiskUpdatePermission,
  aimsSoaUpdatePermission,
} from '@aims-backstage/backstage-plugin-aims-common';

/**
 * The compliance group when `aims.complianceGroup` is not set.
 *
 * @public
 */
export const DEFAULT_AIMS_COMPLIANCE_GROUP = 'group:default/ai-governance';

/**
 * Reads `aims.complianceGroup` (a group entity ref) from app-config, lower-cased; the default
 * is {@link DEFAULT_AIMS_COMPLIANCE_GROUP}.
 *
 * @public
 */
export function readAimsComplianceGroup(config: Config): string {
  return (
    config.getOptionalString('aims.complianceGroup') ??
    DEFAULT_AIMS_COMPLIANCE_GROUP
  ).toLocaleLowerCase('en-US');
}

/**
 * Who holds which AIMS permission, for {@link aimsPolicyDecision}.
 *
 * @public
 */
export interface AimsPolicyOptions {
  /**
   * Entity ref of the group whose members approve impact assessments and hold every AIMS
   * permission on every entity (default {@link DEFAULT_AIMS_COMPLIANCE_GROUP}).
   */
  complianceGroup?: string;
  /**
   * Users or groups (entity refs) who may report deployments as signed-in users
   * (`aims.deployment.report`) besides compliance. CI pipelines do not need this: they use
   * the ingest credential (an external-access token), which the AIMS backend accepts without
   * a policy decision.
   */
  deploymentReporters?: string[];
  /**
   * Users or groups (entity refs) who may report monitoring results as signed-in users
   * (`aims.monitoring.report`) besides compliance. Pipelines and evaluation jobs use the ingest
   * credential instead, as for deployments.
   */
  monitoringReporters?: string[];
}

const OWNER_EDITABLE = [
  aimsAssessmentUpdatePermission,
  aimsRiskUpdatePermission,
  aimsFindingActPermission,
  aimsSoaUpdatePermission,
];

const lower = (refs: readonly string[]) =>
  refs.map(ref => ref.toLocaleLowerCase('en-US'));

/**
 * The catalog's `IS_ENTITY_OWNER` rule as a conditional decision, exactly what
 * `createCatalogConditionalDecision(permission, catalogConditions.isEntityOwner({ claims }))`
 * from `@backstage/plugin-catalog-backend/alpha` returns (a test holds the two equal). Built
 * as data here so this library does not depend on the catalog backend; the catalog evaluates
 * it against the entity.
 */
function ownedByOneOf(claims: string[]): ConditionalPolicyDecision {
  const condition: PermissionCondition<typeof RESOURCE_TYPE_CATALOG_ENTITY> = {
    rule: 'IS_ENTITY_OWNER',
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
    params: { claims },
  };
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
    conditions: condition,
  };
}

/**
 * The decision for an AIMS permission (`aims.*`), or `undefined` for any other permission so
 * that the adopter's own policy decides those. Compose it into your permission policy:
 *
 * - members of the compliance group: every AIMS permission, on every entity;
 * - `aims.assessment.update`, `aims.risk.update`, `aims.finding.act`, `aims.soa.update`
 *   (resource permissions on the catalog entity): the entity's owners, as a conditional
 *   decision the catalog evaluates with its `isEntityOwner` rule against the user's ownership
 *   refs. Asked without a resource (`aims.soa.update` for the organisation's Statement of
 *   Applicability) a conditional decision is no allow: compliance only;
 * - `aims.assessment.approve`, `aims.soa.approve`: compliance only;
 * - `aims.risk.assignOwner` (changing who owns, and signs off, a risk): compliance only. The
 *   example rule is "compliance and the current risk owner"; the risk owner is no attribute of
 *   the catalog entity, so no catalog condition can name them, and the AIMS backend itself
 *   lets the current risk owner (that user or a member of that group) hand the risk on without
 *   this permission. The AI system's owners do not get it: they could name themselves risk
 *   owner and sign off their own risk;
 * - `aims.deployment.report` (reporting deployments as a user; CI uses the ingest token):
 *   compliance and `deploymentReporters`;
 * - `aims.monitoring.report` (reporting monitoring results as a user; jobs use the ingest
 *   token): compliance and `monitoringReporters`;
 * - any other `aims.*` permission (a newer AIMS version's): compliance only;
 * - no signed-in user: denied.
 *
 * @example
 * ```ts
 * import { AuthorizeResult, PolicyDecision } from '@backstage/plugin-permission-common';
 * import { PermissionPolicy, PolicyQuery, PolicyQueryUser } from '@backstage/plugin-permission-node';
 * import { aimsPolicyDecision } from '@aims-backstage/backstage-plugin-aims-node';
 *
 * class MyPolicy implements PermissionPolicy {
 *   async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
 *     const aims = aimsPolicyDecision(request, user, {
 *       complianceGroup: 'group:default/ai-governance',
 *     });
 *     if (aims) return aims;
 *     // ... the rest of your policy
 *     return { result: AuthorizeResult.ALLOW };
 *   }
 * }
 * ```
 *
 * @public
 */
export function aimsPolicyDecision(
  request: PolicyQuery,
  user: PolicyQueryUser | undefined,
  options: AimsPolicyOptions = {},
): PolicyDecision | undefined {
  const { permission } = request;
  if (!permission.name.startsWith('aims.')) return undefined;

  const ownershipRefs = user?.info.ownershipEntityRefs ?? [];
  if (!user || ownershipRefs.length === 0) {
    return { result: AuthorizeResult.DENY };
  }
  const mine = lower(ownershipRefs);
  const complianceGroup = (
    options.complianceGroup ?? DEFAULT_AIMS_COMPLIANCE_GROUP
  ).toLocaleLowerCase('en-US');
  if (mine.includes(complianceGroup)) {
    return { result: AuthorizeResult.ALLOW };
  }

  if (
    OWNER_EDITABLE.some(p => isPermission(permission, p)) &&
    isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)
  ) {
    return ownedByOneOf(ownershipRefs);
  }
  const reporters = [
    [aimsDeploymentReportPermission, options.deploymentReporters],
    [aimsMonitoringReportPermission, options.monitoringReporters],
  ] as const;
  for (const [reportPermission, refs] of reporters) {
    if (!isPermission(permission, reportPermission)) continue;
    const allowed = lower(refs ?? []);
    return {
      result: mine.some(ref => allowed.includes(ref))
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    };
  }
  // aims.assessment.approve, aims.soa.approve, aims.risk.assignOwner (the current risk owner is allowed by the
  // AIMS backend itself), and AIMS permissions this version does not know yet
  return { result: AuthorizeResult.DENY };
}

/**
 * Options of {@link AimsPermissionPolicy}.
 *
 * @public
 */
export interface AimsPermissionPolicyOptions extends AimsPolicyOptions {
  /** Decides every non-AIMS permission (default: allow, as the allow-all policy does). */
  fallback?: PermissionPolicy;
}

/**
 * A ready permission policy: {@link aimsPolicyDecision} for AIMS permissions, `fallback`
 * (default: allow) for everything else. For a portal that used the allow-all policy:
 *
 * @example
 * ```ts
 * // packages/backend/src/modules/permissionPolicy.ts
 * import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
 * import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
 * import { AimsPermissionPolicy } from '@aims-backstage/backstage-plugin-aims-node';
 *
 * export default createBackendModule({
 *   pluginId: 'permission',
 *   moduleId: 'aims-policy',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
 *       async init({ policy, config }) {
 *         policy.setPolicy(AimsPermissionPolicy.fromConfig(config));
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export class AimsPermissionPolicy implements PermissionPolicy {
  /** The compliance group from `aims.complianceGroup` (default group:default/ai-governance). */
  static fromConfig(
    config: Config,
    options: Omit<AimsPermissionPolicyOptions, 'complianceGroup'> = {},
  ): AimsPermissionPolicy {
    return new AimsPermissionPolicy({
      ...options,
      complianceGroup: readAimsComplianceGroup(config),
    });
  }

  constructor(private readonly options: AimsPermissionPolicyOptions = {}) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const decision = aimsPolicyDecision(request, user, this.options);
    if (decision) return decision;
    if (this.options.fallback) {
      return this.options.fallback.handle(request, user);
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
