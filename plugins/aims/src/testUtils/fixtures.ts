import {
  AISystemEntity,
  AISystemStatus,
  ComponentStatus,
  InventoryCounts,
  InventoryItem,
  InventoryQuery,
  InventoryResponse,
  tallyInventoryCounts,
  AimsStatus,
} from '@internal/plugin-aims-common';
import { CompoundEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { AimsApi } from '../api';

const STATUS_TEXTS: Record<number, string> = { 200: 'OK', 404: 'Not Found' };

/** A minimal fetch Response, enough for fetchApi fakes and ResponseError.fromResponse. */
export function fakeResponse(
  status: number,
  body: string,
  contentType = 'application/json',
): Response {
  const headers = {
    get: (name: string) =>
      name.toLowerCase() === 'content-type' ? contentType : null,
  };
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: STATUS_TEXTS[status] ?? 'Error',
    url: '',
    type: 'basic',
    redirected: false,
    headers,
    text: async () => body,
    json: async () => JSON.parse(body),
    blob: async () => new Blob([body], { type: contentType }),
  } as unknown as Response;
}

/** The error the real client throws for a non-2xx answer from the backend. */
export function responseError(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    fakeResponse(
      status,
      JSON.stringify({ error: { name, message }, response: { statusCode: status } }),
    ),
  );
}

/** `credit-risk-scorer` from the example organisation, as the catalog serves it. */
export const creditRiskScorer: AISystemEntity = {
  apiVersion: 'aims.dev/v1alpha1',
  kind: 'AISystem',
  metadata: {
    name: 'credit-risk-scorer',
    namespace: 'default',
    title: 'Consumer Credit Risk Scorer',
  },
  spec: {
    type: 'ml-model',
    lifecycle: 'production',
    owner: 'risk-ml',
    purpose:
      'Estimate the 12-month probability of default of a natural person applying for a personal loan.',
    role: 'provider-and-deployer',
    system: 'lending',
    dependencyOf: ['credit-decision-service', 'loan-origination-api'],
    dependsOn: ['loan-applications-dataset', 'feature-store'],
    models: [
      { name: 'credit-gbm', version: '5.1.0', provider: 'in-house' },
      { name: 'credit-gbm-challenger', version: '6.0.0-rc.2', provider: 'in-house' },
    ],
    deployments: [
      {
        environment: 'production',
        component: 'credit-decision-service',
        model: 'credit-gbm',
        version: '5.1.0',
      },
      {
        environment: 'staging',
        component: 'credit-decision-service',
        model: 'credit-gbm-challenger',
        version: '6.0.0-rc.2',
      },
    ],
    euAiAct: { tier: 'high-risk', annexIIIArea: 'III.5' },
    humanOversight:
      'Scores in the refer band go to a credit underwriter; every decline is explained.',
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/risk-ml' },
    { type: 'dependencyOf', targetRef: 'component:default/credit-decision-service' },
    { type: 'dependencyOf', targetRef: 'component:default/loan-origination-api' },
    { type: 'dependsOn', targetRef: 'resource:default/loan-applications-dataset' },
    { type: 'dependsOn', targetRef: 'resource:default/feature-store' },
  ],
};

export const creditRiskStatus: AISystemStatus = {
  entityRef: 'aisystem:default/credit-risk-scorer',
  kind: 'aisystem',
  title: 'Consumer Credit Risk Scorer',
  type: 'ml-model',
  lifecycle: 'production',
  euAiActTier: 'high-risk',
  impactAssessment: {
    status: 'review-overdue',
    approvedAt: '2025-01-10T00:00:00Z',
    reviewDue: '2026-01-10T00:00:00Z',
  },
  findings: { open: 3, critical: 1, high: 1 },
  health: 'at-risk',
};

export function inventoryItem(
  name: string,
  overrides: Partial<InventoryItem> = {},
): InventoryItem {
  return {
    entityRef: `aisystem:default/${name}`,
    title: name,
    owner: 'group:default/risk-ml',
    lifecycle: 'production',
    type: 'ml-model',
    euAiActTier: 'minimal-risk',
    components: ['component:default/payments-api'],
    impactAssessment: { status: 'approved', approvedAt: null, reviewDue: null },
    findings: { open: 0, critical: 0, high: 0 },
    ...overrides,
  };
}

/**
 * An in-memory AimsApi: filters `items` like the backend would (exact match on each filter,
 * `q` on title/ref), pages with limit/offset, and records every call.
 */
export class FakeAimsApi implements AimsApi {
  readonly inventoryCalls: InventoryQuery[] = [];
  readonly csvCalls: InventoryQuery[] = [];
  readonly countsCalls: InventoryQuery[] = [];
  readonly statusCalls: string[] = [];

  constructor(
    private readonly items: InventoryItem[] = [],
    private readonly statuses: Record<string, AimsStatus> = {},
  ) {}

  async getInventory(query: InventoryQuery = {}): Promise<InventoryResponse> {
    this.inventoryCalls.push(query);
    return this.filter(query);
  }

  private async filter(query: InventoryQuery): Promise<InventoryResponse> {
    const matching = this.items.filter(
      i =>
        (!query.owner || i.owner === query.owner) &&
        (!query.lifecycle || i.lifecycle === query.lifecycle) &&
        (!query.type || i.type === query.type) &&
        (!query.tier || i.euAiActTier === query.tier) &&
        (!query.status || i.impactAssessment.status === query.status) &&
        (!query.q ||
          `${i.title} ${i.entityRef}`.toLowerCase().includes(query.q.toLowerCase())),
    );
    const offset = query.offset ?? 0;
    const limit = query.limit ?? matching.length;
    return {
      items: matching.slice(offset, offset + limit),
      totalCount: matching.length,
    };
  }

  async getInventoryCounts(query: InventoryQuery = {}): Promise<InventoryCounts> {
    this.countsCalls.push(query);
    const { status, tier, ...scope } = query;
    const { items } = await this.filter(scope);
    return tallyInventoryCounts(
      items.map(i => ({ status: i.impactAssessment.status, tier: i.euAiActTier })),
      { status, tier },
    );
  }

  async getInventoryCsv(query: InventoryQuery = {}): Promise<Blob> {
    this.csvCalls.push(query);
    return new Blob(['entityRef\n'], { type: 'text/csv' });
  }

  async getStatus(entityRef: CompoundEntityRef | string): Promise<AimsStatus> {
    const ref = typeof entityRef === 'string' ? entityRef : stringifyEntityRef(entityRef);
    this.statusCalls.push(ref);
    const status = this.statuses[ref];
    if (!status) {
      throw await responseError(404, 'NotFoundError', `No status for ${ref}`);
    }
    return status;
  }
}

export function componentStatus(
  ref: string,
  aiSystems: AISystemStatus[],
): ComponentStatus {
  return {
    entityRef: ref,
    kind: 'component',
    aiSystems,
    findings: { open: 0, critical: 0, high: 0 },
    health: aiSystems.length ? 'attention' : 'not-applicable',
  };
}
