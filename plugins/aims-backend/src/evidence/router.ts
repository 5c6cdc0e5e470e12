import { HttpAuthService } from '@backstage/backend-plugin-api';
import { AimsRouter, signedIn } from '../lib/http';
import { EvidenceService } from './EvidenceService';

/** `/soa/evidence`: evidence items of controls (list, add, change). */
export function registerEvidenceRoutes(
  router: AimsRouter,
  deps: { httpAuth: HttpAuthService; evidence: EvidenceService },
) {
  const { httpAuth, evidence } = deps;

  router.get('/soa/evidence', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const q = req.query;
    // numbers in the query stay strings after validation
    const number = (v: unknown) =>
      v === undefined || v === '' ? undefined : Number(v);
    res.json({
      items: await evidence.list(
        {
          controlId: q.controlId || undefined,
          aiSystemRef: q.aiSystemRef || undefined,
          status: q.status,
          expiringWithinDays: number(q.expiringWithinDays),
          limit: number(q.limit),
        },
        credentials,
      ),
    });
  });

  router.post('/soa/evidence', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.status(201).json(await evidence.create(req.body, credentials));
  });

  router.put('/soa/evidence/:id', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(await evidence.update(req.params.id, req.body, credentials));
  });
}
