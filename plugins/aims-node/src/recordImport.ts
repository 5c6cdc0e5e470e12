import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  DeploymentReport,
  EvidenceInput,
  MonitoringReport,
  SoaAdditionalControlFields,
  SoaControlFields,
  SystemControlFields,
  ImpactAssessmentContent,
  ImpactAssessmentStoredStatus,
  RiskInput,
  RiskMatrix,
} from '@aims-backstage/backstage-plugin-aims-common';

/** An impact-assessment version as an import left it. */
export interface ImportedImpactAssessmentVersion {
  aiSystemRef: string;
  version: number;
  status: ImpactAssessmentStoredStatus;
  revision: number;
}

/**
 * Writes AIMS records as one named user, through the same services as that user's requests:
 * every workflow rule applies (content validation, draft → in-review → approved, an approver
 * other than the author, a return needs a reason, only the risk owner signs off), the audit
 * log names this user as the actor, and compliance findings follow. The one thing skipped is
 * the permission check of the HTTP API: the importer is trusted code the portal operator
 * installed in the backend (see {@link AimsRecordImporter}).
 *
 * Differences to the HTTP API, because importers run at startup before the catalog has
 * ingested anything: AI systems are named by ref and not looked up in the catalog, and a risk
 * owned by a group cannot be signed off here (group membership comes from the catalog) — the
 * sign-off must be by the risk owner in person.
 */
export interface AimsRecordActor {
  /** The user this actor writes as (`user:default/jane.doe`). */
  readonly userEntityRef: string;
  /**
   * Saves a draft of the AI system's impact assessment (a new version when there is none, or
   * when the latest is approved); as `PUT /impact-assessments/…/draft`.
   */
  saveImpactAssessmentDraft(
    aiSystemRef: string,
    content: ImpactAssessmentContent,
  ): Promise<ImportedImpactAssessmentVersion>;
  /** Submits the latest draft for review (it must be complete). */
  submitImpactAssessment(
    aiSystemRef: string,
  ): Promise<ImportedImpactAssessmentVersion>;
  /** Approves the version in review; the author of that version cannot. */
  approveImpactAssessment(
    aiSystemRef: string,
  ): Promise<ImportedImpactAssessmentVersion>;
  /** Returns the version in review to draft, with the reason. */
  returnImpactAssessment(
    aiSystemRef: string,
    reason: string,
  ): Promise<ImportedImpactAssessmentVersion>;
  /** Adds a risk to the AI system's register; as `POST /risks`. */
  createRisk(aiSystemRef: string, risk: RiskInput): Promise<{ id: string }>;
  /** Signs off the risk's current residual level; only its risk owner may. */
  signOffRisk(riskId: string): Promise<void>;
  /**
   * Saves one Annex A control row of the organisation's Statement of Applicability (the whole
   * row), on the draft in progress or a new draft over the approved version; as
   * `PUT /soa/controls/{controlId}` without the revision.
   */
  saveSoaControl(controlId: string, row: SoaControlFields): Promise<void>;
  /** Adds or changes one of the organisation's own controls in the SoA draft. */
  saveSoaAdditionalControl(
    id: string,
    control: SoaAdditionalControlFields,
  ): Promise<void>;
  /** Submits the SoA draft for approval (every control decided, exclusions justified). */
  submitSoa(): Promise<void>;
  /** Approves the SoA in review; no one who wrote or submitted it can (four eyes). */
  approveSoa(): Promise<void>;
  /**
   * Adds an evidence item to a control of the SoA (`aiSystemRef` absent) or of an AI system;
   * as `POST /soa/evidence`. The actor is who collected it.
   */
  addEvidence(
    evidence: EvidenceInput & { controlId: string },
  ): Promise<{ id: string }>;
  /** Maps an Annex A control to an AI system; as `PUT /controls/…/{controlId}` without the revision. */
  saveSystemControl(
    aiSystemRef: string,
    controlId: string,
    mapping: SystemControlFields,
  ): Promise<void>;
}

/** What an importer gets: actors, what is already there, and the deployment ingestion. */
export interface AimsRecordWriter {
  /** The risk matrix risks are rated on (`aims.risk.matrix`), to map ratings from elsewhere. */
  readonly riskMatrix: RiskMatrix;
  /**
   * Writes as `userEntityRef` (a User entity ref). `at` is when the writes happened — an
   * import of earlier history (createdAt, submittedAt, approvedAt, audit times); now unless
   * given.
   */
  as(userEntityRef: string, options?: { at?: Date }): AimsRecordActor;
  /** Whether the AI system has any impact-assessment version (to import once). */
  hasImpactAssessment(aiSystemRef: string): Promise<boolean>;
  /** Whether the AI system has any risk (to import once). */
  hasRisks(aiSystemRef: string): Promise<boolean>;
  /** Whether the organisation has any Statement of Applicability version (to import once). */
  hasSoa(): Promise<boolean>;
  /** Whether a deployment report with this id was received (ids are idempotency keys). */
  hasDeploymentReport(id: string): Promise<boolean>;
  /**
   * A deployment report through the same ingestion as `POST /deployments`, received by
   * `importer:<id>` (reports of one import get increasing receive times, so a later report of
   * a component/environment replaces an earlier one). The component need not be in the
   * catalog yet; drift is reconciled once it is.
   */
  reportDeployment(report: DeploymentReport): Promise<{ duplicate: boolean }>;
  /**
   * Monitoring results of one AI system and environment, as `POST /monitoring/results`,
   * received by `importer:<id>`. Results are judged against the thresholds the AISystem
   * declares in the catalog, so they are validated now (an invalid report throws, naming the
   * field) and ingested once the catalog has the AI system, in the background after startup.
   * Idempotent like the HTTP API: a result already stored, or of a day already rolled up
   * into daily aggregates, is a duplicate — an importer may send the same history on every
   * start. Returns how many results were queued.
   */
  reportMonitoring(report: MonitoringReport): Promise<{ queued: number }>;
}

/**
 * Brings records from elsewhere into AIMS: a migration from another tool, or demo data. The
 * AIMS backend runs every importer once at startup, after its database migrations and before
 * it answers requests, one after another; an importer that throws fails the startup. It runs
 * on every start, so it must be idempotent: skip what is already there (for example an AI
 * system that already has records). Once an importer wrote something, the backend recomputes
 * compliance findings and reconciles drift as soon as the catalog has every AI system and
 * component it wrote about.
 *
 * Importers bypass the HTTP permission checks (not the workflow rules): register only code
 * you trust, the way you trust a database migration.
 */
export interface AimsRecordImporter {
  /** Stable id, e.g. `example-organisation`; names the importer in logs and audit entries. */
  id: string;
  import(writer: AimsRecordWriter): Promise<void>;
}

/** Where backend modules register record importers. */
export interface AimsRecordImportExtensionPoint {
  addImporter(...importers: AimsRecordImporter[]): void;
}

export const aimsRecordImportExtensionPoint =
  createExtensionPoint<AimsRecordImportExtensionPoint>({
    id: 'aims.record-import',
  });
