import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import aimsPlugin from '@internal/plugin-aims/alpha';
import { navModule } from './modules/nav';

// Plugins are also discovered from package.json (`app.packages: all`); listing the ones the
// product depends on keeps them in the app (and in tests) even without discovery.
export default createApp({
  features: [catalogPlugin, catalogGraphPlugin, aimsPlugin, navModule],
});
