import { checkJsonBounds } from '../json/bounds';

/** One changed field between two versions of a document: `dimensions[3].severity: 2 → 4`. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A change's before and after are kept whole up to this size; larger (or deeper) values, which
 * only records stored before input was bounded can hold, are summarised instead, so the audit
 * entry of an edit stays small and no diff walks (or stringifies) an unbounded value.
 */
export const DIFF_VALUE_BOUNDS = { maxDepth: 8, maxBytes: 4_096 };
/** Documents are compared field by field down to this depth, and as a whole below it. */
const MAX_DIFF_DEPTH = 8;

const isBounded = (v: unknown) => !checkJsonBounds(v, DIFF_VALUE_BOUNDS);

/** The value as a change records it: itself, or a summary when it is out of bounds. */
const recorded = (v: unknown): unknown => {
  if (v === undefined) return null;
  if (isBounded(v)) return v;
  return {
    omitted: `a value larger than ${DIFF_VALUE_BOUNDS.maxBytes} bytes or nested deeper than ${DIFF_VALUE_BOUNDS.maxDepth} levels`,
  };
};

/**
 * Field-level differences between two JSON documents (impact-assessment content, risks).
 * Used for the version diff in the UI and for "what changed" in the audit log, so both say
 * the same thing. Lists of scalars compare as a whole; lists of objects element by element
 * (dimension rows keyed by `dimension` when present).
 */
export function diffDocuments(
  before: unknown,
  after: unknown,
  path = '',
  depth = 0,
): FieldChange[] {
  if (depth < MAX_DIFF_DEPTH && isObject(before) && isObject(after)) {
    const keys = [
      ...new Set([...Object.keys(before), ...Object.keys(after)]),
    ].sort();
    return keys.flatMap(k =>
      diffDocuments(before[k], after[k], path ? `${path}.${k}` : k, depth + 1),
    );
  }
  if (
    depth < MAX_DIFF_DEPTH &&
    Array.isArray(before) &&
    Array.isArray(after) &&
    [...before, ...after].some(isObject)
  ) {
    const keyOf = (row: unknown, i: number) =>
      isObject(row) && typeof row.dimension === 'string'
        ? row.dimension
        : String(i);
    const a = new Map(before.map((r, i) => [keyOf(r, i), r]));
    const b = new Map(after.map((r, i) => [keyOf(r, i), r]));
    const keys = [...new Set([...a.keys(), ...b.keys()])];
    return keys.flatMap(k =>
      diffDocuments(a.get(k), b.get(k), `${path}[${k}]`, depth + 1),
    );
  }
  // out-of-bounds values are not stringified (that recurses); they count as changed
  if (
    isBounded(before) &&
    isBounded(after) &&
    JSON.stringify(before) === JSON.stringify(after)
  )
    return [];
  if (before === after) return [];
  return [{ field: path, before: recorded(before), after: recorded(after) }];
}
