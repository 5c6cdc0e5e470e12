import { FINDING_STATUSES } from './vocabulary';
import {
  OPEN_FINDING_STATUSES,
  allowedFindingActions,
  checkFindingAction,
  checkFindingActionRequest,
  findingActionStatusProblem,
  earliestFindingActionUntilDate,
  findingActionNeedsUntil,
  isOpenFinding,
  parseFindingActionUntil,
} from './findingRules';

const NOW = new Date('2026-11-30T12:00:00Z');

describe('open findings', () => {
  it('are the open and acknowledged ones; snoozed, risk-accepted and resolved are not', () => {
    expect(
      FINDING_STATUSES.filter(status => isOpenFinding({ status })),
    ).toEqual(['open', 'acknowledged']);
    expect([...OPEN_FINDING_STATUSES]).toEqual(['open', 'acknowledged']);
  });
});

describe('allowedFindingActions', () => {
  it('allows every action on an open finding', () => {
    expect(allowedFindingActions('open')).toEqual([
      'acknowledge',
      'snooze',
      'accept-risk',
      'resolve',
    ]);
  });

  it('never repeats the status a finding already has', () => {
    expect(allowedFindingActions('acknowledged')).toEqual([
      'snooze',
      'accept-risk',
      'resolve',
    ]);
    expect(allowedFindingActions('snoozed')).toEqual([
      'acknowledge',
      'accept-risk',
      'resolve',
    ]);
    expect(allowedFindingActions('risk-accepted')).toEqual([
      'acknowledge',
      'snooze',
      'resolve',
    ]);
  });

  it('leaves nothing to do on a resolved finding', () => {
    expect(allowedFindingActions('resolved')).toEqual([]);
  });
});

describe('until of snooze and accept-risk', () => {
  it('is needed by snooze and accept-risk only', () => {
    expect(findingActionNeedsUntil('snooze')).toBe(true);
    expect(findingActionNeedsUntil('accept-risk')).toBe(true);
    expect(findingActionNeedsUntil('acknowledge')).toBe(false);
    expect(findingActionNeedsUntil('resolve')).toBe(false);
  });

  it('reads a date as the end of that day UTC, and a date-time only with a timezone', () => {
    expect(parseFindingActionUntil('2026-12-31')?.toISOString()).toBe(
      '2026-12-31T23:59:59.999Z',
    );
    expect(
      parseFindingActionUntil('2026-12-31T10:00:00+01:00')?.toISOString(),
    ).toBe('2026-12-31T09:00:00.000Z');
    expect(parseFindingActionUntil('2026-12-31T10:00:00')).toBeUndefined();
    expect(parseFindingActionUntil('2026-02-30')).toBeUndefined();
    expect(parseFindingActionUntil('next week')).toBeUndefined();
    expect(parseFindingActionUntil(20261231)).toBeUndefined();
  });

  it('may be today at the earliest (it holds to the end of the day)', () => {
    const today = earliestFindingActionUntilDate(NOW);
    expect(today).toBe('2026-11-30');
    expect(
      checkFindingAction(
        { action: 'snooze', until: today, status: 'open' },
        NOW,
      ),
    ).toEqual({
      action: 'snooze',
      until: new Date('2026-11-30T23:59:59.999Z'),
    });
    expect(
      checkFindingAction(
        { action: 'snooze', until: '2026-11-29', status: 'open' },
        NOW,
      ),
    ).toEqual({
      problem: 'until must be in the future',
    });
  });
});

describe('checkFindingAction', () => {
  it('accepts an allowed action with what it needs', () => {
    expect(
      checkFindingAction({ action: 'acknowledge', status: 'open' }, NOW),
    ).toEqual({
      action: 'acknowledge',
    });
    expect(
      checkFindingAction(
        { action: 'accept-risk', until: '2027-01-31', status: 'acknowledged' },
        NOW,
      ),
    ).toEqual({
      action: 'accept-risk',
      until: new Date('2027-01-31T23:59:59.999Z'),
    });
  });

  it('names the field of each problem', () => {
    const problem = (input: Parameters<typeof checkFindingAction>[0]) =>
      checkFindingAction(input, NOW).problem;
    expect(problem({ action: 'ignore', status: 'open' })).toBe(
      'action must be one of acknowledge, snooze, accept-risk, resolve',
    );
    expect(problem({ action: 'acknowledge', status: 'acknowledged' })).toBe(
      'action acknowledge is not allowed on a finding that is acknowledged (allowed: snooze, accept-risk, resolve)',
    );
    expect(problem({ action: 'resolve', status: 'resolved' })).toBe(
      'action resolve is not allowed on a finding that is resolved',
    );
    expect(problem({ action: 'snooze', status: 'open' })).toBe(
      'until is required for snooze',
    );
    expect(problem({ action: 'snooze', until: '', status: 'open' })).toBe(
      'until is required for snooze',
    );
    expect(
      problem({ action: 'accept-risk', until: '31.12.2026', status: 'open' }),
    ).toBe(
      'until must be an ISO date (2026-12-31) or date-time with a timezone',
    );
    expect(
      problem({ action: 'resolve', until: '2027-01-01', status: 'open' }),
    ).toBe('until is only allowed for snooze and accept-risk');
  });
});

describe('checkFindingActionRequest and findingActionStatusProblem', () => {
  it('check the request before the finding is known, and the status after', () => {
    expect(checkFindingActionRequest({ action: 'resolve' }, NOW)).toEqual({
      action: 'resolve',
    });
    expect(checkFindingActionRequest({ action: 'snooze' }, NOW).problem).toBe(
      'until is required for snooze',
    );
    expect(findingActionStatusProblem('resolve', 'open')).toBeUndefined();
    expect(findingActionStatusProblem('snooze', 'snoozed')).toBe(
      'action snooze is not allowed on a finding that is snoozed (allowed: acknowledge, accept-risk, resolve)',
    );
  });
});
