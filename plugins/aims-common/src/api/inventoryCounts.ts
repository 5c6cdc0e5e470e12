import { EU_AI_ACT_TIERS, EuAiActTier } from '../domain/euAiAct';
import {
  IMPACT_ASSESSMENT_STATUSES,
  ImpactAssessmentStatus,
  InventoryCounts,
} from './types';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map(k => [k, 0])) as Record<K, number>;

/**
 * Faceted counts: a system counts towards its status when it passes the tier filter, towards
 * its tier when it passes the status filter, and towards the total when it passes both.
 */
export function tallyInventoryCounts(
  systems: Array<{ status: ImpactAssessmentStatus; tier: EuAiActTier }>,
  filters: { status?: ImpactAssessmentStatus; tier?: EuAiActTier },
): InventoryCounts {
  const counts: InventoryCounts = {
    totalCount: 0,
    byStatus: zeros(IMPACT_ASSESSMENT_STATUSES),
    byTier: zeros(EU_AI_ACT_TIERS),
  };
  for (const { status, tier } of systems) {
    const tierOk = !filters.tier || filters.tier === tier;
    const statusOk = !filters.status || filters.status === status;
    if (tierOk) counts.byStatus[status] += 1;
    if (statusOk) counts.byTier[tier] += 1;
    if (tierOk && statusOk) counts.totalCount += 1;
  }
  return counts;
}
