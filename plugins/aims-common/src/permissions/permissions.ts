import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';

/**
 * Edit an AI system's impact assessment (create/edit drafts, submit, import). A resource
 * permission on the AISystem catalog entity, so policies can use the catalog's rules
 * (e.g. isEntityOwner) — owners edit their own systems.
 */
export const aimsAssessmentUpdatePermission = createPermission({
  name: 'aims.assessment.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Approve (or return) an impact assessment in review: held by compliance. */
export const aimsAssessmentApprovePermission = createPermission({
  name: 'aims.assessment.approve',
  attributes: { action: 'update' },
});

/** Create and edit an AI system's risks (resource permission on the AISystem entity). */
export const aimsRiskUpdatePermission = createPermission({
  name: 'aims.risk.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Change who owns an AI system's risk (`riskOwner`): the risk owner signs off the residual
 * risk, so naming them is a decision of its own, apart from editing the risk
 * (`aims.risk.update`). A resource permission on the AISystem catalog entity. The AIMS backend
 * also lets the current risk owner (that user, or a member of that group) hand the risk on
 * without it: the risk owner is not an attribute of the catalog entity, so a policy cannot
 * express "the current risk owner" as a catalog condition.
 */
export const aimsRiskAssignOwnerPermission = createPermission({
  name: 'aims.risk.assignOwner',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Act on a finding (acknowledge, snooze, accept the risk, resolve). A resource permission on
 * the catalog entity the finding is on (the Component for drift, else the AISystem), so a
 * policy can allow owners through the catalog's isEntityOwner rule.
 */
export const aimsFindingActPermission = createPermission({
  name: 'aims.finding.act',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Report deployments (`POST /deployments`, `/deployments/batch`) as a signed-in user. CI/CD
 * pipelines use the ingest credential (an external-access token) instead; a user needs this.
 */
export const aimsDeploymentReportPermission = createPermission({
  name: 'aims.deployment.report',
  attributes: { action: 'create' },
});

/**
 * Report monitoring results (`POST /monitoring/results`, `/monitoring/results/batch`) as a
 * signed-in user. Pipelines and scheduled evaluation jobs use the ingest credential (an
 * external-access token) instead, and monitoring sources in the backend need no permission.
 */
export const aimsMonitoringReportPermission = createPermission({
  name: 'aims.monitoring.report',
  attributes: { action: 'create' },
});

/**
 * Edit the Statement of Applicability and control evidence. A resource permission on catalog
 * entities: on an AISystem it covers that system's control mappings and evidence (owners
 * through the catalog's isEntityOwner rule); the organisation's SoA is no catalog entity, so
 * the AIMS backend asks it without a resource and needs an unconditional allow (compliance).
 * Besides that, the AIMS backend lets a control's owner (that user, or a member of that group)
 * save that control's row and its organisation evidence.
 */
export const aimsSoaUpdatePermission = createPermission({
  name: 'aims.soa.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Approve (or return) the Statement of Applicability in review, act on its organisation-level
 * findings, and approve or reject evidence items: held by compliance.
 */
export const aimsSoaApprovePermission = createPermission({
  name: 'aims.soa.approve',
  attributes: { action: 'update' },
});

/** Every AIMS permission, for the permissions registry and policy authors. */
export const aimsPermissions = [
  aimsAssessmentUpdatePermission,
  aimsAssessmentApprovePermission,
  aimsRiskUpdatePermission,
  aimsRiskAssignOwnerPermission,
  aimsFindingActPermission,
  aimsDeploymentReportPermission,
  aimsMonitoringReportPermission,
  aimsSoaUpdatePermission,
  aimsSoaApprovePermission,
];
