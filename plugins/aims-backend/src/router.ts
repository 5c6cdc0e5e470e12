import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  FINDING_TYPES,
} from '@aims-backstage/backstage-plugin-aims-common';
import { AuditLogService } from './audit/AuditLogService';
import { DriftQueueStore } from './drift/DriftQueueStore';
import { SourceService } from './drift/SourceService';
import { DeploymentIngest } from './drift/DeploymentIngest';
import { FindingActions } from './findings/FindingActions';
import { FindingService } from './findings/FindingService';
import { parseBooleanParam } from './lib/queryParams';
import { parseRiskQuery } from './risks/riskQuery';
import { risksToCsv } from './risks/riskCsv';
import { toFullRef } from './lib/ownership';
import { ImpactAssessmentService } from './assessments/ImpactAssessmentService';
import { RiskService } from './risks/RiskService';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { inventoryToCsv } from './inventory/inventoryCsv';
import { parseInventoryQuery } from './inventory/inventoryQuery';
import { loadOpenApiSpec } from './schema/openapi';
import { InventoryService } from './inventory/InventoryService';
import { StatusService } from './inventory/StatusService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  inventory: InventoryService;
  status: StatusService;
  assessments: ImpactAssessmentService;
  risks: RiskService;
  findings: FindingService;
  auditLog: AuditLogService;
  findingActions: FindingActions;
  deployments: DeploymentIngest;
  sources: SourceService;
  driftQueue: DriftQueueStore;
  clock?: () => Date;
}

/** Deployment reports may be up to 256 kB; other JSON bodies keep express' 100 kB. */
export const DEPLOYMENT_REPORT_BODY_LIMIT = '256kb';
/** A batch of deployment reports (at most 500 of them) may be up to 4 MB. */
export const DEPLOYMENT_BATCH_BODY_LIMIT = '4mb';

const BODY_LIMITS: Record<string, string> = {
  '/deployments': DEPLOYMENT_REPORT_BODY_LIMIT,
  '/deployments/batch': DEPLOYMENT_BATCH_BODY_LIMIT,
};

function jsonBodies(): express.RequestHandler[] {
  const parsers = new Map(
    Object.entries(BODY_LIMITS).map(([path, limit]) => [
      path,
      express.json({ limit }),
    ]),
  );
  const others = express.json();
  const bodies: express.RequestHandler = (req, res, next) =>
    (parsers.get(req.path) ?? others)(req, res, next);
  // body-parser's 413 would otherwise reach the error handler as a plain 500-ish error
  const tooLarge: express.ErrorRequestHandler = (err, req, res, next) => {
    if (err?.type !== 'entity.too.large') {
      next(err);
      return;
    }
    const limit = BODY_LIMITS[req.path] ?? '100kb';
    res.status(413).json({
      error: {
        name: 'PayloadTooLargeError',
        message: `Request body too large: ${
          err.length ?? 'more than'
        } bytes, the limit for ${req.method} ${req.path} is ${limit}`,
      },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 413 },
    });
  };
  return [bodies, tooLarge as unknown as express.RequestHandler];
}

function optionalRef(v: unknown, param: string, defaultKind: string) {
  if (typeof v !== 'string' || !v.trim()) return undefined;
  try {
    return toFullRef(v, defaultKind);
  } catch {
    throw new InputError(`${param} must be an entity ref, got "${v}"`);
  }
}

function oneOf(v: unknown, param: string, allowed: readonly string[]) {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || !allowed.includes(v)) {
    throw new InputError(`${param} must be one of ${allowed.join(', ')}`);
  }
  return v;
}

