import { nextImpactAssessmentStatus, WorkflowViolation } from './workflow';

const author = 'user:default/alice';
const contributors = [author];

describe('nextImpactAssessmentStatus', () => {
  it('moves draft → in-review → approved', () => {
    expect(
      nextImpactAssessmentStatus({
        status: 'draft',
        action: 'submit',
        actor: author,
        author,
        contributors,
      }),
    ).toBe('in-review');
    expect(
      nextImpactAssessmentStatus({
        status: 'in-review',
        action: 'approve',
        actor: 'user:default/bob',
        author,
        contributors,
      }),
    ).toBe('approved');
  });

  it('returns to draft only with a reason', () => {
    expect(
      nextImpactAssessmentStatus({
        status: 'in-review',
        action: 'return',
        actor: 'user:default/bob',
        author,
        contributors,
        reason: 'Add misuse cases',
      }),
    ).toBe('draft');
    expect(() =>
      nextImpactAssessmentStatus({
        status: 'in-review',
        action: 'return',
        actor: 'user:default/bob',
        author,
        contributors,
        reason: '  ',
      }),
    ).toThrow(
      expect.objectContaining({
        status: 400,
        message: 'reason is required to return an impact assessment to draft',
      }),
    );
  });

  it('refuses self-approval (four eyes), case-insensitively, with 403', () => {
    let error: unknown;
    try {
      nextImpactAssessmentStatus({
        status: 'in-review',
        action: 'approve',
        actor: 'user:default/Alice',
        author,
        contributors,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkflowViolation);
    expect(error).toMatchObject({ status: 403 });
  });

  it('refuses any contributor and the submitter, not only the author (four eyes)', () => {
    // alice opened a stub draft, carol wrote all of it and submitted it: carol may not approve
    const stub = {
      status: 'in-review',
      action: 'approve',
      author,
      contributors: [author, 'user:default/carol'],
      submittedBy: 'user:default/carol',
    } as const;
    expect(() =>
      nextImpactAssessmentStatus({ ...stub, actor: 'user:default/carol' }),
    ).toThrow(expect.objectContaining({ status: 403 }));
    expect(() =>
      nextImpactAssessmentStatus({
        ...stub,
        contributors: [author],
        actor: 'user:default/carol',
      }),
    ).toThrow(
      expect.objectContaining({
        status: 403,
        message: expect.stringContaining('submitted'),
      }),
    );
    expect(
      nextImpactAssessmentStatus({ ...stub, actor: 'user:default/dave' }),
    ).toBe('approved');
  });

  it.each([
    ['draft', 'approve'],
    ['draft', 'return'],
    ['in-review', 'submit'],
    ['approved', 'submit'],
    ['approved', 'approve'],
    ['approved', 'return'],
  ] as const)('refuses %s --%s--> with 409', (status, action) => {
    expect(() =>
      nextImpactAssessmentStatus({
        status,
        action,
        actor: 'user:default/bob',
        author,
        contributors,
        reason: 'r',
      }),
    ).toThrow(expect.objectContaining({ status: 409 }));
  });
});
