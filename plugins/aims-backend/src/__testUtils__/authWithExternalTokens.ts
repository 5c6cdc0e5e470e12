/*
 * Test code only: an auth service for integration tests that need both mock tokens and real
 * external-access tokens.
 */
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/**
 * The auth service for tests that need both mock tokens and real external-access tokens:
 * mock tokens (users, plugins) go to the mock auth service, everything else to the real one,
 * so a static token from `backend.auth.externalAccess` is verified the way production does
 * it. Unlike the plain mock, a plugin's on-behalf-of token for a user yields user credentials
 * marked with the acting service, as the real auth service does: the real permission backend
 * needs that mark to answer a plugin's conditional requests (the catalog's
 * `catalog.entity.read` checks).
 */
export const authWithExternalTokens = createServiceFactory({
  service: coreServices.auth,
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.logger,
    discovery: coreServices.discovery,
    plugin: coreServices.pluginMetadata,
    database: coreServices.database,
  },
  async factory(deps) {
    const real = await (authServiceFactory as any).factory({
      ...deps,
      pluginTokenHandlerDecorator: (h: unknown) => h,
      externalTokenHandlers: [],
    });
    const mock = mockServices.auth({ pluginId: deps.plugin.getId() });
    return {
      async authenticate(token: string, options?: any) {
        if (!token.startsWith('mock-'))
          return real.authenticate(token, options);
        const credentials = await mock.authenticate(token, options);
        const payload = /^mock-service-token:(.*)$/.exec(token)?.[1];
        const { sub, obo } = payload ? JSON.parse(payload) : ({} as any);
        if (obo) {
          return mockCredentials.user(obo, {
            actor: { subject: sub ?? 'plugin:unknown' },
          }) as any;
        }
        return credentials as any;
      },
      getNoneCredentials: () => mock.getNoneCredentials(),
      getOwnServiceCredentials: () => mock.getOwnServiceCredentials(),
      isPrincipal: mock.isPrincipal.bind(mock) as any,
      getPluginRequestToken: (o: any) => mock.getPluginRequestToken(o),
      getLimitedUserToken: (c: any) => mock.getLimitedUserToken(c),
      listPublicServiceKeys: () => mock.listPublicServiceKeys(),
    };
  },
});
