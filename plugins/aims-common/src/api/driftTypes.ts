/*
 * Finding-detail and deployment-source types of the AIMS API: aliases of the types generated
 * from the OpenAPI spec (the one definition of the API).
 */
import type { AimsApiSchemas } from './types';

/**
 * A finding as the backend stores and serves it (`GET /findings`, `GET /findings/:id`): the
 * shared Finding plus its stable key, how often the cause was seen, and the bounds of a snooze
 * or risk acceptance.
 */
export type StoredFindingView = AimsApiSchemas['StoredFindingView'];

/** One entry of a finding's append-only history (`GET /findings/:id`, oldest first). */
export type FindingEvent = AimsApiSchemas['FindingEvent'];

/** `GET /findings/:id` */
export type FindingWithEvents = AimsApiSchemas['FindingWithEvents'];

/** What an owner or compliance may do with a finding (`POST /findings/:id/actions`). */
export type FindingActionType = AimsApiSchemas['FindingActionType'];
export const FINDING_ACTION_TYPES = [
  'acknowledge',
  'snooze',
  'accept-risk',
  'resolve',
] as const satisfies readonly FindingActionType[];

/** Body of `POST /findings/:id/actions`: `until` (a future date) only for snooze and accept-risk. */
export type FindingActionRequest = AimsApiSchemas['FindingActionRequest'];

/**
 * One entry of a drift finding's `evidence.sources[]`: what a deployment source saw, when.
 * Domain model of the evidence the drift reconcile writes (the spec keeps `evidence` open).
 */
export interface DriftSourceEvidence {
  sourceId: string;
  observedAt: string;
  model?: string;
  provider?: string;
  version?: string;
  evidence?: Record<string, unknown>;
}

/** `GET /sources`: one deployment source and its health. */
export type DeploymentSourceState = AimsApiSchemas['DeploymentSourceState'];

/**
 * Components whose deployment reports are stored but not yet compared with the inventory
 * (the drift reconcile queue): a growing backlog means drift findings lag behind.
 */
export type DriftReconcileBacklog = AimsApiSchemas['DriftReconcileBacklog'];

/** `GET /sources` */
export type DeploymentSourceListResponse =
  AimsApiSchemas['DeploymentSourceListResponse'];

/** `POST /deployments` answer (202 stored, 200 a repeat). */
export type DeploymentReportResult = AimsApiSchemas['DeploymentReportResult'];

/** `POST /deployments/batch` answer: every report answered on its own. */
export type DeploymentBatchResult = AimsApiSchemas['DeploymentBatchResult'];
