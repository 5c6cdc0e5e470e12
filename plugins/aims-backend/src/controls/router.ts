import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  AimsRouter,
  pathEntityRef,
  sendCsv,
  sendOscal,
  signedIn,
} from '../lib/http';
import { SoaExports } from '../soa/SoaExports';
import { SystemControlsService } from './SystemControlsService';

/** `/controls/:kind/:namespace/:name`: one AI system's controls (JSON, CSV or OSCAL) and mappings. */
export function registerControlRoutes(
  router: AimsRouter,
  deps: {
    httpAuth: HttpAuthService;
    systemControls: SystemControlsService;
    soaExports: SoaExports;
  },
) {
  const { httpAuth, systemControls, soaExports } = deps;

  router.get('/controls/:kind/:namespace/:name', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    const { system, controls } = await systemControls.get(
      pathEntityRef(req.params),
      credentials,
    );
    const format = req.query.format ?? 'json';
    const name = system.metadata.name;
    if (format === 'csv') {
      sendCsv(res, `${name}-controls.csv`, soaExports.systemCsv(controls));
      return;
    }
    if (format === 'oscal') {
      sendOscal(
        res,
        `${name}-ssp.oscal.json`,
        soaExports.systemOscal(
          controls,
          SystemControlsService.describe(system),
        ),
      );
      return;
    }
    res.json(controls);
  });

  router.put(
    '/controls/:kind/:namespace/:name/:controlId',
    async (req, res) => {
      const credentials = await signedIn(httpAuth, req);
      res.json(
        await systemControls.save(
          pathEntityRef(req.params),
          req.params.controlId,
          req.body,
          credentials,
        ),
      );
    },
  );
}
