import {
  AISystemEntity,
  AuditEvent,
  DEFAULT_RISK_MATRIX,
  Finding,
  IMPACT_DIMENSIONS,
  ImpactAssessmentContent,
  ImpactAssessmentOverview,
  ImpactAssessmentTransitionRequest,
  ImpactAssessmentVersion,
  Risk,
  RiskHeatMapResponse,
  RiskInput,
  RiskListResponse,
  RiskMatrix,
  SaveImpactAssessmentDraftRequest,
  emptyImpactAssessmentContent,
  isAboveAcceptance,
  needsSignOff,
  riskBand,
  riskHeatMap,
  riskScore,
  summarizeImpactAssessment,
  AISystemStatus,
  ComponentStatus,
  InventoryCounts,
  InventoryItem,
  InventoryQuery,
  InventoryResponse,
  tallyInventoryCounts,
  AimsStatus,
  DeploymentSourceListResponse,
  DeploymentSourceState,
  DriftReconcileBacklog,
  FindingActionRequest,
  FindingEvent,
  FindingWithEvents,
  StoredFindingView,
  withContributor,
  ANNEX_A_CONTROLS,
  soaCoverage,
  Evidence,
  EvidenceInput,
  Soa,
  SoaAdditionalControlInput,
  SoaControlInput,
  SoaControlRow,
  SoaVersionSummary,
  SystemControl,
  SystemControlInput,
  SystemControls,
  AimsApiSchemas,
  MonitoringThreshold,
  judgeValue,
} from '@aims-backstage/backstage-plugin-aims-common';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  AimsApi,
  AimsEntityRef,
  ControlExportFormat,
  EvidenceQuery,
  FindingQuery,
  MonitoringOverview,
  MonitoringQuery,
  RiskQuery,
  SoaTransitionRequest,
} from '../api';

const STATUS_TEXTS: Record<number, string> = {
  200: 'OK',
  403: 'Forbidden',
  404: 'Not Found',
};

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
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
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
      {
        name: 'credit-gbm-challenger',
        version: '6.0.0-rc.2',
        provider: 'in-house',
      },
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
    {
      type: 'dependencyOf',
      targetRef: 'component:default/credit-decision-service',
    },
    {
      type: 'dependencyOf',
      targetRef: 'component:default/loan-origination-api',
    },
    {
      type: 'dependsOn',
      targetRef: 'resource:default/loan-applications-dataset',
    },
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
  controls: { applicable: 12, implementedWithEvidence: 7 },
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
    controls: { applicable: 0, implementedWithEvidence: 0 },
    ...overrides,
  };
}

/**
 * An in-memory AimsApi: filters `items` like the backend would (exact match on each filter,
 * `q` on title/ref), pages with limit/offset, and records every call.
 */
