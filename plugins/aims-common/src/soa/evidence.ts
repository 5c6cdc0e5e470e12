import { SourceHealthStatus } from '../drift/reconcile';
import { Evidence, EvidenceStatus, LiveEvidenceSource } from './model';

/** How a monitored metric stands now (a monitoring series' status). */
export type LiveMetricHealth = 'ok' | 'breached' | 'stale' | 'no-data';

const METRIC_HEALTH_WORDS: Record<Exclude<LiveMetricHealth, 'ok'>, string> = {
  breached: 'outside its threshold',
  stale: 'stale (not reported within its interval)',
  'no-data': 'not reported yet',
};

/** How a deployment source stands now: the drift module's source health, or unknown. */
export type LiveSourceHealth = SourceHealthStatus | 'unknown';

/**
 * Whether an evidence item counts now, and why (in words for the UI and the finding). Computed
 * on every read, never stored: an approved item stops counting the moment it passes its expiry
 * or its live source fails, without anyone editing the SoA.
 */
export function evidenceStanding(
  evidence: {
    status: EvidenceStatus;
    expiresAt: string | null;
    live: LiveEvidenceSource | null;
  },
  now: Date,
  sourceHealth: (sourceId: string) => LiveSourceHealth = () => 'unknown',
  /** How a monitored metric of the evidence's AI system stands now (`auc`, `auc:eu`). */
  metricHealth: (metric: string) => LiveMetricHealth = () => 'no-data',
): { current: boolean; standing: string } {
  if (evidence.status === 'expired')
    return {
      current: false,
      standing: `expired${
        evidence.expiresAt ? ` on ${evidence.expiresAt.slice(0, 10)}` : ''
      }`,
    };
  if (evidence.expiresAt && new Date(evidence.expiresAt) <= now)
    return {
      current: false,
      standing: `expired on ${evidence.expiresAt.slice(0, 10)}`,
    };
  if (evidence.status !== 'approved')
    return {
      current: false,
      standing:
        evidence.status === 'rejected'
          ? 'rejected'
          : `${evidence.status}, not approved yet`,
    };
  if (evidence.live?.kind === 'monitoring-metric') {
    const health = metricHealth(evidence.live.id);
    return health === 'ok'
      ? {
          current: true,
          standing: `live: metric ${evidence.live.id} is fresh and inside its threshold`,
        }
      : {
          current: false,
          standing: `live metric ${evidence.live.id} is ${METRIC_HEALTH_WORDS[health]}`,
        };
  }
  if (evidence.live) {
    const health = sourceHealth(evidence.live.id);
    if (health !== 'healthy')
      return {
        current: false,
        standing:
          health === 'unknown'
            ? `live source ${evidence.live.id} has never reported`
            : `live source ${evidence.live.id} ${
                health === 'failed' ? 'failed its last run' : 'is stale'
              }`,
      };
    return {
      current: true,
      standing: `live: source ${evidence.live.id} is healthy`,
    };
  }
  return {
    current: true,
    standing: evidence.expiresAt
      ? `approved, current until ${evidence.expiresAt.slice(0, 10)}`
      : 'approved',
  };
}

/** Whether an item falls in the "expiring in the next `days` days" list (not expired yet). */
export function evidenceExpiresWithin(
  evidence: { status: EvidenceStatus; expiresAt: string | null },
  now: Date,
  days: number,
): boolean {
  if (!evidence.expiresAt || evidence.status === 'expired') return false;
  if (evidence.status === 'rejected') return false;
  const at = new Date(evidence.expiresAt).getTime();
  return at > now.getTime() && at <= now.getTime() + days * 86_400_000;
}

/** Whether the scheduled job should mark the item expired now. */
export function evidenceDueToExpire(
  evidence: { status: EvidenceStatus; expiresAt: string | null },
  now: Date,
): boolean {
  return (
    !!evidence.expiresAt &&
    evidence.status !== 'expired' &&
    evidence.status !== 'rejected' &&
    new Date(evidence.expiresAt) <= now
  );
}

/** At least one item counts now. */
export function hasCurrentEvidence(
  items: readonly Pick<Evidence, 'current'>[],
): boolean {
  return items.some(e => e.current);
}
