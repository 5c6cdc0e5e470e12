import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { DEFAULT_NAMESPACE, parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  AimsApiClient,
  AimsStatus,
  AuditEvent,
  DeploymentSourceListResponse,
  FindingActionRequest,
  FindingWithEvents,
  StoredFindingView,
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
  Evidence,
  EvidenceInput,
  Soa,
  SoaAdditionalControlInput,
  SoaControlInput,
  SoaVersionSummary,
  SystemControl,
  SystemControlInput,
  SystemControls,
} from '@aims-backstage/backstage-plugin-aims-common';
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
} from './AimsApi';

/** The Accept header of each export format (the spec's response media types). */
const EXPORT_ACCEPT: Record<ControlExportFormat, string> = {
  csv: 'text/csv',
  oscal: 'application/oscal+json',
};

/** `{ kind, namespace, name }` path parameters of an entity: lower-case kind, default namespace. */
export function entityParams(entityRef: AimsEntityRef): {
  kind: string;
  namespace: string;
  name: string;
} {
  const ref =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  return {
    kind: ref.kind.toLocaleLowerCase('en-US'),
    namespace: ref.namespace || DEFAULT_NAMESPACE,
    name: ref.name,
  };
}

/** `kind/namespace/name`, lower-case kind, each segment URL-encoded. */
export function entityPath(entityRef: AimsEntityRef): string {
  const { kind, namespace, name } = entityParams(entityRef);
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}

/**
 * Default {@link AimsApi} implementation: discovery for the base URL, fetchApi so the
 * user's token goes along, ResponseError for every non-2xx answer.
 *
 * @public
 */
