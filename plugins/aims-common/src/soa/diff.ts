import { SoaContent, StoredSoaControl, normalizeSoaControls } from './model';

/** One field of one control that differs between two SoA versions. */
export interface SoaChange {
  controlId: string;
  field: string;
  before: unknown;
  after: unknown;
}

const FIELDS: readonly (keyof StoredSoaControl)[] = [
  'applicable',
  'justification',
  'contractual',
  'goodPractice',
  'implementationStatus',
  'owner',
  'reviewBy',
  'documents',
];

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed from one SoA version to another, field by field in catalogue order; additional
 * controls appear as added, removed or changed (field '*').
 */
export function diffSoaContent(
  before: SoaContent,
  after: SoaContent,
): SoaChange[] {
  const changes: SoaChange[] = [];
  const a = normalizeSoaControls(before.controls);
  const b = normalizeSoaControls(after.controls);
  a.forEach((row, i) => {
    for (const field of FIELDS) {
      if (!same(row[field], b[i][field]))
        changes.push({
          controlId: row.controlId,
          field,
          before: row[field],
          after: b[i][field],
        });
    }
  });
  const beforeExtra = new Map(before.additionalControls.map(c => [c.id, c]));
  const afterExtra = new Map(after.additionalControls.map(c => [c.id, c]));
  for (const [id, control] of beforeExtra) {
    const next = afterExtra.get(id);
    if (!next)
      changes.push({ controlId: id, field: '*', before: control, after: null });
    else if (!same(control, next))
      changes.push({ controlId: id, field: '*', before: control, after: next });
  }
  for (const [id, control] of afterExtra) {
    if (!beforeExtra.has(id))
      changes.push({ controlId: id, field: '*', before: null, after: control });
  }
  return changes;
}
