import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { checkJsonBounds } from '@aims-backstage/backstage-plugin-aims-common';
import { InputError } from '@backstage/errors';
import express from 'express';
import { databaseUnavailableHandler } from './lib/databaseUnavailable';
import { ImpactAssessmentService } from './assessments/ImpactAssessmentService';
import { registerAssessmentRoutes } from './assessments/router';
import { AuditLogService } from './audit/AuditLogService';
import { registerAuditRoutes } from './audit/router';
import { DeploymentIngest } from './drift/DeploymentIngest';
import { DriftQueueStore } from './drift/DriftQueueStore';
import { registerDriftRoutes } from './drift/router';
import { SourceService } from './drift/SourceService';
import { FindingActions } from './findings/FindingActions';
import { FindingService } from './findings/FindingService';
import { registerFindingRoutes } from './findings/router';
import { InventoryService } from './inventory/InventoryService';
import { registerInventoryRoutes } from './inventory/router';
import { StatusService } from './inventory/StatusService';
import { RiskService } from './risks/RiskService';
import { registerRiskRoutes } from './risks/router';
import { spec } from './schema/openapi.generated';
import {
  checkedParameters,
  errorBody,
  invalidJson,
  jsonBodiesOnly,
} from './lib/requestInput';
import { SoaService } from './soa/SoaService';
import { SoaExports } from './soa/SoaExports';
import { registerSoaRoutes } from './soa/router';
import { EvidenceService } from './evidence/EvidenceService';
import { MonitoringIngest } from './monitoring/MonitoringIngest';
import { MonitoringService } from './monitoring/MonitoringService';
import { registerMonitoringRoutes } from './monitoring/router';
import { registerEvidenceRoutes } from './evidence/router';
import { SystemControlsService } from './controls/SystemControlsService';
import { registerControlRoutes } from './controls/router';

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
  soa: SoaService;
  soaExports: SoaExports;
  evidence: EvidenceService;
  systemControls: SystemControlsService;
  monitoringIngest: MonitoringIngest;
  monitoring: MonitoringService;
  /** Where the driver's error behind a 503 is logged. */
  logger?: LoggerService;
  clock?: () => Date;
}

/** Deployment reports may be up to 256 kB; other JSON bodies (but monitoring results) keep express' 100 kB. */
export const DEPLOYMENT_REPORT_BODY_LIMIT = '256kb';
/** A batch of deployment reports (at most 500 of them) may be up to 4 MB. */
export const DEPLOYMENT_BATCH_BODY_LIMIT = '4mb';

/** A monitoring report (at most 1,000 results) may be up to 512 kB. */
export const MONITORING_REPORT_BODY_LIMIT = '512kb';
/** A batch of monitoring reports (at most 100 of them) may be up to 8 MB. */
export const MONITORING_BATCH_BODY_LIMIT = '8mb';

const BODY_LIMITS: Record<string, string> = {
  '/deployments': DEPLOYMENT_REPORT_BODY_LIMIT,
  '/deployments/batch': DEPLOYMENT_BATCH_BODY_LIMIT,
  '/monitoring/results': MONITORING_REPORT_BODY_LIMIT,
  '/monitoring/results/batch': MONITORING_BATCH_BODY_LIMIT,
};

/**
 * No request body of the API nests more than a handful of levels; this bound is well above
 * them all. JSON.parse copes with any depth, but what comes after it (the OpenAPI validator,
 * JSON.stringify when storing, diffs) recurses, so a body nested thousands of levels deep is
 * refused here, before any of them runs, with a 400 naming where it nests too deeply.
 */
export const MAX_BODY_DEPTH = 16;

const boundedDepth: express.RequestHandler = (req, _res, next) => {
  const problem = checkJsonBounds(
    req.body,
    // a NUL character would fail only when written to PostgreSQL: refused here, naming where
    { maxDepth: MAX_BODY_DEPTH, rejectNul: true },
    'body',
  );
  next(problem ? new InputError(problem.message) : undefined);
};

/**
 * A DELETE takes no body (the spec declares none): one sent anyway is refused, naming its
 * fields, rather than ignored — what the client meant by it is unknown.
 */
const noBodyOnDelete: express.RequestHandler = (req, _res, next) => {
  const body = req.body;
  let fields: string[] = body ? ['body'] : [];
  if (body && typeof body === 'object') fields = Object.keys(body);
  next(
    req.method === 'DELETE' && fields.length
      ? new InputError(
          `A DELETE request takes no body; unexpected: ${fields
            .map(f => `body.${f}`)
            .join(', ')}`,
        )
      : undefined,
  );
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
    res
      .status(413)
      .json(
        errorBody(
          req,
          413,
          'PayloadTooLargeError',
          `Request body too large: ${
            err.length ?? 'more than'
          } bytes, the limit for ${req.method} ${req.path} is ${limit}`,
        ),
      );
  };
  return [
    jsonBodiesOnly,
    checkedParameters(spec),
    bodies,
    tooLarge as unknown as express.RequestHandler,
    invalidJson as unknown as express.RequestHandler,
    boundedDepth,
    noBodyOnDelete,
  ];
}

/**
 * The HTTP edge of the plugin: one router validated and typed by the OpenAPI spec (400 naming
 * the field before any handler runs), with each feature's routes registered on it. Handlers
 * parse, call a service and shape the answer; errors they throw (InputError, NotFoundError, …)
 * become responses in the error handler the httpRouter service wraps around plugin routers;
 * a database that can't be reached or was lost mid-request becomes 503 on the way there.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = createValidatedOpenApiRouter<typeof spec>(spec, {
    middleware: jsonBodies(),
  });
  registerInventoryRoutes(router, options);
  registerAssessmentRoutes(router, options);
  registerRiskRoutes(router, options);
  registerFindingRoutes(router, options);
  registerDriftRoutes(router, options);
  registerAuditRoutes(router, options);
  registerEvidenceRoutes(router, options);
  registerSoaRoutes(router, options);
  registerControlRoutes(router, options);
  registerMonitoringRoutes(router, options);
  // last: a lost database answers 503 (retry), not 500, wherever the request met it
  router.use(databaseUnavailableHandler(options.logger));
  return router;
}
