/**
 * The four-eyes principle of AIMS approvals (ISO/IEC 42001 5.3 segregation of roles): a record
 * is approved only by someone who neither wrote any of it nor put it forward for approval.
 * Impact assessments use it today; the Statement of Applicability will use the same rule.
 */

/** Who had a hand in a record awaiting approval. */
export interface FourEyesRecord {
  /** The user who started the record (older records know only this one). */
  author?: string | null;
  /** Every user who wrote (saved) or submitted the record. */
  contributors?: readonly string[] | null;
  /** The user who submitted the record for the approval now being given. */
  submittedBy?: string | null;
}

const lower = (ref: string) => ref.trim().toLocaleLowerCase('en-US');

/**
 * The users who may not approve `record`: its author, every contributor and the submitter,
 * as lower-case refs without duplicates, in that order.
 */
export function fourEyesExcluded(record: FourEyesRecord): string[] {
  const refs = [
    record.author,
    ...(record.contributors ?? []),
    record.submittedBy,
  ].filter((r): r is string => typeof r === 'string' && r.trim() !== '');
  return [...new Set(refs.map(lower))];
}

/**
 * Why `approver` may not approve `record` under the four-eyes principle, or `undefined` when
 * they may. Whether the approver holds the approval permission at all is the permission
 * framework's question, not this function's.
 */
export function fourEyesViolation(
  approver: string,
  record: FourEyesRecord,
): string | undefined {
  const who = lower(approver);
  if (record.submittedBy && lower(record.submittedBy) === who) {
    return `${approver} submitted this for approval and cannot approve their own submission; another approver must (four eyes)`;
  }
  if (fourEyesExcluded(record).includes(who)) {
    return `${approver} wrote part of this and cannot approve their own work; another approver must (four eyes)`;
  }
  return undefined;
}

/** Whether `approver` may approve `record` under the four-eyes principle (see {@link fourEyesViolation}). */
export function mayApproveFourEyes(
  approver: string,
  record: FourEyesRecord,
): boolean {
  return fourEyesViolation(approver, record) === undefined;
}

/**
 * The contributors of a record after `actor` wrote or submitted it: `actor` is appended
 * (lower-case) unless already there, so the list keeps the order of first contribution.
 */
export function withContributor(
  contributors: readonly string[],
  actor: string,
): string[] {
  const who = lower(actor);
  return contributors.some(c => lower(c) === who)
    ? [...contributors]
    : [...contributors, who];
}
