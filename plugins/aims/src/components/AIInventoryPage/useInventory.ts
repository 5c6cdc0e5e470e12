import { useApi, useApiHolder } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import {
  AISYSTEM_KIND,
  EU_AI_ACT_TIERS,
  EuAiActTier,
  IMPACT_ASSESSMENT_STATUSES,
  ImpactAssessmentStatus,
  InventoryResponse,
  WELL_KNOWN_AI_SYSTEM_TYPES,
  WELL_KNOWN_LIFECYCLES,
} from '@internal/plugin-aims-common';
import { aimsApiRef } from '../../api';
import { InventoryFilters, toQuery } from './filters';

/** One page of the inventory for the given filters. */
export function useInventoryPage(
  filters: InventoryFilters,
  page: number,
  pageSize: number,
) {
  const aimsApi = useApi(aimsApiRef);
  const key = JSON.stringify(toQuery(filters));
  return useAsync(
    (): Promise<InventoryResponse> =>
      aimsApi.getInventory({
        ...toQuery(filters),
        limit: pageSize,
        offset: page * pageSize,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [aimsApi, key, page, pageSize],
  );
}

export interface InventoryCounts {
  byStatus: Record<ImpactAssessmentStatus, number>;
  byTier: Record<EuAiActTier, number>;
}

/**
 * Counts by impact-assessment status and by tier, faceted: each dimension is counted with
 * every *other* filter applied, so the numbers say what a click on them would show. The
 * contract has no facet endpoint, so this asks `/inventory` for `totalCount` with `limit=1`.
 */
export function useInventoryCounts(filters: InventoryFilters) {
  const aimsApi = useApi(aimsApiRef);
  const { status: _s, tier: _t, ...rest } = toQuery(filters);
  const key = JSON.stringify(rest);
  return useAsync(async (): Promise<InventoryCounts> => {
    const [statusCounts, tierCounts] = await Promise.all([
      Promise.all(
        IMPACT_ASSESSMENT_STATUSES.map(status =>
          aimsApi
            .getInventory({ ...rest, tier: filters.tier, status, limit: 1 })
            .then(r => [status, r.totalCount] as const),
        ),
      ),
      Promise.all(
        EU_AI_ACT_TIERS.map(tier =>
          aimsApi
            .getInventory({ ...rest, status: filters.status, tier, limit: 1 })
            .then(r => [tier, r.totalCount] as const),
        ),
      ),
    ]);
    return {
      byStatus: Object.fromEntries(statusCounts) as InventoryCounts['byStatus'],
      byTier: Object.fromEntries(tierCounts) as InventoryCounts['byTier'],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [aimsApi, key, filters.status, filters.tier]);
}

export interface FilterOptions {
  owners: string[];
  lifecycles: string[];
  types: string[];
}

function merge(known: readonly string[], found: string[]): string[] {
  return Array.from(new Set([...known, ...found])).sort((a, b) =>
    a.localeCompare(b),
  );
}

/**
 * Choices for the owner, lifecycle and type selects, from the catalog's facets over AISystem
 * entities (owner as full refs from the `ownedBy` relation, which is what the API filters on).
 * Without a catalog the well-known values are offered.
 */
export function useFilterOptions(): FilterOptions {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const { value } = useAsync(async () => {
    if (!catalogApi) return undefined;
    const { facets } = await catalogApi.getEntityFacets({
      filter: { kind: AISYSTEM_KIND },
      facets: ['relations.ownedBy', 'spec.lifecycle', 'spec.type'],
    });
    const values = (name: string) => (facets[name] ?? []).map(f => f.value);
    return {
      owners: values('relations.ownedBy'),
      lifecycles: values('spec.lifecycle'),
      types: values('spec.type'),
    };
  }, [catalogApi]);
  return {
    owners: merge([], value?.owners ?? []),
    lifecycles: merge(WELL_KNOWN_LIFECYCLES, value?.lifecycles ?? []),
    types: merge(WELL_KNOWN_AI_SYSTEM_TYPES, value?.types ?? []),
  };
}
