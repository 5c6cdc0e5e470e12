/** Stored states of one impact-assessment version. `review-overdue` is derived from dates. */
export const IMPACT_ASSESSMENT_STORED_STATUSES = ['draft', 'in-review', 'approved'] as const;
export type ImpactAssessmentStoredStatus = (typeof IMPACT_ASSESSMENT_STORED_STATUSES)[number];

/** Workflow actions: submit for review, approve, or return to draft with a reason. */
export const IMPACT_ASSESSMENT_ACTIONS = ['submit', 'approve', 'return'] as const;
export type ImpactAssessmentAction = (typeof IMPACT_ASSESSMENT_ACTIONS)[number];

const TRANSITIONS: Record<ImpactAssessmentAction, { from: ImpactAssessmentStoredStatus; to: ImpactAssessmentStoredStatus }> = {
  submit: { from: 'draft', to: 'in-review' },
  approve: { from: 'in-review', to: 'approved' },
  return: { from: 'in-review', to: 'draft' },
};

/** Why a workflow action is refused; `status` is the HTTP status it maps to. */
export class WorkflowViolation extends Error {
  constructor(message: string, readonly status: 400 | 403 | 409) {
    super(message);
    this.name = 'WorkflowViolation';
  }
}

/**
 * The next status of an assessment version, or a WorkflowViolation. Approval needs a user
 * other than the author (four-eyes principle); returning needs a reason. Permission checks
 * (who may approve at all) are the permission framework's job, not this function's.
 */
export function nextImpactAssessmentStatus(input: {
  status: ImpactAssessmentStoredStatus;
  action: ImpactAssessmentAction;
  actor: string;
  author: string;
  reason?: string;
}): ImpactAssessmentStoredStatus {
  const transition = TRANSITIONS[input.action];
  if (input.status !== transition.from) {
    throw new WorkflowViolation(
      `Cannot ${input.action} an impact assessment that is ${input.status} (only one that is ${transition.from})`,
      409,
    );
  }
  if (input.action === 'approve' && input.actor.toLocaleLowerCase('en-US') === input.author.toLocaleLowerCase('en-US')) {
    throw new WorkflowViolation(
      `The author (${input.author}) cannot approve their own impact assessment; another approver must`,
      403,
    );
  }
  if (input.action === 'return' && !input.reason?.trim()) {
    throw new WorkflowViolation('reason is required to return an impact assessment to draft', 400);
  }
  return transition.to;
}