export class AimsClient implements AimsApi {
  private readonly api: AimsApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.api = new AimsApiClient({
      baseUrl: () => options.discoveryApi.getBaseUrl('aims'),
      fetch: (input, init) => options.fetchApi.fetch(input, init),
    });
  }

  async getInventory(query: InventoryQuery = {}): Promise<InventoryResponse> {
    return json(await this.api.request('get', '/inventory', { query }));
  }

  async getInventoryCounts(
    query: InventoryQuery = {},
  ): Promise<InventoryCounts> {
    const { limit: _limit, offset: _offset, ...filters } = query;
    return json(
      await this.api.request('get', '/inventory/counts', { query: filters }),
    );
  }

  async getInventoryCsv(query: InventoryQuery = {}): Promise<Blob> {
    const { limit: _limit, offset: _offset, ...filters } = query;
    return blob(
      await this.api.request('get', '/inventory', {
        query: { ...filters, format: 'csv' },
        accept: 'text/csv',
      }),
    );
  }

  async getStatus(entityRef: AimsEntityRef): Promise<AimsStatus> {
    return json(
      await this.api.request('get', '/status/{kind}/{namespace}/{name}', {
        path: entityParams(entityRef),
      }),
    );
  }

  async getImpactAssessment(
    entityRef: AimsEntityRef,
  ): Promise<ImpactAssessmentOverview> {
    // content is the domain model's (the spec leaves it to the shared validator)
    return (await json(
      await this.api.request(
        'get',
        '/impact-assessments/{kind}/{namespace}/{name}',
        {
          path: entityParams(entityRef),
        },
      ),
    )) as ImpactAssessmentOverview;
  }

  async getImpactAssessmentVersion(
    entityRef: AimsEntityRef,
    version: number,
  ): Promise<ImpactAssessmentVersion> {
    return (await json(
      await this.api.request(
        'get',
        '/impact-assessments/{kind}/{namespace}/{name}/versions/{version}',
        { path: { ...entityParams(entityRef), version } },
      ),
    )) as ImpactAssessmentVersion;
  }

  async saveImpactAssessmentDraft(
    entityRef: AimsEntityRef,
    request: SaveImpactAssessmentDraftRequest,
  ): Promise<ImpactAssessmentVersion> {
    return (await json(
      await this.api.request(
        'put',
        '/impact-assessments/{kind}/{namespace}/{name}/draft',
        {
          path: entityParams(entityRef),
          body: request,
        },
      ),
    )) as ImpactAssessmentVersion;
  }

  async transitionImpactAssessment(
    entityRef: AimsEntityRef,
    request: ImpactAssessmentTransitionRequest,
  ): Promise<ImpactAssessmentVersion> {
    return (await json(
      await this.api.request(
        'post',
        '/impact-assessments/{kind}/{namespace}/{name}/transitions',
        { path: entityParams(entityRef), body: request },
      ),
    )) as ImpactAssessmentVersion;
  }

  async importImpactAssessment(
    entityRef: AimsEntityRef,
  ): Promise<ImpactAssessmentVersion> {
    return (await json(
      await this.api.request(
        'post',
        '/impact-assessments/{kind}/{namespace}/{name}/import',
        {
          path: entityParams(entityRef),
          body: {},
        },
      ),
    )) as ImpactAssessmentVersion;
  }

  async getRisks(query: RiskQuery = {}): Promise<RiskListResponse> {
    return json(await this.api.request('get', '/risks', { query }));
  }

  async getRisksCsv(query: RiskQuery = {}): Promise<Blob> {
    const { limit: _limit, offset: _offset, ...rest } = query;
    return blob(
      await this.api.request('get', '/risks', {
        query: { ...rest, format: 'csv' },
        accept: 'text/csv',
      }),
    );
  }

  async getRiskHeatMap(aiSystemRef?: string): Promise<RiskHeatMapResponse> {
    return json(
      await this.api.request('get', '/risks/heatmap', {
        query: { aiSystemRef },
      }),
    );
  }

  async getRiskMatrix(): Promise<RiskMatrix> {
    return json(await this.api.request('get', '/risks/matrix', {}));
  }

  async createRisk(aiSystemRef: string, input: RiskInput): Promise<Risk> {
    return json(
      await this.api.request('post', '/risks', {
        body: { aiSystemRef, ...input },
      }),
    );
  }

  async updateRisk(
    id: string,
    input: RiskInput,
    revision: number,
  ): Promise<Risk> {
    return json(
      await this.api.request('put', '/risks/{id}', {
        path: { id },
        body: { ...input, revision },
      }),
    );
  }

  async signOffRisk(id: string, revision: number): Promise<Risk> {
    return json(
      await this.api.request('post', '/risks/{id}/sign-off', {
        path: { id },
        body: { revision },
      }),
    );
  }

  async getFindings(
    query: FindingQuery = {},
  ): Promise<{ items: StoredFindingView[] }> {
    return json(await this.api.request('get', '/findings', { query }));
  }

  async getFinding(id: string): Promise<FindingWithEvents> {
    return json(
      await this.api.request('get', '/findings/{id}', { path: { id } }),
    );
  }

  async actOnFinding(
    id: string,
    request: FindingActionRequest,
  ): Promise<FindingWithEvents> {
    return json(
      await this.api.request('post', '/findings/{id}/actions', {
        path: { id },
        body: request,
      }),
    );
  }

  async getSources(): Promise<DeploymentSourceListResponse> {
    return json(await this.api.request('get', '/sources', {}));
  }

  async getAuditEvents(query: {
    entityRef?: string;
    limit?: number;
  }): Promise<{ items: AuditEvent[] }> {
    return json(await this.api.request('get', '/audit', { query }));
  }

  async getSoa(): Promise<Soa> {
    return json(await this.api.request('get', '/soa', {}));
  }

  async getSoaExport(format: ControlExportFormat): Promise<Blob> {
    return blob(
      await this.api.request('get', '/soa', {
        query: { format },
        accept: EXPORT_ACCEPT[format],
      }),
    );
  }

  async listSoaVersions(): Promise<{ items: SoaVersionSummary[] }> {
    return json(await this.api.request('get', '/soa/versions', {}));
  }

  async getSoaVersion(version: number): Promise<Soa> {
    return json(
      await this.api.request('get', '/soa/versions/{version}', {
        path: { version },
      }),
    );
  }

  async saveSoaControl(
    controlId: string,
    input: SoaControlInput,
  ): Promise<Soa> {
    return json(
      await this.api.request('put', '/soa/controls/{controlId}', {
        path: { controlId },
        body: input,
      }),
    );
  }

  async saveSoaAdditionalControl(
    id: string,
    input: SoaAdditionalControlInput,
  ): Promise<Soa> {
    return json(
      await this.api.request('put', '/soa/additional-controls/{id}', {
        path: { id },
        body: input,
      }),
    );
  }

  async deleteSoaAdditionalControl(id: string, revision: number): Promise<Soa> {
    return json(
      await this.api.request('delete', '/soa/additional-controls/{id}', {
        path: { id },
        query: { revision },
      }),
    );
  }

  async transitionSoa(request: SoaTransitionRequest): Promise<Soa> {
    return json(
      await this.api.request('post', '/soa/transitions', { body: request }),
    );
  }

  async listEvidence(
    query: EvidenceQuery = {},
  ): Promise<{ items: Evidence[] }> {
    return json(await this.api.request('get', '/soa/evidence', { query }));
  }

  async createEvidence(input: EvidenceInput): Promise<Evidence> {
    return json(
      await this.api.request('post', '/soa/evidence', {
        body: input as EvidenceInput & { controlId: string },
      }),
    );
  }

  async updateEvidence(id: string, input: EvidenceInput): Promise<Evidence> {
    return json(
      await this.api.request('put', '/soa/evidence/{id}', {
        path: { id },
        body: input as EvidenceInput & { revision: number },
      }),
    );
  }

  async getSystemControls(entityRef: AimsEntityRef): Promise<SystemControls> {
    return json(
      await this.api.request('get', '/controls/{kind}/{namespace}/{name}', {
        path: entityParams(entityRef),
      }),
    );
  }

  async getSystemControlsExport(
    entityRef: AimsEntityRef,
    format: ControlExportFormat,
  ): Promise<Blob> {
    return blob(
      await this.api.request('get', '/controls/{kind}/{namespace}/{name}', {
        path: entityParams(entityRef),
        query: { format },
        accept: EXPORT_ACCEPT[format],
      }),
    );
  }

  async saveSystemControl(
    entityRef: AimsEntityRef,
    controlId: string,
    input: SystemControlInput,
  ): Promise<SystemControl> {
    return json(
      await this.api.request(
        'put',
        '/controls/{kind}/{namespace}/{name}/{controlId}',
        { path: { ...entityParams(entityRef), controlId }, body: input },
      ),
    );
  }

  async getMonitoring(
    entityRef: AimsEntityRef,
    query: MonitoringQuery = {},
  ): Promise<MonitoringOverview> {
    return json(
      await this.api.request('get', '/monitoring/{kind}/{namespace}/{name}', {
        path: entityParams(entityRef),
        query,
      }),
    );
  }
}

/** The success body of an answer; ResponseError (status, Backstage error body) otherwise. */
async function json<T>(
  res: { ok: boolean; json(): Promise<T> } & Response,
): Promise<T> {
  if (!res.ok) throw await ResponseError.fromResponse(res);
  return await res.json();
}

async function blob(res: Response): Promise<Blob> {
  if (!res.ok) throw await ResponseError.fromResponse(res);
  return await res.blob();
}
