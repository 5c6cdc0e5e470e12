import {
  EvidenceStatus,
  InclusionReason,
  SOA_IMPLEMENTATION_STATUSES,
  SOA_IMPLEMENTATION_STATUS_LABELS,
  SoaCoverage,
} from '@aims-backstage/backstage-plugin-aims-common';

export type {
  DocumentLink,
  EvidenceStatus,
  SoaImplementationStatus,
} from '@aims-backstage/backstage-plugin-aims-common';

export const IMPLEMENTATION_STATUSES = SOA_IMPLEMENTATION_STATUSES;
export const IMPLEMENTATION_STATUS_LABELS = SOA_IMPLEMENTATION_STATUS_LABELS;

export const SOA_STATUS_LABELS: Record<string, string> = {
  none: 'Not started',
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
};

export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired',
};

export const INCLUSION_REASON_LABELS: Record<
  InclusionReason['reason'],
  string
> = {
  'risk-treatment': 'Risk treatment',
  'eu-ai-act-obligation': 'EU AI Act',
  contractual: 'Contractual',
  'good-practice': 'Good practice',
};

export const EXCLUSION_STANDING_LABELS: Record<string, string> = {
  'not-excluded': '',
  justified: 'Exclusion justified',
  unjustified: 'Exclusion not justified',
  'review-overdue': 'Exclusion review overdue',
};

/** "Yes" / "No" / "Undecided" for a control's applicability. */
export function applicableLabel(applicable: boolean | null): string {
  if (applicable === null) return 'Undecided';
  return applicable ? 'Yes' : 'No';
}

/** The segments of a coverage bar, in the order they are drawn, with their legend text. */
export const COVERAGE_SEGMENTS: ReadonlyArray<{
  key: Exclude<keyof SoaCoverage, 'total'>;
  label: string;
}> = [
  {
    key: 'implementedWithEvidence',
    label: 'Implemented, current evidence',
  },
  {
    key: 'implementedWithoutEvidence',
    label: 'Implemented, no current evidence',
  },
  { key: 'inProgress', label: 'In progress' },
  { key: 'notStarted', label: 'Not started' },
  { key: 'excluded', label: 'Excluded' },
  { key: 'undecided', label: 'Undecided' },
];

/** Today as YYYY-MM-DD (UTC), what review-by dates compare with. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
