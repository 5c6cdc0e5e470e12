import { ImpactAssessmentContent } from '../impactAssessment/model';
import { ImpactAssessmentStoredStatus, ImpactAssessmentAction } from '../impactAssessment/workflow';
import { ImpactAssessmentSummary } from './types';
import { RiskBand, RiskInput, RiskMatrix } from '../risk/model';
import { FindingSeverity, FindingStatus, FindingType } from '../findings/vocabulary';

/** One stored version of an impact assessment. Approved versions are read-only. */
export interface ImpactAssessmentVersion {
  aiSystemRef: string;
  version: number;
  status: ImpactAssessmentStoredStatus;
  content: ImpactAssessmentContent;
  /** Optimistic-locking token: send it back on edits and transitions; a stale one gets 409. */
  revision: number;
  author: string;
  createdAt: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  /** The approved version expires on this date (from content.nextReviewDate). */
  reviewDue: string | null;
  returnedReason: string | null;
  /** Docs-as-code: where the content was imported from (aims.dev/impact-assessment annotation). */
  source: { location: string; importedAt: string } | null;
}

/** `GET /impact-assessments/:kind/:namespace/:name` */
export interface ImpactAssessmentOverview {
  aiSystemRef: string;
  summary: ImpactAssessmentSummary;
  /** The newest version (the draft or review in progress, or the approved one). */
  latest: ImpactAssessmentVersion | null;
  /** The newest approved version, which stays in force while a revision is drafted. */
  approved: ImpactAssessmentVersion | null;
  versions: Array<Pick<ImpactAssessmentVersion, 'version' | 'status' | 'author' | 'createdAt' | 'approvedBy' | 'approvedAt' | 'source'>>;
  /** Derived from the AI system: EU AI Act Art. 27. */
  fundamentalRightsAssessmentRequired: boolean;
}

/** `PUT /impact-assessments/:kind/:namespace/:name/draft` */
export interface SaveImpactAssessmentDraftRequest {
  content: ImpactAssessmentContent;
  /** The revision the edit started from; omit only to start the first draft. */
  revision?: number;
}

/** `POST /impact-assessments/:kind/:namespace/:name/transitions` */
export interface ImpactAssessmentTransitionRequest {
  action: ImpactAssessmentAction;
  revision: number;
  reason?: string;
}

/** A risk in the register (clause 6.1.2 / 8.2 results, 6.1.3 / 8.3 treatment). */
export interface Risk extends RiskInput {
  id: string;
  aiSystemRef: string;
  inherentScore: number;
  residualScore: number;
  inherentBand: RiskBand;
  residualBand: RiskBand;
  /** Residual score above the organisation's acceptance threshold. */
  aboveAcceptance: boolean;
  signOff: { by: string; at: string; residualScore: number } | null;
  /** A residual risk above the threshold without a sign-off of its current score. */
  needsSignOff: boolean;
  revision: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** `GET /risks` */
export interface RiskListResponse {
  items: Risk[];
  totalCount: number;
  matrix: RiskMatrix;
}

/** `GET /risks/heatmap`: counts per cell, `[likelihood-1][impact-1]`. */
export interface RiskHeatMapResponse {
  matrix: RiskMatrix;
  inherent: number[][];
  residual: number[][];
  totalCount: number;
}

/** A stored finding (`GET /findings`). */
export interface Finding {
  id: string;
  type: FindingType;
  entityRef: string;
  aiSystemRef: string | null;
  environment: string | null;
  severity: FindingSeverity;
  status: FindingStatus;
  firstSeenAt: string;
  lastSeenAt: string;
  evidence: Record<string, unknown>;
}

/** An entry of the append-only audit log (`GET /audit`). */
export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  /** e.g. impact-assessment.draft-saved, impact-assessment.approved, risk.created, risk.signed-off */
  action: string;
  entityRef: string;
  /** What changed: field-level before/after or the transition. */
  details: Record<string, unknown>;
}
