import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Replaces the app's default guest sign-in page (`sign-in-page:app`) with a choice of
 * development personas: the guest engineer or a compliance officer.
 */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () =>
          import('./DevPersonaSignInPage').then(m => m.DevPersonaSignInPage),
      },
    }),
  ],
});

export { DEV_PERSONAS, PERSONA_STORAGE_KEY } from './DevPersonaSignInPage';
