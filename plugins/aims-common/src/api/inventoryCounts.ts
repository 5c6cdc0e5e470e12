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

/**
 * The same counts when the tiers arrive as a facet — how many systems in scope carry each
 * tier value, the tier filter left out — rather than per system (the catalog's entity facets
 * answer that without reading any entity). Valid only without a status filter: then a
 * system's tier counts whatever its status, so `byTier` is the facet itself. `statuses` are
 * those of the systems that pass the tier filter.
 */
export function inventoryCountsFromTierFacet(
  statuses: readonly ImpactAssessmentStatus[],
  tiers: ReadonlyArray<{ tier: EuAiActTier; count: number }>,
): InventoryCounts {
  const counts: InventoryCounts = {
    totalCount: statuses.length,
    byStatus: zeros(IMPACT_ASSESSMENT_STATUSES),
    byTier: zeros(EU_AI_ACT_TIERS),
  };
  for (const status of statuses) counts.byStatus[status] += 1;
  for (const { tier, count } of tiers) counts.byTier[tier] += count;
  return counts;
}
