import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AISystemEntityV1alpha1,
  FindingDraft,
  FindingType,
  RiskMatrix,
  complianceFindingsForAISystem,
  getEuAiActTier,
} from '@aims-backstage/backstage-plugin-aims-common';
import { FindingStore } from './FindingStore';
import { ImpactAssessmentStore } from '../assessments/ImpactAssessmentStore';
import { RiskStore } from '../risks/RiskStore';
import { normalizeRef } from '../lib/db';
import { entityRefOf } from '../inventory/inventoryItem';
import { AISystems } from '../lib/AISystems';

/** The finding types this reconcile owns (drift and monitoring findings belong elsewhere). */
export const COMPLIANCE_RULE_TYPES: readonly FindingType[] = [
  'missing-impact-assessment',
  'impact-assessment-not-approved',
  'impact-assessment-review-overdue',
  'risk-not-signed-off',
];

/** Recomputes compliance findings from assessments and risks and reconciles them. */
export class ComplianceFindings {
  constructor(
    private readonly systems: AISystems,
    private readonly assessments: ImpactAssessmentStore,
    private readonly risks: RiskStore,
    private readonly findings: FindingStore,
    private readonly matrix: RiskMatrix,
    private readonly logger?: LoggerService,
  ) {}

  private async drafts(
    systems: AISystemEntityV1alpha1[],
  ): Promise<FindingDraft[]> {
    const refs = systems.map(s => normalizeRef(entityRefOf(s)));
    const summaries = await this.assessments.getSummaries(refs);
    const risks = await this.risks.listOpenFor(refs);
    return systems.flatMap((system, i) =>
      complianceFindingsForAISystem({
        aiSystemRef: refs[i],
        lifecycle: system.spec.lifecycle,
        tier: getEuAiActTier(system),
        impactAssessment: summaries.get(refs[i])!,
        risks: risks.filter(r => r.aiSystemRef === refs[i]),
        matrix: this.matrix,
      }),
    );
  }

  /** One AI system, right after a write to its assessment or risks. */
  async recompute(system: AISystemEntityV1alpha1): Promise<void> {
    await this.findings.reconcile({
      types: COMPLIANCE_RULE_TYPES,
      aiSystemRefs: [normalizeRef(entityRefOf(system))],
      drafts: await this.drafts([system]),
    });
  }

  /** Every AI system (scheduled); findings of systems gone from the catalog resolve. */
  async recomputeAll(credentials: BackstageCredentials): Promise<void> {
    const drafts: FindingDraft[] = [];
    for await (const page of this.systems.all(credentials)) {
      drafts.push(...(await this.drafts(page)));
    }
    const result = await this.findings.reconcile({
      types: COMPLIANCE_RULE_TYPES,
      drafts,
    });
    this.logger?.info(
      `AIMS compliance findings reconciled: ${result.opened} opened, ${result.reopened} reopened, ${result.resolved} resolved`,
    );
  }
}
