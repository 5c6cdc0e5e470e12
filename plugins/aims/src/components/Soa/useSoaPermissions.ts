import { useApi } from '@backstage/frontend-plugin-api';
import {
  permissionApiRef,
  usePermission,
} from '@backstage/plugin-permission-react';
import useAsync from 'react-use/esm/useAsync';
import {
  aimsSoaApprovePermission,
  aimsSoaUpdatePermission,
} from '@aims-backstage/backstage-plugin-aims-common';

/**
 * What the signed-in user may do with the organisation's SoA. `approve` is a basic
 * permission. `update` is a resource permission the backend asks without a resource (the
 * organisation's SoA is no catalog entity) and needs an unconditional allow for; usePermission
 * answers DENY for a resource permission without a resourceRef, so it is asked of the
 * permission API directly. The permission backend refuses that question from a user's
 * browser, so when it fails, holders of aims.soa.approve (compliance, who hold update too in
 * the example policy) get the edit actions and the backend's answer decides the rest.
 */
export function useSoaPermissions(): {
  update: boolean;
  approve: boolean;
  loading: boolean;
} {
  const permissionApi = useApi(permissionApiRef);
  const approve = usePermission({ permission: aimsSoaApprovePermission });
  const update = useAsync(async () => {
    try {
      const { result } = await permissionApi.authorize({
        permission: aimsSoaUpdatePermission,
      });
      return result === 'ALLOW';
    } catch {
      return undefined;
    }
  }, [permissionApi]);
  const updateAllowed =
    update.value === undefined ? approve.allowed : update.value;
  return {
    update: updateAllowed,
    approve: approve.allowed,
    loading: approve.loading || update.loading,
  };
}
