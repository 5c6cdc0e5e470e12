import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { AimsRouter, pathEntityRef, signedIn } from '../lib/http';
import { MonitoringIngest } from './MonitoringIngest';
import { MonitoringService } from './MonitoringService';

/** `POST /monitoring/results`, `POST /monitoring/results/batch`, `GET /monitoring/…`. */
export function registerMonitoringRoutes(
  router: AimsRouter,
  deps: {
    httpAuth: HttpAuthService;
    monitoringIngest: MonitoringIngest;
    monitoring: MonitoringService;
  },
) {
  const { httpAuth, monitoringIngest, monitoring } = deps;

  router.post('/monitoring/results', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(await monitoringIngest.ingest(req.body, credentials));
  });

  router.post('/monitoring/results/batch', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(await monitoringIngest.ingestBatch(req.body, credentials));
  });

  router.get('/monitoring/:kind/:namespace/:name', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const entityRef = pathEntityRef(req.params);
    if (req.params.kind.toLocaleLowerCase('en-US') !== 'aisystem')
      throw new NotFoundError(`${entityRef} is not an AISystem`);
    res.json(
      await monitoring.overview(
        entityRef,
        {
          days: req.query.days ?? 30,
          metric: req.query.metric,
          slice: req.query.slice,
          environment: req.query.environment,
        },
        credentials,
      ),
    );
  });
}
