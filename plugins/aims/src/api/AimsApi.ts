import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AimsApiOperations,
  AimsApiSchemas,
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

/** An entity reference as a string (`aisystem:default/x`) or a compound ref. @public */
export type AimsEntityRef = CompoundEntityRef | string;

/** Filters, paging and ordering of `GET /risks` (the spec's query parameters). @public */
export type RiskQuery = Omit<
  NonNullable<AimsApiOperations['ListRisks']['parameters']['query']>,
  'format'
>;

/**
 * Filters of `GET /findings` (the spec's query parameters): `entityRef` also matches, for an
 * AI system, the drift findings naming it. @public
 */
export type FindingQuery = NonNullable<
  AimsApiOperations['ListFindings']['parameters']['query']
>;

/** `POST /soa/transitions` body: submit, approve or return (with a reason) the newest SoA version. @public */
export type SoaTransitionRequest =
  AimsApiOperations['TransitionSoa']['requestBody']['content']['application/json'];

/** Filters of `GET /soa/evidence` (the spec's query parameters). @public */
export type EvidenceQuery = NonNullable<
  AimsApiOperations['ListEvidence']['parameters']['query']
>;

/**
 * Range and selection of `GET /monitoring/:kind/:namespace/:name` (the spec's query
 * parameters): the last 7, 30 or 90 days, optionally one metric, slice or environment. @public
 */
export type MonitoringQuery = NonNullable<
  AimsApiOperations['GetMonitoring']['parameters']['query']
>;

/** An AI system's monitored metrics over a range (`GET /monitoring/…`). @public */
export type MonitoringOverview = AimsApiSchemas['MonitoringOverview'];

/** The export formats of the SoA and of an AI system's controls besides JSON. @public */
export type ControlExportFormat = 'csv' | 'oscal';

/**
 * Client for the AIMS backend (`/api/aims`).
 *
 * @public
 */
export interface AimsApi {
  /** `GET /inventory` with filters and paging. */
  getInventory(query?: InventoryQuery): Promise<InventoryResponse>;
  /**
   * `GET /inventory/counts`: systems by impact-assessment status (tier filter applied) and by
   * tier (status filter applied); paging is ignored.
   */
  getInventoryCounts(query?: InventoryQuery): Promise<InventoryCounts>;
  /** `GET /inventory?format=csv` with the same filters; paging is ignored. */
  getInventoryCsv(query?: InventoryQuery): Promise<Blob>;
  /**
   * `GET /status/:kind/:namespace/:name`: an AISystem's own status, or for any other entity
   * (a Component) the roll-up over the AI systems it uses.
   */
  getStatus(entityRef: AimsEntityRef): Promise<AimsStatus>;

  /** `GET /impact-assessments/:kind/:namespace/:name` */
  getImpactAssessment(
    entityRef: AimsEntityRef,
  ): Promise<ImpactAssessmentOverview>;
  /** `GET /impact-assessments/:kind/:namespace/:name/versions/:version` */
  getImpactAssessmentVersion(
    entityRef: AimsEntityRef,
    version: number,
  ): Promise<ImpactAssessmentVersion>;
  /** `PUT /impact-assessments/:kind/:namespace/:name/draft`; a stale revision gets a 409 ResponseError. */
  saveImpactAssessmentDraft(
    entityRef: AimsEntityRef,
    request: SaveImpactAssessmentDraftRequest,
  ): Promise<ImpactAssessmentVersion>;
  /** `POST /impact-assessments/:kind/:namespace/:name/transitions` (submit, approve, return). */
  transitionImpactAssessment(
    entityRef: AimsEntityRef,
    request: ImpactAssessmentTransitionRequest,
  ): Promise<ImpactAssessmentVersion>;
  /** `POST /impact-assessments/:kind/:namespace/:name/import` (from the `aims.dev/impact-assessment` annotation). */
  importImpactAssessment(
    entityRef: AimsEntityRef,
  ): Promise<ImpactAssessmentVersion>;

