import { Finding } from './assessmentTypes';

/**
 * A finding as the backend stores and serves it (`GET /findings`, `GET /findings/:id`):
 * the shared {@link Finding} plus its stable key, how often the cause was seen, and the
 * bounds of a snooze or risk acceptance.
 */
export interface StoredFindingView extends Finding {
  /** Stable key: the same cause gets the same key (`type:component:target:environment`). */
  key: string;
  /** How many reconciles saw the cause. */
  occurrences: number;
  /** Until when a snooze or risk acceptance holds (ISO date-time), else null. */
  statusUntil: string | null;
  /** The reason given with the last action, else null. */
  statusReason: string | null;
}

/** One entry of a finding's append-only history (`GET /findings/:id`, oldest first). */
export interface FindingEvent {
  id: string;
  at: string;
  actor: string;
  /** e.g. opened, reopened, finding.acknowledge, finding.snooze, resolved */
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  until?: string | null;
  details?: Record<string, unknown>;
}

/** `GET /findings/:id` */
export interface FindingWithEvents extends StoredFindingView {
  events: FindingEvent[];
}

/** What an owner or compliance may do with a finding (`POST /findings/:id/actions`). */
export const FINDING_ACTION_TYPES = [
  'acknowledge',
  'snooze',
  'accept-risk',
  'resolve',
] as const;
export type FindingActionType = (typeof FINDING_ACTION_TYPES)[number];

/** Body of `POST /findings/:id/actions`: `until` (a future date) only for snooze and accept-risk. */
export interface FindingActionRequest {
  action: FindingActionType;
  reason: string;
  until?: string;
}

/** One entry of a drift finding's `evidence.sources[]`: what a deployment source saw, when. */
export interface DriftSourceEvidence {
  sourceId: string;
  observedAt: string;
  model?: string;
  provider?: string;
  version?: string;
  evidence?: Record<string, unknown>;
}

/** `GET /sources`: one deployment source and its health. */
export interface DeploymentSourceState {
  id: string;
  status: 'healthy' | 'failed' | 'stale';
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  freshnessWindowMs?: number;
  observationCount: number;
}

/**
 * Components whose deployment reports are stored but not yet compared with the inventory
 * (the drift reconcile queue): a growing backlog means drift findings lag behind.
 */
export interface DriftReconcileBacklog {
  waiting: number;
  oldestRequestedAt: string | null;
}

/** `GET /sources` */
export interface DeploymentSourceListResponse {
  items: DeploymentSourceState[];
  reconcileBacklog?: DriftReconcileBacklog;
}
