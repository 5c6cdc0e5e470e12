import { nextImpactAssessmentStatus, WorkflowViolation } from './workflow';

const author = 'user:default/alice';

describe('nextImpactAssessmentStatus', () => {
  it('moves draft → in-review → approved', () => {
    expect(nextImpactAssessmentStatus({ status: 'draft', action: 'submit', actor: author, author })).toBe('in-review');
    expect(nextImpactAssessmentStatus({ status: 'in-review', action: 'approve', actor: 'user:default/bob', author })).toBe('approved');
  });

  it('returns to draft only with a reason', () => {
    expect(nextImpactAssessmentStatus({ status: 'in-review', action: 'return', actor: 'user:default/bob', author, reason: 'Add misuse cases' })).toBe('draft');
    expect(() => nextImpactAssessmentStatus({ status: 'in-review', action: 'return', actor: 'user:default/bob', author, reason: '  ' })).toThrow(
      expect.objectContaining({ status: 400, message: 'reason is required to return an impact assessment to draft' }),
    );
  });

  it('refuses self-approval (four eyes), case-insensitively, with 403', () => {
    let error: unknown;
    try {
      nextImpactAssessmentStatus({ status: 'in-review', action: 'approve', actor: 'user:default/Alice', author });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkflowViolation);
    expect(error).toMatchObject({ status: 403 });
  });

  it.each([
    ['draft', 'approve'],
    ['draft', 'return'],
    ['in-review', 'submit'],
    ['approved', 'submit'],
    ['approved', 'approve'],
    ['approved', 'return'],
  ] as const)('refuses %s --%s--> with 409', (status, action) => {
    expect(() => nextImpactAssessmentStatus({ status, action, actor: 'user:default/bob', author, reason: 'r' })).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });
});