export class FakeAimsApi implements AimsApi {
  /** Every write and read of the assessment/risk/audit API, in order: `[method, ...args]`. */
  readonly calls: Array<[string, ...unknown[]]> = [];
  /** Stored impact-assessment versions by AI system ref, oldest first. */
  readonly versions: Record<string, ImpactAssessmentVersion[]> = {};
  risks: Risk[] = [];
  audit: AuditEvent[] = [];
  findings: Finding[] = [];
  /** Event history per finding id (GET /findings/:id). */
  readonly findingEvents: Record<string, FindingEvent[]> = {};
  sources: DeploymentSourceState[] = [];
  reconcileBacklog: DriftReconcileBacklog = {
    waiting: 0,
    oldestRequestedAt: null,
  };
  matrix: RiskMatrix = DEFAULT_RISK_MATRIX;
  /** The user the fake backend acts as (author of drafts, signer of risks). */
  actor = 'user:default/ana';
  /** Errors to throw from the next call of a method, by method name. */
  readonly failures: Record<string, Error> = {};
  readonly inventoryCalls: InventoryQuery[] = [];
  readonly csvCalls: InventoryQuery[] = [];
  readonly countsCalls: InventoryQuery[] = [];
  readonly statusCalls: string[] = [];
  /** Stored SoA versions, oldest first (each evaluated as the backend would answer it). */
  soaVersions: Soa[] = [];
  evidence: Evidence[] = [];
  /** GET /controls answers by AI system ref. */
  systemControls: Record<string, SystemControls> = {};
  /** GET /monitoring answers by AI system ref (answered whatever the range asked). */
  monitoring: Record<string, MonitoringOverview> = {};

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
        monitoringMatches(i, query) &&
        (!query.q ||
          `${i.title} ${i.entityRef}`
            .toLowerCase()
            .includes(query.q.toLowerCase())),
    );
    const offset = query.offset ?? 0;
    const limit = query.limit ?? matching.length;
    return {
      items: matching.slice(offset, offset + limit),
      totalCount: matching.length,
    };
  }

  async getInventoryCounts(
    query: InventoryQuery = {},
  ): Promise<InventoryCounts> {
    this.countsCalls.push(query);
    const { status, tier, ...scope } = query;
    const { items } = await this.filter(scope);
    return tallyInventoryCounts(
      items.map(i => ({
        status: i.impactAssessment.status,
        tier: i.euAiActTier,
      })),
      { status, tier },
    );
  }

  async getInventoryCsv(query: InventoryQuery = {}): Promise<Blob> {
    this.csvCalls.push(query);
    return new Blob(['entityRef\n'], { type: 'text/csv' });
  }

  async getStatus(entityRef: CompoundEntityRef | string): Promise<AimsStatus> {
    const ref =
      typeof entityRef === 'string' ? entityRef : stringifyEntityRef(entityRef);
    this.statusCalls.push(ref);
    const status = this.statuses[ref];
    if (!status) {
      throw await responseError(404, 'NotFoundError', `No status for ${ref}`);
    }
    return status;
  }
  private async fail(method: string) {
    const e = this.failures[method];
    if (e) {
      delete this.failures[method];
      throw e;
    }
  }

  private refOf(entityRef: AimsEntityRef): string {
    return (
      typeof entityRef === 'string' ? entityRef : stringifyEntityRef(entityRef)
    ).toLocaleLowerCase('en-US');
  }

  async getImpactAssessment(
    entityRef: AimsEntityRef,
  ): Promise<ImpactAssessmentOverview> {
    const ref = this.refOf(entityRef);
    this.calls.push(['getImpactAssessment', ref]);
    await this.fail('getImpactAssessment');
    const versions = this.versions[ref] ?? [];
    const newestFirst = [...versions].sort((a, b) => b.version - a.version);
    return {
      aiSystemRef: ref,
      summary: summarizeImpactAssessment(versions, new Date()),
      latest: newestFirst[0] ?? null,
      approved: newestFirst.find(v => v.status === 'approved') ?? null,
      versions: newestFirst.map(v => ({
        version: v.version,
        status: v.status,
        author: v.author,
        contributors: v.contributors,
        createdAt: v.createdAt,
        submittedBy: v.submittedBy,
        approvedBy: v.approvedBy,
        approvedAt: v.approvedAt,
        source: v.source,
      })),
      fundamentalRightsAssessmentRequired: this.fundamentalRights,
    };
  }

  fundamentalRights = false;

  async getImpactAssessmentVersion(
    entityRef: AimsEntityRef,
    version: number,
  ): Promise<ImpactAssessmentVersion> {
    const ref = this.refOf(entityRef);
    this.calls.push(['getImpactAssessmentVersion', ref, version]);
    await this.fail('getImpactAssessmentVersion');
    const v = (this.versions[ref] ?? []).find(x => x.version === version);
    if (!v)
      throw await responseError(404, 'NotFoundError', `No version ${version}`);
    return v;
  }

  async saveImpactAssessmentDraft(
    entityRef: AimsEntityRef,
    request: SaveImpactAssessmentDraftRequest,
  ): Promise<ImpactAssessmentVersion> {
    const ref = this.refOf(entityRef);
    this.calls.push(['saveImpactAssessmentDraft', ref, request]);
    await this.fail('saveImpactAssessmentDraft');
    const versions = (this.versions[ref] ??= []);
    const latest = versions[versions.length - 1];
    if (latest && latest.revision !== request.revision) {
      throw await responseError(
        409,
        'ConflictError',
        'The assessment was changed by someone else',
      );
    }
    const now = new Date().toISOString();
    if (latest && latest.status === 'draft') {
      Object.assign(latest, {
        content: request.content,
        contributors: withContributor(latest.contributors, this.actor),
        revision: latest.revision + 1,
        updatedAt: now,
      });
      return latest;
    }
    if (latest && latest.status === 'in-review') {
      throw await responseError(
        409,
        'ConflictError',
        'The assessment is in review',
      );
    }
    const next = impactAssessmentVersion({
      aiSystemRef: ref,
      version: (latest?.version ?? 0) + 1,
      content: request.content,
      revision: (latest?.revision ?? 0) + 1,
      author: this.actor,
    });
    versions.push(next);
    return next;
  }

  async transitionImpactAssessment(
    entityRef: AimsEntityRef,
    request: ImpactAssessmentTransitionRequest,
  ): Promise<ImpactAssessmentVersion> {
    const ref = this.refOf(entityRef);
    this.calls.push(['transitionImpactAssessment', ref, request]);
    await this.fail('transitionImpactAssessment');
    const versions = this.versions[ref] ?? [];
    const latest = versions[versions.length - 1];
    if (!latest || latest.revision !== request.revision) {
      throw await responseError(409, 'ConflictError', 'stale revision');
    }
    const now = new Date().toISOString();
    if (request.action === 'submit')
      Object.assign(latest, {
        status: 'in-review',
        submittedBy: this.actor,
        submittedAt: now,
        contributors: withContributor(latest.contributors, this.actor),
      });
    if (request.action === 'approve')
      Object.assign(latest, {
        status: 'approved',
        approvedBy: this.actor,
        approvedAt: now,
        reviewDue: latest.content.nextReviewDate || null,
      });
    if (request.action === 'return')
      Object.assign(latest, {
        status: 'draft',
        returnedReason: request.reason ?? null,
      });
    latest.revision += 1;
    return latest;
  }

  async importImpactAssessment(
    entityRef: AimsEntityRef,
  ): Promise<ImpactAssessmentVersion> {
    const ref = this.refOf(entityRef);
    this.calls.push(['importImpactAssessment', ref]);
    await this.fail('importImpactAssessment');
    const versions = (this.versions[ref] ??= []);
    const latest = versions[versions.length - 1];
    const next = impactAssessmentVersion({
      aiSystemRef: ref,
      version: (latest?.version ?? 0) + 1,
      content: completeImpactAssessmentContent(),
      revision: (latest?.revision ?? 0) + 1,
      author: this.actor,
      source: {
        location:
          'url:https://github.com/acme/credit/blob/main/aims/impact-assessment.yaml',
        importedAt: '2026-03-01T10:00:00Z',
      },
    });
    versions.push(next);
    return next;
  }

  private riskMatches(r: Risk, q: RiskQuery) {
    return (
      (!q.aiSystemRef || r.aiSystemRef === q.aiSystemRef) &&
      (!q.owner || r.riskOwner === q.owner) &&
      (!q.band || r.residualBand === q.band) &&
      (q.needsSignOff === undefined || r.needsSignOff === q.needsSignOff)
    );
  }

  async getRisks(query: RiskQuery = {}): Promise<RiskListResponse> {
    this.calls.push(['getRisks', query]);
    await this.fail('getRisks');
    let items = this.risks.filter(r => this.riskMatches(r, query));
    if (query.orderBy) {
      const key = query.orderBy as keyof Risk;
      const dir = query.order === 'desc' ? -1 : 1;
      items = [...items].sort(
        (a, b) =>
          String(a[key]).localeCompare(String(b[key]), undefined, {
            numeric: true,
          }) * dir,
      );
    }
    const offset = query.offset ?? 0;
    return {
      items: items.slice(offset, offset + (query.limit ?? items.length)),
      totalCount: items.length,
      matrix: this.matrix,
    };
  }

  async getRisksCsv(query: RiskQuery = {}): Promise<Blob> {
    this.calls.push(['getRisksCsv', query]);
    await this.fail('getRisksCsv');
    return new Blob(['id,title\n'], { type: 'text/csv' });
  }

  async getRiskHeatMap(aiSystemRef?: string): Promise<RiskHeatMapResponse> {
    this.calls.push(['getRiskHeatMap', aiSystemRef]);
    await this.fail('getRiskHeatMap');
    const items = this.risks.filter(r => this.riskMatches(r, { aiSystemRef }));
    return {
      matrix: this.matrix,
      inherent: riskHeatMap(
        items.map(r => r.inherent),
        this.matrix,
      ),
      residual: riskHeatMap(
        items.map(r => r.residual),
        this.matrix,
      ),
      totalCount: items.length,
    };
  }

  async getRiskMatrix(): Promise<RiskMatrix> {
    this.calls.push(['getRiskMatrix']);
    return this.matrix;
  }

  async createRisk(aiSystemRef: string, input: RiskInput): Promise<Risk> {
    this.calls.push(['createRisk', aiSystemRef, input]);
    await this.fail('createRisk');
    const r = risk(
      {
        ...input,
        id: `risk-${this.risks.length + 1}`,
        aiSystemRef,
        createdBy: this.actor,
      },
      this.matrix,
    );
    this.risks.push(r);
    return r;
  }

  async updateRisk(
    id: string,
    input: RiskInput,
    revision: number,
  ): Promise<Risk> {
    this.calls.push(['updateRisk', id, input, revision]);
    await this.fail('updateRisk');
    const i = this.risks.findIndex(r => r.id === id);
    if (i < 0) throw await responseError(404, 'NotFoundError', `No risk ${id}`);
    if (this.risks[i].revision !== revision)
      throw await responseError(409, 'ConflictError', 'stale revision');
    const before = this.risks[i];
    // as the backend: a new risk owner or residual rating voids the sign-off
    const voided =
      before.riskOwner !== input.riskOwner ||
      before.residual.likelihood !== input.residual.likelihood ||
      before.residual.impact !== input.residual.impact;
    this.risks[i] = risk(
      {
        ...before,
        ...input,
        revision: revision + 1,
        ...(voided ? { signOff: null } : {}),
      },
      this.matrix,
    );
    return this.risks[i];
  }

  async signOffRisk(id: string, revision: number): Promise<Risk> {
    this.calls.push(['signOffRisk', id, revision]);
    await this.fail('signOffRisk');
    const i = this.risks.findIndex(r => r.id === id);
    if (i < 0) throw await responseError(404, 'NotFoundError', `No risk ${id}`);
    const r = this.risks[i];
    this.risks[i] = risk(
      {
        ...r,
        revision: revision + 1,
        signOff: {
          by: this.actor,
          at: new Date().toISOString(),
          residualScore: riskScore(r.residual),
        },
      },
      this.matrix,
    );
    return this.risks[i];
  }

  async getFindings(query: FindingQuery = {}): Promise<{ items: Finding[] }> {
    this.calls.push(['getFindings', query]);
    await this.fail('getFindings');
    return {
      items: this.findings.filter(
        f =>
          // like the backend: entityRef also matches findings naming the entity as AI system
          (!query.entityRef ||
            f.entityRef === query.entityRef ||
            f.aiSystemRef === query.entityRef) &&
          (!query.aiSystemRef || f.aiSystemRef === query.aiSystemRef) &&
          (!query.severity || f.severity === query.severity) &&
          (!query.type || f.type === query.type) &&
          (!query.status || f.status === query.status),
      ),
    };
  }

  async getFinding(id: string): Promise<FindingWithEvents> {
    this.calls.push(['getFinding', id]);
    await this.fail('getFinding');
    const f = this.findings.find(x => x.id === id);
    if (!f) throw await responseError(404, 'NotFoundError', `No finding ${id}`);
    return { ...storedFinding(f), events: this.findingEvents[id] ?? [] };
  }

  async actOnFinding(
    id: string,
    request: FindingActionRequest,
  ): Promise<FindingWithEvents> {
    this.calls.push(['actOnFinding', id, request]);
    await this.fail('actOnFinding');
    const f = this.findings.find(x => x.id === id);
    if (!f) throw await responseError(404, 'NotFoundError', `No finding ${id}`);
    const to = (
      {
        acknowledge: 'acknowledged',
        resolve: 'resolved',
        snooze: 'snoozed',
        'accept-risk': 'risk-accepted',
      } as const
    )[request.action];
    (this.findingEvents[id] ??= []).push({
      id: String((this.findingEvents[id]?.length ?? 0) + 1),
      at: new Date().toISOString(),
      actor: this.actor,
      action: `finding.${request.action}`,
      fromStatus: f.status,
      toStatus: to,
      reason: request.reason,
      until: request.until ?? null,
    });
    f.status = to;
    return this.getFinding(id);
  }

  async getSources(): Promise<DeploymentSourceListResponse> {
    this.calls.push(['getSources']);
    await this.fail('getSources');
    return { items: this.sources, reconcileBacklog: this.reconcileBacklog };
  }

  async getAuditEvents(query: {
    entityRef?: string;
    limit?: number;
  }): Promise<{ items: AuditEvent[] }> {
    this.calls.push(['getAuditEvents', query]);
    await this.fail('getAuditEvents');
    return {
      items: this.audit
        .filter(e => !query.entityRef || e.entityRef === query.entityRef)
        .slice(0, query.limit ?? this.audit.length),
    };
  }

  private soaInForce(): Soa {
    const approved = [...this.soaVersions]
      .reverse()
      .find(v => v.status === 'approved');
    const newest = this.soaVersions[this.soaVersions.length - 1];
    const inForce = approved ?? newest;
    if (!inForce) return soaDocument();
    return {
      ...inForce,
      latest:
        newest && newest.version !== inForce.version
          ? soaVersionInfo(newest)
          : null,
    };
  }

  async getSoa(): Promise<Soa> {
    this.calls.push(['getSoa']);
    await this.fail('getSoa');
    return this.soaInForce();
  }

  async getSoaExport(format: ControlExportFormat): Promise<Blob> {
    this.calls.push(['getSoaExport', format]);
    await this.fail('getSoaExport');
    return new Blob([format === 'csv' ? 'controlId\n' : '{}']);
  }

  async listSoaVersions(): Promise<{ items: SoaVersionSummary[] }> {
    this.calls.push(['listSoaVersions']);
    await this.fail('listSoaVersions');
    return { items: [...this.soaVersions].reverse().map(soaVersionInfo) };
  }

  async getSoaVersion(version: number): Promise<Soa> {
    this.calls.push(['getSoaVersion', version]);
    await this.fail('getSoaVersion');
    const v = this.soaVersions.find(x => x.version === version);
    if (!v)
      throw await responseError(404, 'NotFoundError', `No version ${version}`);
    return v;
  }

  /** The draft an edit goes to: the newest draft, or a new one copied from the newest. */
  private async soaDraftFor(revision: number): Promise<Soa> {
    const newest = this.soaVersions[this.soaVersions.length - 1];
    if ((newest?.revision ?? 0) !== revision)
      throw await responseError(409, 'ConflictError', 'stale revision');
    if (newest?.status === 'in-review')
      throw await responseError(409, 'ConflictError', 'The SoA is in review');
    if (newest?.status === 'draft') return newest;
    const draft = soaDocument({
      ...(newest ?? {}),
      version: (newest?.version ?? 0) + 1,
      status: 'draft',
      revision: 0,
      author: this.actor,
      contributors: [this.actor],
      approvedBy: null,
      approvedAt: null,
      submittedBy: null,
      submittedAt: null,
      latest: null,
    });
    this.soaVersions.push(draft);
    return draft;
  }

  async saveSoaControl(
    controlId: string,
    input: SoaControlInput,
  ): Promise<Soa> {
    this.calls.push(['saveSoaControl', controlId, input]);
    await this.fail('saveSoaControl');
    const draft = await this.soaDraftFor(input.revision);
    const { revision: _r, ...fields } = input;
    draft.controls = draft.controls.map(c =>
      c.controlId === controlId ? { ...c, ...fields } : c,
    );
    Object.assign(draft, evaluateFakeSoa(draft.controls));
    draft.revision += 1;
    draft.contributors = withContributor(draft.contributors, this.actor);
    return draft;
  }

  async saveSoaAdditionalControl(
    id: string,
    input: SoaAdditionalControlInput,
  ): Promise<Soa> {
    this.calls.push(['saveSoaAdditionalControl', id, input]);
    await this.fail('saveSoaAdditionalControl');
    const draft = await this.soaDraftFor(input.revision);
    const row = {
      id,
      title: input.title,
      applicable: input.applicable ?? true,
      justification: input.justification ?? '',
      implementationStatus: input.implementationStatus ?? 'not-started',
      owner: input.owner ?? null,
      documents: input.documents ?? [],
    };
    draft.additionalControls = [
      ...draft.additionalControls.filter(a => a.id !== id),
      row,
    ];
    draft.revision += 1;
    return draft;
  }

  async deleteSoaAdditionalControl(id: string, revision: number): Promise<Soa> {
    this.calls.push(['deleteSoaAdditionalControl', id, revision]);
    await this.fail('deleteSoaAdditionalControl');
    const draft = await this.soaDraftFor(revision);
    draft.additionalControls = draft.additionalControls.filter(
      a => a.id !== id,
    );
    draft.revision += 1;
    return draft;
  }

  async transitionSoa(request: SoaTransitionRequest): Promise<Soa> {
    this.calls.push(['transitionSoa', request]);
    await this.fail('transitionSoa');
    const newest = this.soaVersions[this.soaVersions.length - 1];
    if (!newest || newest.revision !== request.revision)
      throw await responseError(409, 'ConflictError', 'stale revision');
    const now = new Date().toISOString();
    if (request.action === 'submit')
      Object.assign(newest, {
        status: 'in-review',
        submittedBy: this.actor,
        submittedAt: now,
      });
    if (request.action === 'approve')
      Object.assign(newest, {
        status: 'approved',
        approvedBy: this.actor,
        approvedAt: now,
      });
    if (request.action === 'return')
      Object.assign(newest, {
        status: 'draft',
        returnedReason: request.reason ?? null,
      });
    newest.revision += 1;
    return newest;
  }

  async listEvidence(
    query: EvidenceQuery = {},
  ): Promise<{ items: Evidence[] }> {
    this.calls.push(['listEvidence', query]);
    await this.fail('listEvidence');
    const horizon = query.expiringWithinDays
      ? Date.now() + query.expiringWithinDays * 86_400_000
      : undefined;
    return {
      items: this.evidence.filter(
        e =>
          (!query.controlId || e.controlId === query.controlId) &&
          (query.aiSystemRef === undefined ||
            e.aiSystemRef === query.aiSystemRef) &&
          (!query.status || e.status === query.status) &&
          (horizon === undefined ||
            (!!e.expiresAt &&
              Date.parse(e.expiresAt) > Date.now() &&
              Date.parse(e.expiresAt) <= horizon)),
      ),
    };
  }

  async createEvidence(input: EvidenceInput): Promise<Evidence> {
    this.calls.push(['createEvidence', input]);
    await this.fail('createEvidence');
    const item = evidenceItem({
      id: `ev-${this.evidence.length + 1}`,
      controlId: input.controlId!,
      aiSystemRef: input.aiSystemRef ?? null,
      title: input.title,
      href: input.href ?? null,
      reference: input.reference ?? null,
      collectedAt: input.collectedAt,
      expiresAt: input.expiresAt ?? null,
      status: input.status ?? 'draft',
      live: input.live ?? null,
      collectedBy: this.actor,
    });
    this.evidence.push(item);
    return item;
  }

  async updateEvidence(id: string, input: EvidenceInput): Promise<Evidence> {
    this.calls.push(['updateEvidence', id, input]);
    await this.fail('updateEvidence');
    const item = this.evidence.find(e => e.id === id);
    if (!item) throw await responseError(404, 'NotFoundError', 'no evidence');
    if (item.revision !== input.revision)
      throw await responseError(409, 'ConflictError', 'stale revision');
    const { revision: _r, ...fields } = input;
    Object.assign(item, fields, { revision: item.revision + 1 });
    return item;
  }

  async getMonitoring(
    entityRef: AimsEntityRef,
    query: MonitoringQuery = {},
  ): Promise<MonitoringOverview> {
    const ref = this.refOf(entityRef);
    this.calls.push(['getMonitoring', ref, query]);
    await this.fail('getMonitoring');
    const overview = this.monitoring[ref];
    if (!overview)
      throw await responseError(404, 'NotFoundError', `No AI system ${ref}`);
    return { ...overview, days: query.days ?? 7 };
  }

  async getSystemControls(entityRef: AimsEntityRef): Promise<SystemControls> {
    const ref = this.refOf(entityRef);
    this.calls.push(['getSystemControls', ref]);
    await this.fail('getSystemControls');
    const controls = this.systemControls[ref];
    if (!controls) throw await responseError(404, 'NotFoundError', 'unknown');
    return controls;
  }

  async getSystemControlsExport(
    entityRef: AimsEntityRef,
    format: ControlExportFormat,
  ): Promise<Blob> {
    this.calls.push(['getSystemControlsExport', this.refOf(entityRef), format]);
    await this.fail('getSystemControlsExport');
    return new Blob([format === 'csv' ? 'controlId\n' : '{}']);
  }

  async saveSystemControl(
    entityRef: AimsEntityRef,
    controlId: string,
    input: SystemControlInput,
  ): Promise<SystemControl> {
    const ref = this.refOf(entityRef);
    this.calls.push(['saveSystemControl', ref, controlId, input]);
    await this.fail('saveSystemControl');
    const doc = (this.systemControls[ref] ??= systemControls(ref, []));
    const existing = doc.controls.find(c => c.controlId === controlId);
    if ((existing?.revision ?? 0) !== input.revision)
      throw await responseError(409, 'ConflictError', 'stale revision');
    const saved = systemControl(controlId, {
      ...existing,
      mapped: true,
      applicable: input.applicable,
      how: input.how ?? '',
      implementationStatus: input.implementationStatus ?? 'not-started',
      owner: input.owner ?? null,
      revision: input.revision + 1,
    });
    doc.controls = existing
      ? doc.controls.map(c => (c.controlId === controlId ? saved : c))
      : [...doc.controls, saved];
    return saved;
  }
}

