import { usePermission } from '@backstage/plugin-permission-react';
import { aimsSoaApprovePermission } from '@aims-backstage/backstage-plugin-aims-common';

/**
 * What the signed-in user may do with the organisation's SoA as a whole (a control's owner may
 * besides edit that control's row and evidence: the caller checks ownership per row).
 *
 * `approve` is the basic aims.soa.approve. aims.soa.update is a resource permission that the
 * backend asks without a resource for the organisation's SoA (no catalog entity); a browser
 * cannot ask that — the permission backend refuses a user's resource-permission request without
 * a resourceRef, and as the permission API batches requests, the refusal would fail every other
 * permission check of the page with it. So holders of aims.soa.approve (compliance, who hold the
 * unconditional update too in the example policy) get the edit actions; the backend's answer
 * to a write decides in the end.
 */
export function useSoaPermissions(): {
  update: boolean;
  approve: boolean;
  loading: boolean;
} {
  const approve = usePermission({ permission: aimsSoaApprovePermission });
  return {
    update: approve.allowed,
    approve: approve.allowed,
    loading: approve.loading,
  };
}
