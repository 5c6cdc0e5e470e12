import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import aimsPlugin from '@aims-backstage/backstage-plugin-aims/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Plugins are also discovered from package.json (`app.packages: all`). Listing the ones the
// app relies on (the sidebar uses notifications and user settings) keeps them in the app
// even where discovery does not run, such as tests; a plugin listed twice is installed once.
export default createApp({
  features: [
    catalogPlugin,
    catalogGraphPlugin,
    orgPlugin,
    notificationsPlugin,
    userSettingsPlugin,
    aimsPlugin,
    navModule,
    signInModule,
  ],
});
