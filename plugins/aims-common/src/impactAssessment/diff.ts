/** One changed field between two versions of a document: `dimensions[3].severity: 2 → 4`. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Field-level differences between two JSON documents (impact-assessment content, risks).
 * Used for the version diff in the UI and for "what changed" in the audit log, so both say
 * the same thing. Lists of scalars compare as a whole; lists of objects element by element
 * (dimension rows keyed by `dimension` when present).
 */
export function diffDocuments(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap(k => diffDocuments(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].some(isObject)) {
    const keyOf = (row: unknown, i: number) =>
      isObject(row) && typeof row.dimension === 'string' ? row.dimension : String(i);
    const a = new Map(before.map((r, i) => [keyOf(r, i), r]));
    const b = new Map(after.map((r, i) => [keyOf(r, i), r]));
    const keys = [...new Set([...a.keys(), ...b.keys()])];
    return keys.flatMap(k => diffDocuments(a.get(k), b.get(k), `${path}[${k}]`));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ field: path, before: before ?? null, after: after ?? null }];
}
