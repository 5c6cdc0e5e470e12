import { FINDING_ACTION_TYPES, FindingActionType } from '../api/driftTypes';
import { FindingStatus } from './vocabulary';

/**
 * Statuses that still need someone: `open`, and `acknowledged` (someone is on it, but the
 * cause is still there). Snoozed and risk-accepted findings come back by themselves when their
 * date passes; resolved ones when the cause returns. The inventory and status roll-ups count
 * these, the drift banner shows these.
 */
export const OPEN_FINDING_STATUSES = [
  'open',
  'acknowledged',
] as const satisfies readonly FindingStatus[];

/** Whether a finding still counts as open (see {@link OPEN_FINDING_STATUSES}). */
export function isOpenFinding(finding: { status: FindingStatus }): boolean {
  return (OPEN_FINDING_STATUSES as readonly FindingStatus[]).includes(
    finding.status,
  );
}

/** The status each finding action sets. */
export const FINDING_ACTION_OUTCOMES: Record<FindingActionType, FindingStatus> =
  {
    acknowledge: 'acknowledged',
    snooze: 'snoozed',
    'accept-risk': 'risk-accepted',
    resolve: 'resolved',
  };

/**
 * The actions a finding's status allows. A resolved finding has nothing left to act on (the
 * next reconcile reopens it when the cause is still there); acknowledging an acknowledged
 * finding changes nothing. Every other action is allowed from every other status, so an owner
 * can e.g. turn a snooze into an accepted risk.
 */
export function allowedFindingActions(
  status: FindingStatus,
): FindingActionType[] {
  if (status === 'resolved') return [];
  return FINDING_ACTION_TYPES.filter(
    action => FINDING_ACTION_OUTCOMES[action] !== status,
  );
}

/** Snooze and accept-risk hold until a date; acknowledge and resolve take none. */
export function findingActionNeedsUntil(action: FindingActionType): boolean {
  return action === 'snooze' || action === 'accept-risk';
}

/**
 * `until` of a snooze or risk acceptance: a date (YYYY-MM-DD, meaning the end of that day
 * UTC) or an ISO date-time with a timezone. Returns undefined for anything else.
 */
export function parseFindingActionUntil(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T23:59:59.999Z`);
    // `2026-02-30` parses to March: a date that does not round-trip does not exist
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value
      ? undefined
      : d;
  }
  if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(value))
    return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The first date (YYYY-MM-DD, UTC) a snooze or risk acceptance may hold until: today, to its end. */
export function earliestFindingActionUntilDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Checks an action request on its own: the action is known, and `until` is given exactly
 * when the action needs one, and lies in the future. Returns the action with the parsed
 * `until`, or the problem, naming the field (`action` or `until`) — the backend answers it
 * with a 400 before it looks the finding up.
 */
export function checkFindingActionRequest(
  input: { action: unknown; until?: unknown },
  now: Date,
):
  | { action: FindingActionType; until?: Date; problem?: undefined }
  | { problem: string } {
  const { action, until } = input;
  if (
    typeof action !== 'string' ||
    !(FINDING_ACTION_TYPES as readonly string[]).includes(action)
  ) {
    return {
      problem: `action must be one of ${FINDING_ACTION_TYPES.join(', ')}`,
    };
  }
  const known = action as FindingActionType;
  if (!findingActionNeedsUntil(known)) {
    return until === undefined
      ? { action: known }
      : { problem: 'until is only allowed for snooze and accept-risk' };
  }
  if (until === undefined || until === null || until === '') {
    return { problem: `until is required for ${known}` };
  }
  const parsed = parseFindingActionUntil(until);
  if (!parsed) {
    return {
      problem:
        'until must be an ISO date (2026-12-31) or date-time with a timezone',
    };
  }
  if (parsed.getTime() <= now.getTime())
    return { problem: 'until must be in the future' };
  return { action: known, until: parsed };
}

/** Why an action is refused in a finding's status, naming the field; undefined when allowed. */
export function findingActionStatusProblem(
  action: FindingActionType,
  status: FindingStatus,
): string | undefined {
  const allowed = allowedFindingActions(status);
  if (allowed.includes(action)) return undefined;
  return `action ${action} is not allowed on a finding that is ${status}${
    allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''
  }`;
}

/**
 * Checks an action on a finding in its current status: the request itself
 * ({@link checkFindingActionRequest}) and whether the status allows the action. What the
 * frontend offers passes here; the backend applies the same two checks.
 */
export function checkFindingAction(
  input: { action: unknown; until?: unknown; status: FindingStatus },
  now: Date,
):
  | { action: FindingActionType; until?: Date; problem?: undefined }
  | { problem: string } {
  const request = checkFindingActionRequest(input, now);
  if (request.problem !== undefined) return request;
  const problem = findingActionStatusProblem(request.action, input.status);
  return problem ? { problem } : request;
}
