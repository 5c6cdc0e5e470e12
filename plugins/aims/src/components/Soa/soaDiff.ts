import {
  FieldChange,
  Soa,
  SoaAdditionalControl,
  diffSoaContent,
} from '@aims-backstage/backstage-plugin-aims-common';

const FIELD_LABELS: Record<string, string> = {
  applicable: 'Applicable',
  justification: 'Justification',
  contractual: 'Contractual',
  goodPractice: 'Good practice',
  implementationStatus: 'Status',
  owner: 'Owner',
  reviewBy: 'Review by',
  documents: 'Documents',
  '*': 'Own control',
};

/** An own control in a change row: its title, applicability and status. */
function ownControlText(value: unknown): string | null {
  const c = value as SoaAdditionalControl | null;
  if (!c) return null;
  return `${c.title} (${c.applicable ? 'applicable' : 'excluded'}, ${
    c.implementationStatus
  })`;
}

/**
 * The changes between two SoA versions as the shared diffSoaContent sees them (the stored
 * decisions, not what is evaluated on read), labelled "A.6.2.4 › Status" for the change table.
 */
export function diffSoaVersions(before: Soa, after: Soa): FieldChange[] {
  return diffSoaContent(before, after).map(c => ({
    field: `${c.controlId} › ${FIELD_LABELS[c.field] ?? c.field}`,
    before: c.field === '*' ? ownControlText(c.before) : c.before,
    after: c.field === '*' ? ownControlText(c.after) : c.after,
  }));
}