/** Content that passes `validateImpactAssessmentContent(…, { complete: true })`. */
export function completeImpactAssessmentContent(): ImpactAssessmentContent {
  const c = emptyImpactAssessmentContent('high-risk');
  return {
    ...c,
    intendedUse: 'Score consumer loan applications',
    foreseeableMisuse: 'Using the score for employment decisions',
    affectedIndividuals: 'Loan applicants',
    affectedGroups: 'Young adults without credit history',
    groupsNeedingProtection: [],
    societalImpact: 'Access to credit',
    dimensions: IMPACT_DIMENSIONS.map(d =>
      d.id === 'fairness'
        ? {
            dimension: d.id,
            effect: 'negative' as const,
            description: 'Thin-file applicants score lower',
            severity: 4,
            likelihood: 3,
            mitigation: 'Manual review of thin-file declines',
            residualSeverity: 2,
            residualLikelihood: 2,
          }
        : { dimension: d.id, effect: 'none' as const, description: '' },
    ),
    predictableFailures: 'Drift after rate changes',
    humanOversight: 'Underwriters review the refer band',
    dataCategories: ['financial'],
    euAiAct: {
      tier: 'high-risk',
      annexIIIArea: 'III.5',
      reasoning: 'Creditworthiness of natural persons',
    },
    reviewers: ['user:default/compliance-officer'],
    nextReviewDate: '2099-01-01',
  };
}

