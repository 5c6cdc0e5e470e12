import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { Content } from '@backstage/core-components';
import MemoryIcon from '@material-ui/icons/Memory';
import { aiInventoryRouteRef } from '../routes';

/**
 * `page:aims` — the AI Inventory (with the org-wide risk register as its second tab, and the
 * deployment sources' health). Its title and icon make it the sidebar's nav item.
 */
export const aiInventoryPage = PageBlueprint.make({
  params: {
    path: '/ai-inventory',
    title: 'AI Inventory',
    icon: <MemoryIcon />,
    routeRef: aiInventoryRouteRef,
    loader: () =>
      import('../components/AIInventoryPage').then(m => (
        <Content>
          <m.AIInventoryContent />
        </Content>
      )),
  },
});
