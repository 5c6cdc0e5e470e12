import { HttpAuthService } from '@backstage/backend-plugin-api';
import { SaveImpactAssessmentDraftRequest } from '@aims-backstage/backstage-plugin-aims-common';
import { AimsRouter, pathEntityRef, signedIn } from '../lib/http';
import { ImpactAssessmentService } from './ImpactAssessmentService';

/**
 * `/impact-assessments/:kind/:namespace/:name`: the overview, versions, the draft, workflow
 * transitions and the docs-as-code import. The service checks content and permissions.
 */
export function registerAssessmentRoutes(
  router: AimsRouter,
  deps: {
    httpAuth: HttpAuthService;
    assessments: ImpactAssessmentService;
  },
) {
  const { httpAuth, assessments } = deps;

  router.get('/impact-assessments/:kind/:namespace/:name', async (req, res) => {
    const credentials = await signedIn(httpAuth, req);
    res.json(
      await assessments.overview(pathEntityRef(req.params), credentials),
    );
  });

  router.get(
    '/impact-assessments/:kind/:namespace/:name/versions/:version',
    async (req, res) => {
      const credentials = await signedIn(httpAuth, req);
      res.json(
        await assessments.version(
          pathEntityRef(req.params),
          // the validator checks path parameters (an integer ≥ 1) but leaves them strings
          Number(req.params.version),
          credentials,
        ),
      );
    },
  );

  router.put(
    '/impact-assessments/:kind/:namespace/:name/draft',
    async (req, res) => {
      const credentials = await signedIn(httpAuth, req);
      res.json(
        await assessments.saveDraft(
          pathEntityRef(req.params),
          // the spec leaves content to the shared validator, which saveDraft runs (400 naming the field)
          req.body as SaveImpactAssessmentDraftRequest,
          credentials,
        ),
      );
    },
  );

  router.post(
    '/impact-assessments/:kind/:namespace/:name/transitions',
    async (req, res) => {
      const credentials = await signedIn(httpAuth, req);
      res.json(
        await assessments.transition(
          pathEntityRef(req.params),
          req.body,
          credentials,
        ),
      );
    },
  );

  router.post(
    '/impact-assessments/:kind/:namespace/:name/import',
    async (req, res) => {
      const credentials = await signedIn(httpAuth, req);
      res.json(
        await assessments.importFromAnnotation(
          pathEntityRef(req.params),
          req.body?.revision,
          credentials,
        ),
      );
    },
  );
}
