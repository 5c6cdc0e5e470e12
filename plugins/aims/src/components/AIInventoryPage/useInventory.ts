import { useApi, useApiHolder } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import {
  AISYSTEM_KIND,
  InventoryCounts,
  InventoryResponse,
  WELL_KNOWN_AI_SYSTEM_TYPES,
  WELL_KNOWN_LIFECYCLES,
} from '@aims-backstage/backstage-plugin-aims-common';
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

/**
 * Counts by impact-assessment status and by tier, faceted by the backend (each dimension is
 * counted with the other's filter applied, so a number says what clicking it would list).
 */
export function useInventoryCounts(filters: InventoryFilters) {
  const aimsApi = useApi(aimsApiRef);
  const key = JSON.stringify(toQuery(filters));
  return useAsync(
    (): Promise<InventoryCounts> =>
      aimsApi.getInventoryCounts(toQuery(filters)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [aimsApi, key],
  );
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
