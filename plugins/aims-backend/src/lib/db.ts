/**
 * SQLite allows 999 bound variables per statement in older builds (32766 in newer ones);
 * PostgreSQL allows 65535. Chunks of 500 stay well below both, leaving room for other bindings.
 */
export const IN_LIST_CHUNK_SIZE = 500;

/** Splits a list into chunks for `whereIn` queries. */
export function chunk<T>(
  items: readonly T[],
  size = IN_LIST_CHUNK_SIZE,
): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

/** Entity refs are stored lower-case so lookups can use the indexes. */
export function normalizeRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * Timestamps come back as `Date` (PostgreSQL), epoch milliseconds (SQLite, when written as a
 * `Date`) or strings (SQLite `CURRENT_TIMESTAMP`, `YYYY-MM-DD HH:MM:SS` in UTC).
 */
export function toIsoTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  let date: Date;
  if (value instanceof Date) {
    date = value;
  } else if (typeof value === 'number') {
    date = new Date(value);
  } else if (typeof value === 'string') {
    if (/^\d+$/.test(value)) {
      date = new Date(Number(value));
    } else {
      const isoish = value.includes('T') ? value : value.replace(' ', 'T');
      const hasZone = /(Z|[+-]\d\d(:?\d\d)?)$/.test(isoish);
      date = new Date(hasZone ? isoish : `${isoish}Z`);
    }
  } else {
    return null;
  }
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * A JSON column as read back: PostgreSQL's json/jsonb comes parsed, SQLite's text as a string;
 * a missing value is null.
 */
export function parseJsonColumn(value: unknown): any {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** The fields of a reviewed, versioned record (the SoA, an impact assessment) its workflow changes. */
export interface ReviewedVersionPatch {
  status?: string;
  content?: unknown;
  contributors?: string[];
  submittedBy?: string | null;
  submittedAt?: Date | null;
  approvedBy?: string | null;
  approvedAt?: Date | null;
  returnedReason?: string | null;
}

/**
 * The column values of a conditional update of such a record from `revision`: the next revision,
 * `at` as the update time and the fields `patch` gives (undefined leaves a column as it is).
 */
export function reviewedVersionUpdate(
  revision: number,
  at: Date,
  patch: ReviewedVersionPatch,
): Record<string, unknown> {
  const values: Record<string, unknown> = {
    revision: revision + 1,
    updated_at: at,
  };
  if (patch.status !== undefined) values.status = patch.status;
  if (patch.content !== undefined)
    values.content = JSON.stringify(patch.content);
  if (patch.contributors !== undefined)
    values.contributors = JSON.stringify(patch.contributors);
  const plain: Array<[keyof ReviewedVersionPatch, string]> = [
    ['submittedBy', 'submitted_by'],
    ['submittedAt', 'submitted_at'],
    ['approvedBy', 'approved_by'],
    ['approvedAt', 'approved_at'],
    ['returnedReason', 'returned_reason'],
  ];
  for (const [key, column] of plain) {
    if (patch[key] !== undefined) values[column] = patch[key];
  }
  return values;
}
