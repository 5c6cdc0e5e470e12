import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AISystemEntityV1alpha1,
  FindingDraft,
  FindingType,
  ORGANISATION_SOA_REF,
  RiskMatrix,
  complianceFindingsForAISystem,
  getEuAiActTier,
  soaFindingsForAISystem,
  soaFindingsForOrganisation,
} from '@aims-backstage/backstage-plugin-aims-common';
import { FindingStore } from './FindingStore';
import { ImpactAssessmentStore } from '../assessments/ImpactAssessmentStore';
import { RiskStore } from '../risks/RiskStore';
import { normalizeRef } from '../lib/db';
import { entityRefOf } from '../inventory/inventoryItem';
import { AISystems } from '../lib/AISystems';
import { ControlData } from '../soa/ControlData';

/** The finding types this reconcile owns (drift and monitoring findings belong elsewhere). */
export const COMPLIANCE_RULE_TYPES: readonly FindingType[] = [
  'missing-impact-assessment',
  'impact-assessment-not-approved',
  'impact-assessment-review-overdue',
  'risk-not-signed-off',
];

/** The SoA findings of an AI system (its mapped, applicable controls). */
export const SYSTEM_SOA_RULE_TYPES: readonly FindingType[] = [
  'soa-applicable-not-implemented',
];

/** The SoA findings of the organisation (on ORGANISATION_SOA_REF). */
export const ORGANISATION_SOA_RULE_TYPES: readonly FindingType[] = [
  'soa-incomplete',
  'soa-applicable-not-implemented',
];

/** Every type one reconcile of an AI system owns. */
const SYSTEM_RULE_TYPES = [...COMPLIANCE_RULE_TYPES, ...SYSTEM_SOA_RULE_TYPES];

/**
 * Recomputes compliance findings from assessments, risks and the Statement of Applicability
 * (the organisation's SoA, the AI systems' control mappings and evidence) and reconciles them.
 */
export class ComplianceFindings {
  constructor(
    private readonly systems: AISystems,
    private readonly assessments: ImpactAssessmentStore,
    private readonly risks: RiskStore,
    private readonly findings: FindingStore,
    private readonly matrix: RiskMatrix,
    private readonly controls: ControlData,
    private readonly logger?: LoggerService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private async drafts(
    systems: AISystemEntityV1alpha1[],
  ): Promise<FindingDraft[]> {
    const refs = systems.map(s => normalizeRef(entityRefOf(s)));
    const summaries = await this.assessments.getSummaries(refs);
    const risks = await this.risks.listOpenFor(refs);
    const controls = await this.controls.systemControls(systems, this.clock());
    return systems.flatMap((system, i) => [
      ...complianceFindingsForAISystem({
        aiSystemRef: refs[i],
        lifecycle: system.spec.lifecycle,
        tier: getEuAiActTier(system),
        impactAssessment: summaries.get(refs[i])!,
        risks: risks.filter(r => r.aiSystemRef === refs[i]),
        matrix: this.matrix,
      }),
      ...soaFindingsForAISystem({
        aiSystemRef: refs[i],
        lifecycle: system.spec.lifecycle,
        tier: getEuAiActTier(system),
        controls: controls.get(refs[i])?.controls ?? [],
      }),
    ]);
  }

  /** The organisation's SoA findings, from the SoA in force evaluated now. */
  private async organisationDrafts(): Promise<FindingDraft[]> {
    const now = this.clock();
    const { inForce, approvedVersionExists } = await this.controls.inForce();
    const { controls } = await this.controls.evaluateOrganisation(
      inForce?.content,
      now,
    );
    return soaFindingsForOrganisation({
      approvedVersionExists,
      rows: controls,
    });
  }

  /** One AI system, right after a write to its assessment, risks, control mappings or evidence. */
  async recompute(system: AISystemEntityV1alpha1): Promise<void> {
    await this.findings.reconcile({
      types: SYSTEM_RULE_TYPES,
      aiSystemRefs: [normalizeRef(entityRefOf(system))],
      drafts: await this.drafts([system]),
    });
  }

  /** The organisation's SoA, right after a write to it or to its evidence. */
  async recomputeOrganisation(): Promise<void> {
    await this.findings.reconcile({
      types: ORGANISATION_SOA_RULE_TYPES,
      aiSystemRefs: [ORGANISATION_SOA_REF],
      drafts: await this.organisationDrafts(),
    });
  }

  /**
   * Every AI system and the organisation's SoA (scheduled): one reconcile over every type
   * these rules own, so findings of systems gone from the catalog resolve, and evidence that
   * expired or whose live source failed since the last write opens its finding.
   */
  async recomputeAll(credentials: BackstageCredentials): Promise<void> {
    const drafts: FindingDraft[] = [];
    for await (const page of this.systems.all(credentials)) {
      drafts.push(...(await this.drafts(page)));
    }
    drafts.push(...(await this.organisationDrafts()));
    const result = await this.findings.reconcile({
      types: [
        ...new Set([...SYSTEM_RULE_TYPES, ...ORGANISATION_SOA_RULE_TYPES]),
      ],
      drafts,
    });
    this.logger?.info(
      `AIMS compliance findings reconciled: ${result.opened} opened, ${result.reopened} reopened, ${result.resolved} resolved`,
    );
  }
}
