import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The route of the AI Inventory page, one ref for both frontend systems: the legacy
 * `createRouteRef` makes refs the new frontend system takes as they are, so the legacy
 * `AIInventoryPage` and the new system's `page:aims` mount the same route and links to the
 * inventory resolve in either app.
 *
 * @public
 */
export const aiInventoryRouteRef = createRouteRef({ id: 'aims:ai-inventory' });
