import { HttpAuthService } from '@backstage/backend-plugin-api';
import { AimsRouter, sendCsv, sendOscal, signedIn } from '../lib/http';
import { SoaService } from './SoaService';
import { SoaExports } from './SoaExports';

/**
 * `/soa`: the organisation's Statement of Applicability (JSON, CSV or OSCAL), its versions,
 * the draft's control rows and additional controls, and the review workflow. The service
 * checks content and permissions.
 */
export function registerSoaRoutes(
  router: AimsRouter,
  deps: { httpAuth: HttpAuthService; soa: SoaService; soaExports: SoaExports },
) {
  const { httpAuth, soa, soaExports } = deps;

  router.get('/soa', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const current = await soa.get(credentials);
    const format = req.query.format ?? 'json';
    if (format === 'csv') {
      sendCsv(res, soaExports.csvFilename(current), soaExports.csv(current));
      return;
    }
    if (format === 'oscal') {
      sendOscal(
        res,
        soaExports.oscalFilename(current),
        soaExports.oscal(current),
      );
      return;
    }
    res.json(current);
  });

  router.get('/soa/versions', async (req, res) => {
    await signedIn(httpAuth, req);
    res.json({ items: await soa.listVersions() });
  });

  router.get('/soa/versions/:version', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    // the validator checks path parameters (an integer ≥ 1) but leaves them strings
    res.json(await soa.getVersion(Number(req.params.version), credentials));
  });

  router.put('/soa/controls/:controlId', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(
      await soa.saveControl(req.params.controlId, req.body, credentials),
    );
  });

  router.put('/soa/additional-controls/:id', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(
      await soa.saveAdditionalControl(req.params.id, req.body, credentials),
    );
  });

  router.delete('/soa/additional-controls/:id', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(
      await soa.deleteAdditionalControl(
        req.params.id,
        // query parameters stay strings after validation (an integer ≥ 0)
        Number(req.query.revision),
        credentials,
      ),
    );
  });

  router.post('/soa/transitions', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(await soa.transition(req.body, credentials));
  });
}