/** One stored impact-assessment version (a draft by ana unless overridden). */
export function impactAssessmentVersion(
  overrides: Partial<ImpactAssessmentVersion> = {},
): ImpactAssessmentVersion {
  const author = overrides.author ?? 'user:default/ana';
  return {
    aiSystemRef: 'aisystem:default/credit-risk-scorer',
    version: 1,
    status: 'draft',
    content: emptyImpactAssessmentContent('high-risk'),
    revision: 1,
    author,
    contributors: [author],
    createdAt: '2026-02-01T09:00:00Z',
    updatedAt: '2026-02-01T09:00:00Z',
    submittedBy: null,
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    reviewDue: null,
    returnedReason: null,
    source: null,
    ...overrides,
  };
}

/** A risk with the derived fields (scores, bands, sign-off need) computed from the matrix. */
export function risk(
  overrides: Partial<Risk> = {},
  matrix: RiskMatrix = DEFAULT_RISK_MATRIX,
): Risk {
  const base = {
    id: 'risk-1',
    aiSystemRef: 'aisystem:default/credit-risk-scorer',
    title: 'Thin-file applicants are declined',
    description: 'Applicants without credit history get low scores',
    inherent: { likelihood: 4, impact: 4 },
    residual: { likelihood: 3, impact: 4 },
    treatment: 'mitigate' as const,
    actions: [
      {
        description: 'Manual review',
        owner: 'user:default/ana',
        dueDate: '2026-06-30',
        status: 'open' as const,
      },
    ],
    controls: ['A.6.2.4'],
    riskOwner: 'user:default/ana',
    signOff: null,
    status: 'open' as const,
    revision: 1,
    createdBy: 'user:default/ana',
    createdAt: '2026-02-01T09:00:00Z',
    updatedAt: '2026-02-01T09:00:00Z',
    ...overrides,
  };
  const inherentScore = riskScore(base.inherent);
  const residualScore = riskScore(base.residual);
  return {
    ...base,
    inherentScore,
    residualScore,
    inherentBand: riskBand(inherentScore, matrix),
    residualBand: riskBand(residualScore, matrix),
    aboveAcceptance: isAboveAcceptance(base.residual, matrix),
    needsSignOff: needsSignOff(base, matrix),
  };
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

/** A permission API answer per permission name (ALLOW when `allowed` says so). */
export function authorizeBy(
  allowed: (permissionName: string, resourceRef: string | undefined) => boolean,
) {
  return (request: { permission: { name: string }; resourceRef?: string }) =>
    (allowed(request.permission.name, request.resourceRef)
      ? 'ALLOW'
      : 'DENY') as any;
}

/** A finding as the backend serves it (key, occurrences, statusUntil, statusReason filled in). */
export function storedFinding(f: Finding): StoredFindingView {
  const s = f as Partial<StoredFindingView>;
  return {
    key: `${f.type}:${f.entityRef}:${f.aiSystemRef ?? ''}:${
      f.environment ?? ''
    }`,
    occurrences: 1,
    statusUntil: null,
    statusReason: null,
    ...f,
    ...(s.occurrences !== undefined ? { occurrences: s.occurrences } : {}),
  };
}

/**
 * A drift finding: fraud-scorer 3.3.0 running in production where 3.2.0 is declared, seen by
 * the kubernetes and deployment-reports sources.
 */
export function driftFinding(
  overrides: Partial<StoredFindingView> = {},
): StoredFindingView {
  return {
    id: 'f-1',
    key: 'version-mismatch:component:default/payments-api:aisystem:default/fraud-scorer:production',
    type: 'version-mismatch',
    entityRef: 'component:default/payments-api',
    aiSystemRef: 'aisystem:default/fraud-scorer',
    environment: 'production',
    severity: 'high',
    status: 'open',
    firstSeenAt: '2026-03-01T10:00:00Z',
    lastSeenAt: '2026-03-03T08:30:00Z',
    occurrences: 4,
    statusUntil: null,
    statusReason: null,
    evidence: {
      declared: [{ model: 'fraud-gbm', version: '3.2.0' }],
      observed: [
        {
          model: 'fraud-gbm',
          version: '3.3.0',
          share: 1,
          sources: ['deployment-reports', 'kubernetes'],
        },
      ],
      sources: [
        {
          sourceId: 'kubernetes',
          observedAt: '2026-03-03T08:30:00Z',
          model: 'fraud-gbm',
          version: '3.3.0',
          evidence: { workload: 'payments/payments-api' },
        },
        {
          sourceId: 'deployment-reports',
          observedAt: '2026-03-01T10:00:00Z',
          model: 'fraud-gbm',
          version: '3.3.0',
        },
      ],
    },
    ...overrides,
  };
}

/** A deployment source and its health. */
export function deploymentSource(
  id: string,
  overrides: Partial<DeploymentSourceState> = {},
): DeploymentSourceState {
  return {
    id,
    status: 'healthy',
    lastSuccessAt: '2026-03-03T08:30:00Z',
    lastFailureAt: null,
    lastError: null,
    freshnessWindowMs: 3_600_000,
    observationCount: 12,
    ...overrides,
  };
}

function evaluateFakeSoa(
  controls: SoaControlRow[],
): Pick<Soa, 'coverage' | 'categories'> {
  const categories = [...new Set(controls.map(c => c.categoryId))].map(id => {
    const rows = controls.filter(c => c.categoryId === id);
    return {
      categoryId: id,
      categoryTitle: rows[0].categoryTitle,
      ...soaCoverage(rows),
    };
  });
  return { coverage: soaCoverage(controls), categories };
}

/** One SoA row for an Annex A control: undecided, nothing known, unless overridden. */
export function soaRow(
  controlId: string,
  overrides: Partial<SoaControlRow> = {},
) {
  const control = ANNEX_A_CONTROLS.find(c => c.id === controlId);
  if (!control) throw new Error(`not an Annex A control: ${controlId}`);
  const row: SoaControlRow = {
    controlId,
    title: control.title,
    categoryId: control.categoryId,
    categoryTitle: control.categoryTitle,
    applicable: null,
    justification: '',
    inclusionReasons: [],
    contractual: false,
    goodPractice: false,
    implementationStatus: 'not-started',
    owner: null,
    reviewBy: null,
    documents: [],
    evidence: [],
    currentEvidence: false,
    exclusionStanding: 'not-excluded',
    nistAiRmf: [],
    euAiActArticles: [],
    risks: [],
    risksTotal: 0,
    ...overrides,
  };
  return row;
}

/**
 * A SoA document with all 38 Annex A rows (rows given in `overrides.controls` replace theirs)
 * and coverage tallied from them.
 */
export function soaDocument(overrides: Partial<Soa> = {}): Soa {
  const given = new Map((overrides.controls ?? []).map(c => [c.controlId, c]));
  const controls = ANNEX_A_CONTROLS.map(c => given.get(c.id) ?? soaRow(c.id));
  const nothing = !overrides.version;
  return {
    version: 0,
    status: 'none',
    revision: 0,
    catalogue: {
      standard: 'ISO/IEC 42001:2023',
      annex: 'A',
      controlCount: ANNEX_A_CONTROLS.length,
      digest: 'sha256-of-the-test-catalogue',
    },
    author: nothing ? null : 'user:default/ana',
    contributors: nothing ? [] : ['user:default/ana'],
    createdAt: nothing ? null : '2026-03-01T10:00:00Z',
    updatedAt: nothing ? null : '2026-03-01T10:00:00Z',
    submittedBy: null,
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    returnedReason: null,
    additionalControls: [],
    latest: null,
    ...overrides,
    controls,
    ...evaluateFakeSoa(controls),
  };
}

export function soaVersionInfo(v: Soa): SoaVersionSummary {
  return {
    version: v.version,
    status: v.status === 'none' ? 'draft' : v.status,
    author: v.author ?? '',
    contributors: v.contributors,
    createdAt: v.createdAt ?? '',
    submittedBy: v.submittedBy,
    approvedBy: v.approvedBy,
    approvedAt: v.approvedAt,
    catalogue: v.catalogue,
  };
}

/** An approved, current organisation evidence item for A.6.2.4 unless overridden. */
export function evidenceItem(overrides: Partial<Evidence> = {}): Evidence {
  return {
    id: 'ev-1',
    controlId: 'A.6.2.4',
    aiSystemRef: null,
    title: 'Validation report Q1',
    href: 'https://docs.example.com/validation-q1',
    reference: null,
    collectedBy: 'user:default/ana',
    collectedAt: '2026-03-01T00:00:00Z',
    expiresAt: null,
    status: 'approved',
    live: null,
    current: true,
    standing: 'Approved',
    revision: 1,
    createdAt: '2026-03-01T00:00:00Z',
    updatedAt: '2026-03-01T00:00:00Z',
    ...overrides,
  };
}

/** A control of one AI system (mapped, applicable, not started unless overridden). */
export function systemControl(
  controlId: string,
  overrides: Partial<SystemControl> = {},
): SystemControl {
  const control = ANNEX_A_CONTROLS.find(c => c.id === controlId);
  if (!control) throw new Error(`not an Annex A control: ${controlId}`);
  return {
    controlId,
    title: control.title,
    categoryId: control.categoryId,
    categoryTitle: control.categoryTitle,
    mapped: true,
    applicable: true,
    how: '',
    implementationStatus: 'not-started',
    owner: null,
    revision: 1,
    evidence: [],
    currentEvidence: false,
    risks: [],
    organisation: { applicable: null, implementationStatus: 'not-started' },
    euAiActArticles: [],
    nistAiRmf: [],
    ...overrides,
  };
}

export function systemControls(
  aiSystemRef: string,
  controls: SystemControl[],
  overrides: Partial<SystemControls> = {},
): SystemControls {
  return {
    aiSystemRef,
    euAiActTier: 'minimal-risk',
    controls,
    coverage: soaCoverage(controls),
    obligations: [],
    ...overrides,
  };
}

/**
 * The inventory's `monitoring` filter as the backend applies it: a system without a summary
 * (nothing declared or reported) is not monitored. Read loosely so the fake works whether or
 * not the query type already names the parameter.
 */
function monitoringMatches(item: InventoryItem, query: InventoryQuery) {
  const wanted = (query as { monitoring?: string }).monitoring;
  return !wanted || (item.monitoring?.status ?? 'not-monitored') === wanted;
}

type MonitoringPoint = AimsApiSchemas['MonitoringPoint'];
type MonitoringSeries = AimsApiSchemas['MonitoringSeries'];

/** A stored result judged by the shared rule against the threshold it carries. */
export function monitoringPoint(
  observedAt: string,
  value: number,
  threshold: MonitoringThreshold | null = null,
  aggregate?: MonitoringPoint['aggregate'],
): MonitoringPoint {
  return {
    observedAt,
    value,
    verdict: judgeValue(value, threshold ?? undefined),
    threshold,
    ...(aggregate ? { aggregate } : {}),
  };
}

/** One series; its latest is the last point. */
export function monitoringSeries(
  metric: string,
  points: MonitoringPoint[],
  overrides: Partial<MonitoringSeries> = {},
): MonitoringSeries {
  return {
    metric,
    slice: 'all',
    environment: 'production',
    status: points.some(
      p => p.verdict === 'below-min' || p.verdict === 'above-max',
    )
      ? 'breached'
      : 'ok',
    latest: points[points.length - 1] ?? null,
    points,
    ...overrides,
  };
}

/** `GET /monitoring` of credit-risk-scorer over 7 days ending 2026-03-10. */
export function monitoringOverview(
  metrics: MonitoringOverview['metrics'],
  overrides: Partial<MonitoringOverview> = {},
): MonitoringOverview {
  return {
    aiSystemRef: 'aisystem:default/credit-risk-scorer',
    days: 7,
    from: '2026-03-03T00:00:00Z',
    to: '2026-03-10T00:00:00Z',
    metrics,
    ...overrides,
  };
}
