import type { components } from '../api/generated/openapi';

/** Finding vocabulary (public contract). A finding is one problem on one entity. */
export const COMPLIANCE_FINDING_TYPES = [
  'missing-impact-assessment',
  'impact-assessment-not-approved',
  'impact-assessment-review-overdue',
  'soa-applicable-not-implemented',
  'soa-incomplete',
  'risk-not-signed-off',
  'monitoring-threshold-breached',
  'monitoring-stale',
] as const;

/** Drift findings sit on the Component that runs the AI, naming the AI system. */
export const DRIFT_FINDING_TYPES = [
  'version-mismatch',
  'undeclared-ai-usage',
  'declared-not-observed',
  'environment-mismatch',
  'retired-but-running',
  'unassessed-in-production',
] as const;

export const FINDING_TYPES = [
  ...COMPLIANCE_FINDING_TYPES,
  ...DRIFT_FINDING_TYPES,
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

export const FINDING_SEVERITIES = [
  'critical',
  'high',
  'medium',
  'low',
] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_STATUSES = [
  'open',
  'acknowledged',
  'snoozed',
  'risk-accepted',
  'resolved',
] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Open-finding counts shown on the inventory and status roll-ups (the API's FindingCounts). */
export type FindingCounts = components['schemas']['FindingCounts'];

export const NO_FINDINGS: FindingCounts = { open: 0, critical: 0, high: 0 };

export function addFindingCounts(
  a: FindingCounts,
  b: FindingCounts,
): FindingCounts {
  return {
    open: a.open + b.open,
    critical: a.critical + b.critical,
    high: a.high + b.high,
  };
}
