import {
  AimsApiSchemas,
  EU_AI_ACT_TIERS,
  EuAiActTier,
  IMPACT_ASSESSMENT_STATUSES,
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

/** Rows per page the table offers; the first is the default. */
export const INVENTORY_PAGE_SIZES = [20, 50, 100] as const;

/** What a shared link of the inventory carries: the filters and the page of results. */
export interface InventorySlice {
  filters: InventoryFilters;
  /** Zero-based page index (the URL shows it one-based, as people count). */
  page: number;
  pageSize: number;
}

const FREE_TEXT_FILTERS = ['owner', 'lifecycle', 'type', 'q'] as const;
const oneOf = <T extends string>(values: readonly T[], v: string | null) =>
  v !== null && (values as readonly string[]).includes(v)
    ? (v as T)
    : undefined;

/**
 * The inventory view a URL describes (`?owner=&lifecycle=&tier=&type=&status=&monitoring=&q=
 * &page=&size=`). A value the page does not know (a hand-edited or outdated link) is ignored
 * rather than sent to the API, so the link still opens the inventory.
 */
export function inventorySliceFromParams(
  params: URLSearchParams,
): InventorySlice {
  const filters: InventoryFilters = {};
  for (const key of FREE_TEXT_FILTERS) {
    const v = params.get(key)?.trim();
    if (v) filters[key] = v;
  }
  filters.tier = oneOf(EU_AI_ACT_TIERS, params.get('tier'));
  filters.status = oneOf(IMPACT_ASSESSMENT_STATUSES, params.get('status'));
  filters.monitoring = oneOf(
    INVENTORY_MONITORING_FILTERS,
    params.get('monitoring'),
  );
  const size = Number(params.get('size'));
  const pageSize = (INVENTORY_PAGE_SIZES as readonly number[]).includes(size)
    ? size
    : INVENTORY_PAGE_SIZES[0];
  const page = Number(params.get('page'));
  return {
    filters: toQuery(filters) as InventoryFilters,
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
    pageSize,
  };
}

/** The URL parameters of an inventory view; defaults are left out, so links stay short. */
export function inventorySliceToParams(view: InventorySlice): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(toQuery(view.filters)))
    params.set(key, String(value));
  if (view.page > 0) params.set('page', String(view.page + 1));
  if (view.pageSize !== INVENTORY_PAGE_SIZES[0])
    params.set('size', String(view.pageSize));
  return params;
}
