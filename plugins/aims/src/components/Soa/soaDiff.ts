import {
  FieldChange,
  diffDocuments,
} from '@aims-backstage/backstage-plugin-aims-common';
import { SoaDocument } from '../../api';

const ROW_FIELD_LABELS: Record<string, string> = {
  applicable: 'Applicable',
  justification: 'Justification',
  contractual: 'Contractual',
  goodPractice: 'Good practice',
  implementationStatus: 'Status',
  owner: 'Owner',
  reviewBy: 'Review by',
  documents: 'Documents',
  title: 'Title',
};

/** The decisions a SoA version stores for a row (not what is evaluated on read). */
function stored(row: Record<string, unknown> | undefined) {
  if (!row) return undefined;
  return Object.fromEntries(
    Object.keys(ROW_FIELD_LABELS)
      .filter(k => k in row)
      .map(k => [k, row[k]]),
  );
}

/**
 * The per-row field changes between two SoA versions, "A.6.2.4 › Status", Annex A rows first
 * in catalogue order, then the organisation's own controls: the shared diffDocuments over
 * each row's stored decisions.
 */
export function diffSoaVersions(
  before: SoaDocument,
  after: SoaDocument,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const rowChanges = (
    id: string,
    a: Record<string, unknown> | undefined,
    b: Record<string, unknown> | undefined,
  ) => {
    if (!a || !b) {
      changes.push({
        field: `${id} › Control`,
        before: a ? 'present' : null,
        after: b ? 'present' : null,
      });
      return;
    }
    for (const c of diffDocuments(stored(a), stored(b))) {
      const key = c.field.split(/[.[]/)[0];
      changes.push({
        ...c,
        field: `${id} › ${ROW_FIELD_LABELS[key] ?? c.field}`,
      });
    }
  };
  const beforeRows = new Map(before.controls.map(r => [r.controlId, r]));
  for (const row of after.controls) {
    rowChanges(row.controlId, beforeRows.get(row.controlId), row);
  }
  const ids = [
    ...new Set([
      ...before.additionalControls.map(a => a.id),
      ...after.additionalControls.map(a => a.id),
    ]),
  ];
  for (const id of ids) {
    rowChanges(
      id,
      before.additionalControls.find(a => a.id === id),
      after.additionalControls.find(a => a.id === id),
    );
  }
  return changes;
}
