import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { aimsApiRef, AimsClient } from '../api';

/** `api:aims` — the AIMS backend client. */
export const aimsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: aimsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AimsClient({ discoveryApi, fetchApi }),
    }),
});
