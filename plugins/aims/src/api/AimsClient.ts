import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  parseEntityRef,
} from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  AimsStatus,
  AuditEvent,
  DeploymentSourceListResponse,
  Finding,
  FindingActionRequest,
  FindingWithEvents,
  ImpactAssessmentOverview,
  ImpactAssessmentTransitionRequest,
  ImpactAssessmentVersion,
  InventoryCounts,
  InventoryQuery,
  InventoryResponse,
  Risk,
  RiskHeatMapResponse,
  RiskInput,
  RiskListResponse,
  RiskMatrix,
  SaveImpactAssessmentDraftRequest,
} from '@aims-backstage/backstage-plugin-aims-common';
import { AimsApi, AimsEntityRef, FindingQuery, RiskQuery } from './AimsApi';

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

/** `kind/namespace/name`, lower-case kind, each segment URL-encoded. */
export function entityPath(entityRef: AimsEntityRef): string {
  const ref = typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  return [ref.kind.toLocaleLowerCase('en-US'), ref.namespace || DEFAULT_NAMESPACE, ref.name]
    .map(encodeURIComponent)
    .join('/');
}

/** Query string from the set values of an object; empty, null and undefined are left out. */
function searchParams(
  query: object,
  extra: Record<string, string> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
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
    const res = await this.get(`/status/${entityPath(entityRef)}`);
    return (await res.json()) as AimsStatus;
  }

  async getImpactAssessment(entityRef: AimsEntityRef): Promise<ImpactAssessmentOverview> {
    const res = await this.get(`/impact-assessments/${entityPath(entityRef)}`);
    return (await res.json()) as ImpactAssessmentOverview;
  }

  async getImpactAssessmentVersion(
    entityRef: AimsEntityRef,
    version: number,
  ): Promise<ImpactAssessmentVersion> {
    const res = await this.get(
      `/impact-assessments/${entityPath(entityRef)}/versions/${encodeURIComponent(String(version))}`,
    );
    return (await res.json()) as ImpactAssessmentVersion;
  }

  async saveImpactAssessmentDraft(
    entityRef: AimsEntityRef,
    request: SaveImpactAssessmentDraftRequest,
  ): Promise<ImpactAssessmentVersion> {
    return this.send('PUT', `/impact-assessments/${entityPath(entityRef)}/draft`, request);
  }

  async transitionImpactAssessment(
    entityRef: AimsEntityRef,
    request: ImpactAssessmentTransitionRequest,
  ): Promise<ImpactAssessmentVersion> {
    return this.send('POST', `/impact-assessments/${entityPath(entityRef)}/transitions`, request);
  }

  async importImpactAssessment(entityRef: AimsEntityRef): Promise<ImpactAssessmentVersion> {
    return this.send('POST', `/impact-assessments/${entityPath(entityRef)}/import`, {});
  }

  async getRisks(query: RiskQuery = {}): Promise<RiskListResponse> {
    const res = await this.get(`/risks${qs(searchParams(query))}`);
    return (await res.json()) as RiskListResponse;
  }

  async getRisksCsv(query: RiskQuery = {}): Promise<Blob> {
    const { limit: _limit, offset: _offset, ...rest } = query;
    const res = await this.get(
      `/risks${qs(searchParams(rest, { format: 'csv' }))}`,
      'text/csv',
    );
    return await res.blob();
  }

  async getRiskHeatMap(aiSystemRef?: string): Promise<RiskHeatMapResponse> {
    const res = await this.get(`/risks/heatmap${qs(searchParams({ aiSystemRef }))}`);
    return (await res.json()) as RiskHeatMapResponse;
  }

  async getRiskMatrix(): Promise<RiskMatrix> {
    const res = await this.get('/risks/matrix');
    return (await res.json()) as RiskMatrix;
  }

  async createRisk(aiSystemRef: string, input: RiskInput): Promise<Risk> {
    return this.send('POST', '/risks', { aiSystemRef, ...input });
  }

  async updateRisk(id: string, input: RiskInput, revision: number): Promise<Risk> {
    return this.send('PUT', `/risks/${encodeURIComponent(id)}`, { ...input, revision });
  }

  async signOffRisk(id: string, revision: number): Promise<Risk> {
    return this.send('POST', `/risks/${encodeURIComponent(id)}/sign-off`, { revision });
  }

  async getFindings(query: FindingQuery = {}): Promise<{ items: Finding[] }> {
    const res = await this.get(`/findings${qs(searchParams(query))}`);
    return (await res.json()) as { items: Finding[] };
  }

  async getFinding(id: string): Promise<FindingWithEvents> {
    const res = await this.get(`/findings/${encodeURIComponent(id)}`);
    return (await res.json()) as FindingWithEvents;
  }

  async actOnFinding(id: string, request: FindingActionRequest): Promise<FindingWithEvents> {
    return this.send('POST', `/findings/${encodeURIComponent(id)}/actions`, request);
  }

  async getSources(): Promise<DeploymentSourceListResponse> {
    const res = await this.get('/sources');
    return (await res.json()) as DeploymentSourceListResponse;
  }

  async getAuditEvents(query: { entityRef?: string; limit?: number }): Promise<{ items: AuditEvent[] }> {
    const res = await this.get(`/audit${qs(searchParams(query))}`);
    return (await res.json()) as { items: AuditEvent[] };
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

  private async send<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('aims');
    const res = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as T;
  }
}

function qs(params: URLSearchParams): string {
  const s = params.toString();
  return s ? `?${s}` : '';
}
