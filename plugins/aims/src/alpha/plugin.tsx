import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import MemoryIcon from '@material-ui/icons/Memory';
import { aiInventoryRouteRef } from '../routes';
import { aimsApi } from './apis';
import { aiInventoryPage } from './pages';
import {
  aiSystemOverviewCard,
  driftBannerCard,
  entityAISystemsCard,
} from './entityCards';
import {
  controlsContent,
  driftContent,
  historyContent,
  impactAssessmentContent,
  monitoringContent,
  risksContent,
} from './entityContents';

/**
 * AIMS for the new frontend system: the AI Inventory page (with the org-wide risk register
 * and the Statement of Applicability as further tabs, and the deployment sources' health),
 * the AISystem overview card and its "Impact assessment", "Risks", "Controls", "Drift",
 * "Monitoring" and "History" tabs, and on Component pages the drift banner (first) and the "AI systems" card.
 *
 * @alpha
 */
export const aimsPlugin = createFrontendPlugin({
  pluginId: 'aims',
  title: 'AIMS',
  icon: <MemoryIcon />,
  routes: { root: aiInventoryRouteRef },
  extensions: [
    aimsApi,
    aiInventoryPage,
    driftBannerCard,
    aiSystemOverviewCard,
    entityAISystemsCard,
    impactAssessmentContent,
    risksContent,
    controlsContent,
    driftContent,
    monitoringContent,
    historyContent,
  ],
});
