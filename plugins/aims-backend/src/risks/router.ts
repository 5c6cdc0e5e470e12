import { HttpAuthService } from '@backstage/backend-plugin-api';
import { AimsRouter, optionalRef, sendCsv, signedIn } from '../lib/http';
import { risksToCsv } from './riskCsv';
import { parseRiskQuery } from './riskQuery';
import { RiskService } from './RiskService';

/** `/risks`: the register (JSON or CSV), the matrix, the heat map, edits and sign-off. */
export function registerRiskRoutes(
  router: AimsRouter,
  deps: { httpAuth: HttpAuthService; risks: RiskService },
) {
  const { httpAuth, risks } = deps;

  router.get('/risks', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const query = parseRiskQuery(req.query);
    const result = await risks.list(query, credentials);
    if (query.format === 'csv') {
      sendCsv(res, 'ai-risks.csv', risksToCsv(result.items));
      return;
    }
    res.json(result);
  });

  router.get('/risks/matrix', async (req, res) => {
    await signedIn(httpAuth, req);
    res.json(risks.matrix);
  });

  router.get('/risks/heatmap', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const ref = optionalRef(req.query.aiSystemRef, 'aiSystemRef', 'aisystem');
    res.json(await risks.heatMap(ref, credentials));
  });

  router.post('/risks', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.status(201).json(await risks.create(req.body, credentials));
  });

  router.get('/risks/:id', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(await risks.get(req.params.id, credentials));
  });

  router.put('/risks/:id', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(await risks.update(req.params.id, req.body, credentials));
  });

  router.post('/risks/:id/sign-off', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(
      await risks.signOff(req.params.id, req.body.revision, credentials),
    );
  });
}
