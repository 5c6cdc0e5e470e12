/*
 * Impact-assessment, risk, finding and audit types of the AIMS API: aliases of the types
 * generated from the OpenAPI spec (the one definition of the API). Where the spec leaves a
 * part to a shared domain validator (assessment content), the domain type refines it.
 */
import type { operations } from './generated/openapi';
import type { AimsApiSchemas } from './types';
import type { ImpactAssessmentContent } from '../impactAssessment/model';

/**
 * One stored version of an impact assessment. Approved versions are read-only. `content` is
 * checked by the shared validateImpactAssessmentContent, so its type is the domain model's.
 */
export type ImpactAssessmentVersion = Omit<
  AimsApiSchemas['ImpactAssessmentVersion'],
  'content'
> & { content: ImpactAssessmentContent };

/** `GET /impact-assessments/:kind/:namespace/:name` */
export type ImpactAssessmentOverview = Omit<
  AimsApiSchemas['ImpactAssessmentOverview'],
  'latest' | 'approved'
> & {
  /** The newest version (the draft or review in progress, or the approved one). */
  latest: ImpactAssessmentVersion | null;
  /** The newest approved version, which stays in force while a revision is drafted. */
  approved: ImpactAssessmentVersion | null;
};

/** `PUT /impact-assessments/:kind/:namespace/:name/draft` */
export type SaveImpactAssessmentDraftRequest = Pick<
  operations['SaveImpactAssessmentDraft']['requestBody']['content']['application/json'],
  'revision'
> & { content: ImpactAssessmentContent };

/** `POST /impact-assessments/:kind/:namespace/:name/transitions` */
export type ImpactAssessmentTransitionRequest =
  operations['TransitionImpactAssessment']['requestBody']['content']['application/json'];

/** A risk in the register (clause 6.1.2 / 8.2 results, 6.1.3 / 8.3 treatment). */
export type Risk = AimsApiSchemas['Risk'];

/** `GET /risks` */
export type RiskListResponse = AimsApiSchemas['RiskListResponse'];

/** `GET /risks/heatmap`: counts per cell, `[likelihood-1][impact-1]`. */
export type RiskHeatMapResponse = AimsApiSchemas['RiskHeatMapResponse'];

/** A finding: one problem on one entity. */
export type Finding = AimsApiSchemas['Finding'];

/** An entry of the append-only audit log (`GET /audit`). */
export type AuditEvent = AimsApiSchemas['AuditEvent'];
