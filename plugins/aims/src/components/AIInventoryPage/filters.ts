import {
  AimsApiSchemas,
  EuAiActTier,
  ImpactAssessmentStatus,
  InventoryQuery,
} from '@aims-backstage/backstage-plugin-aims-common';

/** The inventory's monitoring filter: the AI system's monitoring summary status. */
export type InventoryMonitoringFilter =
  AimsApiSchemas['MonitoringSummary']['status'];

export const INVENTORY_MONITORING_FILTERS: readonly InventoryMonitoringFilter[] =
  ['ok', 'breached', 'stale', 'not-monitored'];

/** The filters the inventory page sends; all optional, `undefined` means "any". */
export interface InventoryFilters {
  owner?: string;
  lifecycle?: string;
  tier?: EuAiActTier;
  type?: string;
  status?: ImpactAssessmentStatus;
  monitoring?: InventoryMonitoringFilter;
  q?: string;
}

/** Drops empty values so the API (and the CSV export) see only real filters. */
export function toQuery(filters: InventoryFilters): InventoryQuery {
  const query: InventoryQuery = {};
  (Object.keys(filters) as Array<keyof InventoryFilters>).forEach(key => {
    const value = filters[key];
    if (value !== undefined && value !== '') (query as any)[key] = value;
  });
  return query;
}
