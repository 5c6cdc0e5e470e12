import { HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { inventoryToCsv } from '../domain/csv';
import { parseInventoryQuery } from '../domain/inventoryQuery';
import { loadOpenApiSpec } from '../schema/openapi';
import { InventoryService } from './InventoryService';
import { StatusService } from './StatusService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  inventory: InventoryService;
  status: StatusService;
}

/**
 * HTTP only: the OpenAPI spec validates requests (400 naming the parameter), handlers parse,
 * call a service and shape the answer. Errors thrown here (InputError, NotFoundError) are
 * turned into responses by the error handler that the httpRouter service wraps around plugin
 * routers.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, inventory, status } = options;
  const router = createValidatedOpenApiRouter(
    loadOpenApiSpec() as any,
  ) as unknown as express.Router;

  router.get('/inventory', async (req, res) => {
    const query = parseInventoryQuery(req.query as Record<string, unknown>);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const result = await inventory.list(query, credentials);
    if (query.format === 'csv') {
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader(
          'Content-Disposition',
          'attachment; filename="ai-inventory.csv"',
        );
      res.send(inventoryToCsv(result.items));
      return;
    }
    res.json(result);
  });

  router.get('/inventory/counts', async (req, res) => {
    const query = parseInventoryQuery(req.query as Record<string, unknown>);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await inventory.counts(query, credentials));
  });

  router.get('/status/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    res.json(
      await status.getStatus(
        { kind: kind.toLocaleLowerCase('en-US'), namespace, name },
        credentials,
      ),
    );
  });

  return router;
}
