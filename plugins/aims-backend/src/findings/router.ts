import { HttpAuthService } from '@backstage/backend-plugin-api';
import { AimsRouter, optionalRef, signedIn } from '../lib/http';
import { FindingActions } from './FindingActions';
import { FindingService } from './FindingService';

/** Findings read by default at most this many at a time (the spec caps `limit` at 1000). */
const DEFAULT_FINDINGS_LIMIT = 500;

/** `GET /findings`, `GET /findings/:id` and `POST /findings/:id/actions`. */
export function registerFindingRoutes(
  router: AimsRouter,
  deps: {
    httpAuth: HttpAuthService;
    findings: FindingService;
    findingActions: FindingActions;
  },
) {
  const { httpAuth, findings, findingActions } = deps;

  router.get('/findings', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const q = req.query;
    res.json({
      items: await findings.list(
        {
          entityRef: optionalRef(q.entityRef, 'entityRef', 'aisystem'),
          aiSystemRef: optionalRef(q.aiSystemRef, 'aiSystemRef', 'aisystem'),
          type: q.type,
          status: q.status,
          severity: q.severity,
          limit: q.limit ?? DEFAULT_FINDINGS_LIMIT,
        },
        credentials,
      ),
    });
  });

  router.get('/findings/:id', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(await findings.get(req.params.id, credentials));
  });

  router.post('/findings/:id/actions', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(await findingActions.act(req.params.id, req.body, credentials));
  });
}
