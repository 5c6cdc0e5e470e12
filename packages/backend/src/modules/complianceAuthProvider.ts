/*
 * Development sign-in as a compliance officer: a second guest-like auth provider,
 * `compliance`, that signs in as a fixed catalog user (auth.providers.compliance.userEntityRef,
 * default user:default/compliance-officer, a member of ai-governance in examples/org.yaml).
 *
 * Like the guest provider it only works when NODE_ENV=development, unless
 * auth.providers.compliance.dangerouslyAllowOutsideDevelopment is true. The sign-in page
 * in packages/app offers it next to the guest engineer.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
  SignInResolver,
} from '@backstage/plugin-auth-node';

export const COMPLIANCE_PROVIDER_ID = 'compliance';
export const DEFAULT_COMPLIANCE_USER = 'user:default/compliance-officer';

/** True when a development-only provider may sign people in. */
export function isDevelopmentSignInAllowed(
  providerConfig: Config | undefined,
  nodeEnv: string | undefined = process.env.NODE_ENV,
): boolean {
  return (
    nodeEnv === 'development' ||
    providerConfig?.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') ===
      true
  );
}

const notAllowed = () =>
  new NotAllowedError(
    `The '${COMPLIANCE_PROVIDER_ID}' provider is for local development only; set auth.providers.${COMPLIANCE_PROVIDER_ID}.dangerouslyAllowOutsideDevelopment to use it elsewhere`,
  );

export const complianceAuthenticator = createProxyAuthenticator<
  { allowed: boolean },
  {},
  unknown
>({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize({ config }) {
    return { allowed: isDevelopmentSignInAllowed(config) };
  },
  async authenticate(_, { allowed }) {
    if (!allowed) {
      throw notAllowed();
    }
    return { result: {} };
  },
});

/** Signs in as the configured catalog user; refuses outside development. */
export function signInAsComplianceOfficer(
  providerConfig: Config | undefined,
): SignInResolver<{}> {
  const userEntityRef =
    providerConfig?.getOptionalString('userEntityRef') ??
    DEFAULT_COMPLIANCE_USER;
  return async (_, ctx) => {
    if (!isDevelopmentSignInAllowed(providerConfig)) {
      throw notAllowed();
    }
    // the user must be in the catalog: its memberOf groups give the ai-governance ownership ref
    return ctx.signInWithCatalogUser({ entityRef: userEntityRef });
  };
}

export const authModuleComplianceProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'compliance-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        providers.registerProvider({
          providerId: COMPLIANCE_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: complianceAuthenticator,
            signInResolver: signInAsComplianceOfficer(
              config.getOptionalConfig(
                `auth.providers.${COMPLIANCE_PROVIDER_ID}`,
              ),
            ),
          }),
        });
      },
    });
  },
});

export default authModuleComplianceProvider;