  /** `GET /risks` */
  getRisks(query?: RiskQuery): Promise<RiskListResponse>;
  /** `GET /risks?format=csv` with the same filters and ordering; paging is ignored. */
  getRisksCsv(query?: RiskQuery): Promise<Blob>;
  /** `GET /risks/heatmap` for one AI system or (without a ref) the organisation. */
  getRiskHeatMap(aiSystemRef?: string): Promise<RiskHeatMapResponse>;
  /** `GET /risks/matrix`: the organisation's risk matrix. */
  getRiskMatrix(): Promise<RiskMatrix>;
  /** `POST /risks` */
  createRisk(aiSystemRef: string, input: RiskInput): Promise<Risk>;
  /** `PUT /risks/:id`; a stale revision gets a 409 ResponseError. */
  updateRisk(id: string, input: RiskInput, revision: number): Promise<Risk>;
  /** `POST /risks/:id/sign-off` by the risk owner. */
  signOffRisk(id: string, revision: number): Promise<Risk>;

  /** `GET /findings` */
  getFindings(query?: FindingQuery): Promise<{ items: Finding[] }>;
  /** `GET /findings/:id`: the finding with its event history (oldest first). */
  getFinding(id: string): Promise<FindingWithEvents>;
  /**
   * `POST /findings/:id/actions` (acknowledge, snooze, accept-risk, resolve); non-owners get
   * a 403 ResponseError, a missing reason or date a 400.
   */
  actOnFinding(
    id: string,
    request: FindingActionRequest,
  ): Promise<FindingWithEvents>;
  /** `GET /sources`: the deployment sources and their health. */
  getSources(): Promise<DeploymentSourceListResponse>;
  /** `GET /audit` for an entity, newest first. */
  getAuditEvents(query: {
    entityRef?: string;
    limit?: number;
  }): Promise<{ items: AuditEvent[] }>;

  /** `GET /soa`: the organisation's Statement of Applicability in force, evaluated now. */
  getSoa(): Promise<Soa>;
  /** `GET /soa?format=csv|oscal`: the SoA in force as CSV or as an OSCAL system security plan. */
  getSoaExport(format: ControlExportFormat): Promise<Blob>;
  /** `GET /soa/versions`: every version, newest first. */
  listSoaVersions(): Promise<{ items: SoaVersionSummary[] }>;
  /** `GET /soa/versions/:version` */
  getSoaVersion(version: number): Promise<Soa>;
  /**
   * `PUT /soa/controls/:controlId`; a stale revision (or a version in review) gets a 409
   * ResponseError. Answers the draft, evaluated.
   */
  saveSoaControl(controlId: string, input: SoaControlInput): Promise<Soa>;
  /** `PUT /soa/additional-controls/:id` (add or change one of the organisation's own controls). */
  saveSoaAdditionalControl(
    id: string,
    input: SoaAdditionalControlInput,
  ): Promise<Soa>;
  /** `DELETE /soa/additional-controls/:id?revision=` */
  deleteSoaAdditionalControl(id: string, revision: number): Promise<Soa>;
  /** `POST /soa/transitions` (submit, approve, return). */
  transitionSoa(request: SoaTransitionRequest): Promise<Soa>;
  /** `GET /soa/evidence`, soonest expiry first. */
  listEvidence(query?: EvidenceQuery): Promise<{ items: Evidence[] }>;
  /** `POST /soa/evidence` */
  createEvidence(input: EvidenceInput): Promise<Evidence>;
  /** `PUT /soa/evidence/:id`; a stale revision gets a 409 ResponseError. */
  updateEvidence(id: string, input: EvidenceInput): Promise<Evidence>;
  /** `GET /controls/:kind/:namespace/:name`: the controls of one AI system. */
  getSystemControls(entityRef: AimsEntityRef): Promise<SystemControls>;
  /** `GET /controls/:kind/:namespace/:name?format=csv|oscal` */
  getSystemControlsExport(
    entityRef: AimsEntityRef,
    format: ControlExportFormat,
  ): Promise<Blob>;
  /** `PUT /controls/:kind/:namespace/:name/:controlId`; a stale revision gets a 409 ResponseError. */
  saveSystemControl(
    entityRef: AimsEntityRef,
    controlId: string,
    input: SystemControlInput,
  ): Promise<SystemControl>;

  /**
   * `GET /monitoring/:kind/:namespace/:name`: every declared or reported metric of an AI
   * system with its series per slice and environment over the range (days without data are
   * absent, never zeros).
   */
  getMonitoring(
    entityRef: AimsEntityRef,
    query?: MonitoringQuery,
  ): Promise<MonitoringOverview>;
}

/** @public */
export const aimsApiRef = createApiRef<AimsApi>().with({
  id: 'plugin.aims.service',
  pluginId: 'aims',
});