function intParam(v: unknown, param: string, fallback: number, max: number) {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new InputError(`${param} must be an integer from 1 to ${max}`);
  }
  return n;
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
  const { httpAuth, inventory, status, assessments, risks } = options;
  const signedIn = (req: express.Request): Promise<BackstageCredentials> =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const assessmentRef = (p: Record<string, string>) =>
    stringifyEntityRef({
      kind: p.kind,
      namespace: p.namespace,
      name: p.name,
    }).toLocaleLowerCase('en-US');
  const IA = '/impact-assessments/:kind/:namespace/:name';
  const router = createValidatedOpenApiRouter(loadOpenApiSpec() as any, {
    middleware: jsonBodies(),
  }) as unknown as express.Router;

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

  router.get(IA, async (req, res) => {
    const credentials = await signedIn(req);
    res.json(
      await assessments.overview(assessmentRef(req.params), credentials),
    );
  });

  router.get(`${IA}/versions/:version`, async (req, res) => {
    const credentials = await signedIn(req);
    const version = Number(req.params.version);
    if (!Number.isInteger(version) || version < 1) {
      throw new InputError('version must be a positive integer');
    }
    res.json(
      await assessments.version(
        assessmentRef(req.params),
        version,
        credentials,
      ),
    );
  });

  router.put(`${IA}/draft`, async (req, res) => {
    const credentials = await signedIn(req);
    res.json(
      await assessments.saveDraft(
        assessmentRef(req.params),
        req.body,
        credentials,
      ),
    );
  });

  router.post(`${IA}/transitions`, async (req, res) => {
    const credentials = await signedIn(req);
    res.json(
      await assessments.transition(
        assessmentRef(req.params),
        req.body,
        credentials,
      ),
    );
  });

  router.post(`${IA}/import`, async (req, res) => {
    const credentials = await signedIn(req);
    res.json(
      await assessments.importFromAnnotation(
        assessmentRef(req.params),
        req.body?.revision,
        credentials,
      ),
    );
  });

  router.get('/risks', async (req, res) => {
    const credentials = await signedIn(req);
    const query = parseRiskQuery(req.query as Record<string, unknown>);
    const result = await risks.list(query, credentials);
    if (query.format === 'csv') {
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader(
          'Content-Disposition',
          'attachment; filename="ai-risks.csv"',
        );
      res.send(risksToCsv(result.items));
      return;
    }
    res.json(result);
  });

  router.get('/risks/matrix', async (req, res) => {
    await signedIn(req);
    res.json(risks.matrix);
  });

  router.get('/risks/heatmap', async (req, res) => {
    const credentials = await signedIn(req);
    const ref = optionalRef(req.query.aiSystemRef, 'aiSystemRef', 'aisystem');
    res.json(await risks.heatMap(ref, credentials));
  });

  router.post('/risks', async (req, res) => {
    const credentials = await signedIn(req);
    res.status(201).json(await risks.create(req.body, credentials));
  });

  router.get('/risks/:id', async (req, res) => {
    const credentials = await signedIn(req);
    res.json(await risks.get(req.params.id, credentials));
  });

  router.put('/risks/:id', async (req, res) => {
    const credentials = await signedIn(req);
    res.json(await risks.update(req.params.id, req.body, credentials));
  });

  router.post('/risks/:id/sign-off', async (req, res) => {
    const credentials = await signedIn(req);
    res.json(
      await risks.signOff(req.params.id, req.body.revision, credentials),
    );
  });

  router.get('/findings', async (req, res) => {
    const credentials = await signedIn(req);
    const q = req.query as Record<string, unknown>;
    res.json({
      items: await options.findings.list(
        {
          entityRef: optionalRef(q.entityRef, 'entityRef', 'aisystem'),
          aiSystemRef: optionalRef(q.aiSystemRef, 'aiSystemRef', 'aisystem'),
          type: oneOf(q.type, 'type', FINDING_TYPES),
          status: oneOf(q.status, 'status', FINDING_STATUSES),
          severity: oneOf(q.severity, 'severity', FINDING_SEVERITIES),
          limit: intParam(q.limit, 'limit', 500, 1000),
        },
        credentials,
      ),
    });
  });

  router.get('/findings/:id', async (req, res) => {
    const credentials = await signedIn(req);
    res.json(await options.findings.get(req.params.id, credentials));
  });

  router.post('/findings/:id/actions', async (req, res) => {
    const credentials = await signedIn(req);
    res.json(
      await options.findingActions.act(req.params.id, req.body, credentials),
    );
  });

  router.post('/deployments', async (req, res) => {
    const credentials = await signedIn(req);
    const wait = parseBooleanParam(req.query.wait, 'wait') ?? false;
    const result = await options.deployments.ingest(req.body, credentials, {
      wait,
    });
    res.status(result.status).json(result.body);
  });

  router.post('/deployments/batch', async (req, res) => {
    const credentials = await signedIn(req);
    res.json(await options.deployments.ingestBatch(req.body, credentials));
  });

  router.get('/sources', async (req, res) => {
    const credentials = await signedIn(req);
    const now = options.clock ? options.clock() : new Date();
    const [items, reconcileBacklog] = await Promise.all([
      options.sources.list(now, credentials),
      options.driftQueue.backlog(),
    ]);
    res.json({ items, reconcileBacklog });
  });

  router.get('/audit', async (req, res) => {
    const credentials = await signedIn(req);
    const q = req.query as Record<string, unknown>;
    const before =
      typeof q.before === 'string' && q.before ? q.before : undefined;
    if (
      before !== undefined &&
      !/^\d+$/.test(before) &&
      Number.isNaN(Date.parse(before))
    ) {
      throw new InputError('before must be an event id or an ISO date-time');
    }
    res.json({
      items: await options.auditLog.list(
        {
          entityRef: optionalRef(q.entityRef, 'entityRef', 'aisystem'),
          limit: intParam(q.limit, 'limit', 100, 1000),
          before,
        },
        credentials,
      ),
    });
  });

  return router;
}
