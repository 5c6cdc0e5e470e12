import {
  InventoryItem,
  csvDocument,
} from '@aims-backstage/backstage-plugin-aims-common';

export const INVENTORY_CSV_COLUMNS = [
  'entityRef',
  'title',
  'owner',
  'lifecycle',
  'type',
  'euAiActTier',
  'components',
  'impactAssessmentStatus',
  'impactAssessmentApprovedAt',
  'impactAssessmentReviewDue',
  'openFindings',
  'criticalFindings',
  'highFindings',
  'controlsApplicable',
  'controlsImplementedWithEvidence',
] as const;

/** The inventory as CSV: a header row, then one row per AI system (components joined by `;`). */
export function inventoryToCsv(items: InventoryItem[]): string {
  return csvDocument(
    INVENTORY_CSV_COLUMNS,
    items.map(item => [
      item.entityRef,
      item.title,
      item.owner,
      item.lifecycle,
      item.type,
      item.euAiActTier,
      item.components.join(';'),
      item.impactAssessment.status,
      item.impactAssessment.approvedAt,
      item.impactAssessment.reviewDue,
      item.findings.open,
      item.findings.critical,
      item.findings.high,
      item.controls.applicable,
      item.controls.implementedWithEvidence,
    ]),
  );
}
