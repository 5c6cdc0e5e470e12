import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AimsStatus,
  InventoryCounts,
  InventoryQuery,
  InventoryResponse,
} from '@internal/plugin-aims-common';

/**
 * Client for the AIMS backend (`/api/aims`).
 *
 * @public
 */
export interface AimsApi {
  /** `GET /inventory` with filters and paging. */
  getInventory(query?: InventoryQuery): Promise<InventoryResponse>;
  /**
   * `GET /inventory/counts`: systems by impact-assessment status (tier filter applied) and by
   * tier (status filter applied); paging is ignored.
   */
  getInventoryCounts(query?: InventoryQuery): Promise<InventoryCounts>;
  /** `GET /inventory?format=csv` with the same filters; paging is ignored. */
  getInventoryCsv(query?: InventoryQuery): Promise<Blob>;
  /**
   * `GET /status/:kind/:namespace/:name`: an AISystem's own status, or for any other entity
   * (a Component) the roll-up over the AI systems it uses.
   */
  getStatus(entityRef: CompoundEntityRef | string): Promise<AimsStatus>;
}

/** @public */
export const aimsApiRef = createApiRef<AimsApi>().with({
  id: 'plugin.aims.service',
  pluginId: 'aims',
});
