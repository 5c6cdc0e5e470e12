import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  parseEntityRef,
} from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  AimsStatus,
  InventoryCounts,
  InventoryQuery,
  InventoryResponse,
} from '@internal/plugin-aims-common';
import { AimsApi } from './AimsApi';

const QUERY_KEYS: Array<keyof InventoryQuery> = [
  'owner',
  'lifecycle',
  'tier',
  'type',
  'status',
  'q',
  'limit',
  'offset',
];

/** Builds the query string of `/inventory`; empty and undefined filters are left out. */
export function inventorySearchParams(
  query: InventoryQuery = {},
  extra: Record<string, string> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

/**
 * Default {@link AimsApi} implementation: discovery for the base URL, fetchApi so the
 * user's token goes along, ResponseError for every non-2xx answer.
 *
 * @public
 */
export class AimsClient implements AimsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getInventory(query: InventoryQuery = {}): Promise<InventoryResponse> {
    const res = await this.get(`/inventory${qs(inventorySearchParams(query))}`);
    return (await res.json()) as InventoryResponse;
  }

  async getInventoryCounts(query: InventoryQuery = {}): Promise<InventoryCounts> {
    const { limit: _limit, offset: _offset, ...filters } = query;
    const res = await this.get(
      `/inventory/counts${qs(inventorySearchParams(filters))}`,
    );
    return (await res.json()) as InventoryCounts;
  }

  async getInventoryCsv(query: InventoryQuery = {}): Promise<Blob> {
    const { limit: _limit, offset: _offset, ...filters } = query;
    const res = await this.get(
      `/inventory${qs(inventorySearchParams(filters, { format: 'csv' }))}`,
      'text/csv',
    );
    return await res.blob();
  }

  async getStatus(entityRef: CompoundEntityRef | string): Promise<AimsStatus> {
    const ref =
      typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
    const path = [
      ref.kind.toLocaleLowerCase('en-US'),
      ref.namespace || DEFAULT_NAMESPACE,
      ref.name,
    ]
      .map(encodeURIComponent)
      .join('/');
    const res = await this.get(`/status/${path}`);
    return (await res.json()) as AimsStatus;
  }

  private async get(path: string, accept = 'application/json') {
    const baseUrl = await this.discoveryApi.getBaseUrl('aims');
    const res = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      headers: { Accept: accept },
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res;
  }
}

function qs(params: URLSearchParams): string {
  const s = params.toString();
  return s ? `?${s}` : '';
}
