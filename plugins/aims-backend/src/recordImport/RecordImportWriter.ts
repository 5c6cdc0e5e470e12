import { InputError } from '@backstage/errors';
import {
  DeploymentReport,
  ImpactAssessmentContent,
  ImpactAssessmentVersion,
  RiskInput,
  MonitoringReport,
  RiskMatrix,
  monitoringEntityRef,
  normalizeDeploymentReport,
  validateMonitoringReport,
} from '@aims-backstage/backstage-plugin-aims-common';
import {
  AimsRecordActor,
  AimsRecordWriter,
  ImportedImpactAssessmentVersion,
} from '@aims-backstage/backstage-plugin-aims-node';
import { ImpactAssessmentService } from '../assessments/ImpactAssessmentService';
import { RiskService } from '../risks/RiskService';
import { DeploymentIngest } from '../drift/DeploymentIngest';
import { DeploymentReportStore } from '../drift/DeploymentReportStore';
import { SoaService } from '../soa/SoaService';
import { EvidenceService } from '../evidence/EvidenceService';
import { SystemControlsService } from '../controls/SystemControlsService';
import { AISystems } from '../lib/AISystems';
import { toFullRef } from '../lib/ownership';

/** The ingestion's `receivedBy` for the deployment reports an importer brings. */
export const importerActor = (importerId: string) => `importer:${importerId}`;

/** A User entity ref in full, lower case; anything else is refused (400 naming the field). */
function userRef(value: unknown): string {
  let ref: string | undefined;
  try {
    ref = typeof value === 'string' ? toFullRef(value, 'user') : undefined;
  } catch {
    ref = undefined;
  }
  if (!ref?.startsWith('user:')) {
    throw new InputError(
      `userEntityRef must be a User entity ref, got ${JSON.stringify(value)}`,
    );
  }
  return ref;
}

/**
 * An AISystem entity ref in full, lower case. The HTTP API finds the AI system in the catalog;
 * importers run before the catalog has ingested anything, so at least the kind is checked.
 */
function toAISystemRef(value: unknown): string {
  const ref = AISystems.parseRef(value, 'aiSystemRef');
  if (!ref.startsWith('aisystem:')) {
    throw new InputError(
      `aiSystemRef must be an AISystem entity ref, got "${String(value)}"`,
    );
  }
  return ref;
}

const imported = (
  v: ImpactAssessmentVersion,
): ImportedImpactAssessmentVersion => ({
  aiSystemRef: v.aiSystemRef,
  version: v.version,
  status: v.status,
  revision: v.revision,
});

/**
 * The {@link AimsRecordWriter} one importer gets: writes through ImpactAssessmentService,
 * RiskService and DeploymentIngest as the named user, with every workflow rule and audit
 * entry (details carry `importedBy: <importer id>`), but without the HTTP permission check.
 * It remembers which AI systems and components it wrote about, so the plugin can reconcile
 * them once the catalog has them.
 */
export class RecordImportWriter implements AimsRecordWriter {
  private readonly refs = new Set<string>();
  private readonly monitoring: MonitoringReport[] = [];
  private lastReceivedAt = 0;
  private writes = 0;
  readonly riskMatrix: RiskMatrix;

  constructor(
    private readonly importerId: string,
    private readonly deps: {
      assessments: ImpactAssessmentService;
      risks: RiskService;
      deployments: DeploymentIngest;
      deploymentReports: DeploymentReportStore;
      soa: SoaService;
      evidence: EvidenceService;
      systemControls: SystemControlsService;
      clock?: () => Date;
    },
  ) {
    this.riskMatrix = deps.risks.matrix;
  }

  /** The AI systems and components written about (entity refs, lower case). */
  writtenRefs(): string[] {
    return [...this.refs];
  }

  /**
   * The monitoring reports the importer sent, in order: ingested once the catalog has their
   * AI systems (results are judged against the declared thresholds).
   */
  pendingMonitoringReports(): readonly MonitoringReport[] {
    return this.monitoring;
  }

  /** How many records were written. */
  writeCount(): number {
    return this.writes;
  }

  private now() {
    return this.deps.clock ? this.deps.clock() : new Date();
  }

  private wrote(...refs: string[]) {
    this.writes++;
    for (const r of refs) this.refs.add(r.toLocaleLowerCase('en-US'));
  }

