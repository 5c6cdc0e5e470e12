import { HttpAuthService } from '@backstage/backend-plugin-api';
import { AimsRouter, signedIn } from '../lib/http';
import {
  DeploymentBatchItemOutcome,
  DeploymentIngest,
  DeploymentReportOutcome,
} from './DeploymentIngest';
import { DriftQueueStore } from './DriftQueueStore';
import { SourceService } from './SourceService';

/** A stored report is accepted for the reconcile (202); a repeat changes nothing (200). */
const REPORT_STATUS: Record<DeploymentReportOutcome, 200 | 202> = {
  stored: 202,
  duplicate: 200,
};

/** Each report of a batch gets the status `POST /deployments` would have answered it with. */
const BATCH_ITEM_STATUS: Record<
  DeploymentBatchItemOutcome,
  200 | 202 | 400 | 404 | 409 | 500
> = {
  ...REPORT_STATUS,
  invalid: 400,
  'unknown-component': 404,
  conflict: 409,
  failed: 500,
};

/** `POST /deployments`, `POST /deployments/batch` and `GET /sources`. */
export function registerDriftRoutes(
  router: AimsRouter,
  deps: {
    httpAuth: HttpAuthService;
    deployments: DeploymentIngest;
    sources: SourceService;
    driftQueue: DriftQueueStore;
    clock?: () => Date;
  },
) {
  const { httpAuth, deployments, sources, driftQueue } = deps;

  router.post('/deployments', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const { outcome, body } = await deployments.ingest(req.body, credentials, {
      wait: req.query.wait ?? false,
    });
    res.status(REPORT_STATUS[outcome]).json(body);
  });

  router.post('/deployments/batch', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const { items, ...counts } = await deployments.ingestBatch(
      req.body,
      credentials,
    );
    res.json({
      ...counts,
      results: items.map(({ outcome, ...item }) => ({
        ...item,
        status: BATCH_ITEM_STATUS[outcome],
      })),
    });
  });

  router.get('/sources', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const now = deps.clock ? deps.clock() : new Date();
    const [items, reconcileBacklog] = await Promise.all([
      sources.list(now, credentials),
      driftQueue.backlog(),
    ]);
    res.json({ items, reconcileBacklog });
  });
}
