import { HttpAuthService } from '@backstage/backend-plugin-api';
import { AimsRouter, sendCsv, signedIn } from '../lib/http';
import { inventoryToCsv } from './inventoryCsv';
import { parseInventoryQuery } from './inventoryQuery';
import { InventoryService } from './InventoryService';
import { StatusService } from './StatusService';

/** `GET /inventory` (JSON or CSV), `/inventory/counts` and `/status/:kind/:namespace/:name`. */
export function registerInventoryRoutes(
  router: AimsRouter,
  deps: {
    httpAuth: HttpAuthService;
    inventory: InventoryService;
    status: StatusService;
  },
) {
  const { httpAuth, inventory, status } = deps;

  router.get('/inventory', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const query = parseInventoryQuery(req.query);
    const result = await inventory.list(query, credentials);
    if (query.format === 'csv') {
      sendCsv(res, 'ai-inventory.csv', inventoryToCsv(result.items));
      return;
    }
    res.json(result);
  });

  router.get('/inventory/counts', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(
      await inventory.counts(parseInventoryQuery(req.query), credentials),
    );
  });

  router.get('/status/:kind/:namespace/:name', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const { kind, namespace, name } = req.params;
    res.json(
      await status.getStatus(
        { kind: kind.toLocaleLowerCase('en-US'), namespace, name },
        credentials,
      ),
    );
  });
}
