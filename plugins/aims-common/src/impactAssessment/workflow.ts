import { fourEyesViolation } from '../governance/fourEyes';

/** Stored states of one impact-assessment version. `review-overdue` is derived from dates. */
export const IMPACT_ASSESSMENT_STORED_STATUSES = [
  'draft',
  'in-review',
  'approved',
] as const;
export type ImpactAssessmentStoredStatus =
  (typeof IMPACT_ASSESSMENT_STORED_STATUSES)[number];

/** Workflow actions: submit for review, approve, or return to draft with a reason. */
export const IMPACT_ASSESSMENT_ACTIONS = [
  'submit',
  'approve',
  'return',
] as const;
export type ImpactAssessmentAction = (typeof IMPACT_ASSESSMENT_ACTIONS)[number];

const TRANSITIONS: Record<
  ImpactAssessmentAction,
  { from: ImpactAssessmentStoredStatus; to: ImpactAssessmentStoredStatus }
> = {
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
 * The next status of an assessment version, or a WorkflowViolation. Approval needs a user who
 * wrote none of the version and did not submit it (the four-eyes rule, {@link fourEyesViolation});
 * returning needs a reason. Permission checks (who may approve at all) are the permission
 * framework's job, not this function's.
 */
export function nextImpactAssessmentStatus(input: {
  status: ImpactAssessmentStoredStatus;
  action: ImpactAssessmentAction;
  actor: string;
  author: string;
  /** Every user who saved or submitted the version (see ImpactAssessmentVersion.contributors). */
  contributors: readonly string[];
  submittedBy?: string | null;
  reason?: string;
}): ImpactAssessmentStoredStatus {
  const transition = TRANSITIONS[input.action];
  if (input.status !== transition.from) {
    throw new WorkflowViolation(
      `Cannot ${input.action} an impact assessment that is ${input.status} (only one that is ${transition.from})`,
      409,
    );
  }
  if (input.action === 'approve') {
    const violation = fourEyesViolation(input.actor, input);
    if (violation) {
      throw new WorkflowViolation(
        `Cannot approve this impact assessment: ${violation}`,
        403,
      );
    }
  }
  if (input.action === 'return' && !input.reason?.trim()) {
    throw new WorkflowViolation(
      'reason is required to return an impact assessment to draft',
      400,
    );
  }
  return transition.to;
}
