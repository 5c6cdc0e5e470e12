/*
 * Test code only: the mock httpAuth with on-behalf-of credentials marked by their actor, for
 * integration tests with the real permission backend.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/**
 * The mock auth issues on-behalf-of tokens (plugin → plugin for a user) but, unlike the real
 * auth service, does not mark the resulting user credentials with the acting service; the real
 * permission backend needs that mark to accept conditional requests from plugins. This wraps
 * the mock httpAuth to add it, and leaves everything else to the mock.
 */
export const httpAuthWithActors = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) => {
    const inner = mockServices.httpAuth({
      pluginId: plugin.getId(),
      defaultCredentials: mockCredentials.none(),
    });
    return {
      issueUserCookie: inner.issueUserCookie.bind(inner),
      async credentials(req: any, options?: any) {
        const token = /^Bearer (mock-service-token:.*)$/.exec(
          req.headers.authorization ?? '',
        )?.[1];
        if (token && (!options?.allow || options.allow.includes('user'))) {
          const { sub, obo } = JSON.parse(
            token.slice('mock-service-token:'.length),
          );
          if (obo) {
            return mockCredentials.user(obo, {
              actor: {
                subject: sub ?? 'external:test-service',
              },
            }) as any;
          }
        }
        return inner.credentials(req, options);
      },
    };
  },
});
