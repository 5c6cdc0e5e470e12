import { EuAiActTier } from '../domain/euAiAct';
import { FindingCounts } from '../findings/vocabulary';

/**
 * Where an AI system's impact assessment stands (ISO/IEC 42001 clause 6.1.4 / 8.4, A.5.2).
 * `missing` is a real state — no assessment exists — and a major nonconformity on its own.
 */
export const IMPACT_ASSESSMENT_STATUSES = [
  'missing',
  'draft',
  'in-review',
  'approved',
  'review-overdue',
] as const;
export type ImpactAssessmentStatus = (typeof IMPACT_ASSESSMENT_STATUSES)[number];

export const IMPACT_ASSESSMENT_STATUS_LABELS: Record<ImpactAssessmentStatus, string> = {
  missing: 'Missing',
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  'review-overdue': 'Review overdue',
};

export interface ImpactAssessmentSummary {
  status: ImpactAssessmentStatus;
  approvedAt: string | null;
  reviewDue: string | null;
}

/** One row of `GET /api/aims/inventory` (contract). */
export interface InventoryItem {
  entityRef: string;
  title: string;
  owner: string;
  lifecycle: string;
  type: string;
  euAiActTier: EuAiActTier;
  components: string[];
  impactAssessment: ImpactAssessmentSummary;
  findings: FindingCounts;
}

export interface InventoryResponse {
  items: InventoryItem[];
  totalCount: number;
}

/**
 * `GET /api/aims/inventory/counts`: AI systems in scope (owner, lifecycle, type, q) counted by
 * impact-assessment status (with the tier filter applied) and by tier (with the status filter
 * applied), so each number is what selecting it would list.
 */
export interface InventoryCounts {
  totalCount: number;
  byStatus: Record<ImpactAssessmentStatus, number>;
  byTier: Record<EuAiActTier, number>;
}

/** Filters of `GET /api/aims/inventory`; every field optional. */
export interface InventoryQuery {
  owner?: string;
  lifecycle?: string;
  tier?: EuAiActTier;
  status?: ImpactAssessmentStatus;
  type?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

/** Overall AIMS health of an entity, worst first. */
export const AIMS_HEALTH = ['at-risk', 'attention', 'ok', 'not-applicable'] as const;
export type AimsHealth = (typeof AIMS_HEALTH)[number];

/** `GET /api/aims/status/aisystem/:namespace/:name` */
export interface AISystemStatus {
  entityRef: string;
  kind: 'aisystem';
  title: string;
  type: string;
  lifecycle: string;
  euAiActTier: EuAiActTier;
  impactAssessment: ImpactAssessmentSummary;
  findings: FindingCounts;
  health: AimsHealth;
}

/** `GET /api/aims/status/component/:namespace/:name`: roll-up over the AI systems it uses. */
export interface ComponentStatus {
  entityRef: string;
  kind: string;
  aiSystems: AISystemStatus[];
  findings: FindingCounts;
  health: AimsHealth;
}

export type AimsStatus = AISystemStatus | ComponentStatus;
