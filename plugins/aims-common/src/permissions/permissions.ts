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

export const aimsPermissions = [
  aimsAssessmentUpdatePermission,
  aimsAssessmentApprovePermission,
  aimsRiskUpdatePermission,
];
