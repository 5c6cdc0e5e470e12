/*
 * Inventory and status types of the AIMS API. The API is defined once, by the OpenAPI spec of
 * the backend (plugins/aims-backend/src/schema/openapi.yaml); these names are aliases of the
 * types generated from it (./generated/openapi.ts), kept for the code that imports them.
 */
import type { components, operations } from './generated/openapi';

/** The component schemas of the AIMS OpenAPI spec. */
export type AimsApiSchemas = components['schemas'];

/**
 * Where an AI system's impact assessment stands (ISO/IEC 42001 clause 6.1.4 / 8.4, A.5.2).
 * `missing` is a real state — no assessment exists — and a major nonconformity on its own.
 * `not-required` is what the API answers for a system that owes none (retired) and has no
 * assessment in force; `impactAssessmentStanding` is the one rule that decides it.
 */
export type ImpactAssessmentStatus = AimsApiSchemas['ImpactAssessmentStatus'];
export const IMPACT_ASSESSMENT_STATUSES = [
  'missing',
  'draft',
  'in-review',
  'approved',
  'review-overdue',
  'not-required',
] as const satisfies readonly ImpactAssessmentStatus[];

export const IMPACT_ASSESSMENT_STATUS_LABELS: Record<
  ImpactAssessmentStatus,
  string
> = {
  missing: 'Missing',
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  'review-overdue': 'Review overdue',
  'not-required': 'Not required',
};

export type ImpactAssessmentSummary = AimsApiSchemas['ImpactAssessmentSummary'];

/** One row of `GET /api/aims/inventory` (contract). */
export type InventoryItem = AimsApiSchemas['InventoryItem'];

export type InventoryResponse = AimsApiSchemas['InventoryResponse'];

/**
 * `GET /api/aims/inventory/counts`: AI systems in scope (owner, lifecycle, type, q) counted by
 * impact-assessment status (with the tier filter applied) and by tier (with the status filter
 * applied), so each number is what selecting it would list.
 */
export type InventoryCounts = AimsApiSchemas['InventoryCounts'];

/** Filters and paging of `GET /api/aims/inventory`; every field optional. */
export type InventoryQuery = Omit<
  NonNullable<operations['GetInventory']['parameters']['query']>,
  'format'
>;

/** Overall AIMS health of an entity, worst first. */
export type AimsHealth = AimsApiSchemas['AimsHealth'];
export const AIMS_HEALTH = [
  'at-risk',
  'attention',
  'ok',
  'not-applicable',
] as const satisfies readonly AimsHealth[];

/** `GET /api/aims/status/aisystem/:namespace/:name` */
export type AISystemStatus = AimsApiSchemas['AISystemStatus'];

/** `GET /api/aims/status/component/:namespace/:name`: roll-up over the AI systems it uses. */
export type ComponentStatus = AimsApiSchemas['ComponentStatus'];

export type AimsStatus = AISystemStatus | ComponentStatus;
