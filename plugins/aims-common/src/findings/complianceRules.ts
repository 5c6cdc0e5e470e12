import { EuAiActTier } from '../domain/euAiAct';
import { ImpactAssessmentSummary } from '../api/types';
import {
  RiskBand,
  RiskMatrix,
  RiskRating,
  needsSignOff,
  riskBand,
  riskScore,
} from '../risk/model';
import { FindingSeverity, FindingType } from './vocabulary';
import { owesImpactAssessment } from '../impactAssessment/obligation';

/** A finding as a rule produces it, before it is stored (the store adds ids, dates, status). */
export interface FindingDraft {
  /** Stable key: the same cause always yields the same key, so findings are diffed, not rewritten. */
  key: string;
  type: FindingType;
  entityRef: string;
  aiSystemRef?: string;
  environment?: string;
  severity: FindingSeverity;
  evidence: Record<string, unknown>;
}

/** A risk left above the acceptance threshold is as severe as its band (low bands never get here). */
const RISK_BAND_SEVERITY: Record<RiskBand, FindingSeverity> = {
  low: 'medium',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
};

const weighty = (lifecycle: string, tier: EuAiActTier) =>
  lifecycle === 'production' || tier === 'high-risk' || tier === 'prohibited';

/**
 * Compliance findings of one AI system from its impact-assessment summary and its risks.
 * A system that owes no impact assessment (a retired one) owes nothing else either. Severity grows with lifecycle (production) and EU AI Act tier:
 * a missing assessment on a live or high-risk system is critical — an audit fails on it alone.
 */
export function complianceFindingsForAISystem(input: {
  aiSystemRef: string;
  lifecycle: string;
  tier: EuAiActTier;
  impactAssessment: ImpactAssessmentSummary;
  risks: ReadonlyArray<{
    id: string;
    title: string;
    residual: RiskRating;
    signOff?: { residualScore: number } | null;
  }>;
  matrix: RiskMatrix;
}): FindingDraft[] {
  const { aiSystemRef, lifecycle, tier, impactAssessment, risks, matrix } =
    input;
  if (!owesImpactAssessment(lifecycle)) return [];
  const findings: FindingDraft[] = [];
  const base = { entityRef: aiSystemRef, aiSystemRef };
  const heavy = weighty(lifecycle, tier);
  switch (impactAssessment.status) {
    case 'missing':
      findings.push({
        ...base,
        key: `missing-impact-assessment:${aiSystemRef}`,
        type: 'missing-impact-assessment',
        severity: heavy ? 'critical' : 'medium',
        evidence: { lifecycle, tier, clause: '6.1.4 / 8.4', control: 'A.5.2' },
      });
      break;
    case 'draft':
    case 'in-review':
      findings.push({
        ...base,
        key: `impact-assessment-not-approved:${aiSystemRef}`,
        type: 'impact-assessment-not-approved',
        severity: heavy ? 'high' : 'low',
        evidence: { lifecycle, tier, status: impactAssessment.status },
      });
      break;
    case 'review-overdue':
      findings.push({
        ...base,
        key: `impact-assessment-review-overdue:${aiSystemRef}`,
        type: 'impact-assessment-review-overdue',
        severity: heavy ? 'high' : 'medium',
        evidence: {
          lifecycle,
          tier,
          reviewDue: impactAssessment.reviewDue,
          approvedAt: impactAssessment.approvedAt,
        },
      });
      break;
    default:
      break;
  }
  for (const risk of risks) {
    if (!needsSignOff(risk, matrix)) continue;
    const score = riskScore(risk.residual);
    const band = riskBand(score, matrix);
    findings.push({
      ...base,
      key: `risk-not-signed-off:${aiSystemRef}:${risk.id}`,
      type: 'risk-not-signed-off',
      severity: RISK_BAND_SEVERITY[band],
      evidence: {
        riskId: risk.id,
        title: risk.title,
        residualScore: score,
        acceptanceThreshold: matrix.acceptanceThreshold,
      },
    });
  }
  return findings;
}