  as(userEntityRef: string, options: { at?: Date } = {}): AimsRecordActor {
    const actor = userRef(userEntityRef);
    const valid = (d: unknown) =>
      d instanceof Date && !Number.isNaN(d.getTime());
    if (options.at !== undefined && !valid(options.at)) {
      throw new InputError('at must be a valid date');
    }
    const at = () => options.at ?? this.now();
    const { assessments, risks, soa, evidence } = this.deps;
    const by = this.importerId;
    return {
      userEntityRef: actor,
      saveImpactAssessmentDraft: async (
        aiSystemRef: string,
        content: ImpactAssessmentContent,
      ) => {
        const ref = toAISystemRef(aiSystemRef);
        const v = await assessments.saveDraftAs(ref, content, actor, at(), by);
        this.wrote(ref);
        return imported(v);
      },
      submitImpactAssessment: async (aiSystemRef: string) =>
        this.transition(aiSystemRef, 'submit', actor, at()),
      approveImpactAssessment: async (aiSystemRef: string) =>
        this.transition(aiSystemRef, 'approve', actor, at()),
      returnImpactAssessment: async (aiSystemRef: string, reason: string) =>
        this.transition(aiSystemRef, 'return', actor, at(), reason),
      createRisk: async (aiSystemRef: string, risk: RiskInput) => {
        const ref = toAISystemRef(aiSystemRef);
        const created = await risks.createAs(ref, risk, actor, at(), by);
        this.wrote(ref);
        return created;
      },
      signOffRisk: async (riskId: string) => {
        await risks.signOffAs(riskId, actor, at(), by);
        this.writes++;
      },
      saveSoaControl: async (controlId, row) => {
        const revision = await soa.latestRevision();
        await soa.saveControlAs(controlId, { ...row, revision }, actor, {
          at: at(),
          importedBy: by,
        });
        this.writes++;
      },
      saveSoaAdditionalControl: async (id, control) => {
        const revision = await soa.latestRevision();
        await soa.saveAdditionalControlAs(id, { ...control, revision }, actor, {
          at: at(),
          importedBy: by,
        });
        this.writes++;
      },
      submitSoa: async () => this.transitionSoa('submit', actor, at()),
      approveSoa: async () => this.transitionSoa('approve', actor, at()),
      addEvidence: async item => {
        const created = await evidence.createAs(item, actor, {
          at: at(),
          importedBy: by,
        });
        if (item.aiSystemRef) this.wrote(toAISystemRef(item.aiSystemRef));
        else this.writes++;
        return created;
      },
      saveSystemControl: async (aiSystemRef, controlId, mapping) => {
        const ref = toAISystemRef(aiSystemRef);
        const { systemControls } = this.deps;
        const current = await systemControls.mappingRevision(ref, controlId);
        await systemControls.saveAs(
          ref,
          controlId,
          { ...mapping, revision: current },
          actor,
          { at: at(), importedBy: by },
        );
        this.wrote(ref);
      },
    };
  }

  private async transitionSoa(
    action: 'submit' | 'approve',
    actor: string,
    at: Date,
  ) {
    const revision = await this.deps.soa.latestRevision();
    await this.deps.soa.transitionAs({ action, revision }, actor, {
      at,
      importedBy: this.importerId,
    });
    this.writes++;
  }

  async hasSoa(): Promise<boolean> {
    return (await this.deps.soa.latestRevision()) > 0;
  }

  private async transition(
    aiSystemRef: string,
    action: 'submit' | 'approve' | 'return',
    actor: string,
    at: Date,
    reason?: string,
  ) {
    const ref = toAISystemRef(aiSystemRef);
    const v = await this.deps.assessments.transitionAs(
      ref,
      action,
      actor,
      at,
      this.importerId,
      reason,
    );
    this.wrote(ref);
    return imported(v);
  }

  async hasImpactAssessment(aiSystemRef: string): Promise<boolean> {
    return this.deps.assessments.hasVersions(toAISystemRef(aiSystemRef));
  }

  async hasRisks(aiSystemRef: string): Promise<boolean> {
    return this.deps.risks.hasRisks(toAISystemRef(aiSystemRef));
  }

  async hasDeploymentReport(id: string): Promise<boolean> {
    return !!(await this.deps.deploymentReports.get(id));
  }

  async reportDeployment(
    report: DeploymentReport,
  ): Promise<{ duplicate: boolean }> {
    // one receive time per report, increasing: a later report of a component/environment
    // replaces the observations of an earlier one, as when they arrive over HTTP
    const at = Math.max(this.now().getTime(), this.lastReceivedAt + 1);
    this.lastReceivedAt = at;
    const result = await this.deps.deployments.ingestAs(
      importerActor(this.importerId),
      report,
      { requireComponent: false, reconcile: 'none', at: new Date(at) },
    );
    if (!result.body.duplicate) {
      const normalized = normalizeDeploymentReport(report);
      this.wrote(normalized.component, ...normalized.aiSystems.map(s => s.ref));
    }
    return { duplicate: result.body.duplicate };
  }

  async reportMonitoring(
    report: MonitoringReport,
  ): Promise<{ queued: number }> {
    const problems = validateMonitoringReport(report, { now: this.now() });
    if (problems.length) {
      throw new InputError(
        `Invalid monitoring report: ${problems.map(p => p.message).join('; ')}`,
      );
    }
    // valid, so an AISystem ref
    const ref = monitoringEntityRef(report.entityRef)!;
    // a copy: the importer may reuse its objects after the call
    this.monitoring.push(structuredClone(report));
    this.wrote(ref);
    return { queued: report.results.length };
  }
}
