import {
  AISystemStatus,
  AimsHealth,
  ImpactAssessmentStatus,
  AIMS_HEALTH,
} from './types';
import { EuAiActTier } from '../domain/euAiAct';
import {
  FindingCounts,
  NO_FINDINGS,
  addFindingCounts,
} from '../findings/vocabulary';
import { owesImpactAssessment } from '../impactAssessment/obligation';

/**
 * Health of one AI system. Why these rules: a missing or overdue impact assessment on a system
 * that is live (or high-risk/prohibited) is what fails an ISO 42001 audit, so it is `at-risk`;
 * an assessment still being written, or any open finding, needs `attention`.
 */
export function aiSystemHealth(input: {
  lifecycle: string;
  euAiActTier: EuAiActTier;
  impactAssessmentStatus: ImpactAssessmentStatus;
  findings: FindingCounts;
}): AimsHealth {
  const { lifecycle, euAiActTier, impactAssessmentStatus, findings } = input;
  // a retired system owes no assessment: only findings still open on it need attention
  if (!owesImpactAssessment(lifecycle))
    return findings.open > 0 ? 'attention' : 'ok';
  const weighty =
    lifecycle === 'production' ||
    euAiActTier === 'high-risk' ||
    euAiActTier === 'prohibited';
  if (findings.critical > 0 || euAiActTier === 'prohibited') return 'at-risk';
  if (
    weighty &&
    (impactAssessmentStatus === 'missing' ||
      impactAssessmentStatus === 'review-overdue')
  ) {
    return 'at-risk';
  }
  if (impactAssessmentStatus !== 'approved' || findings.open > 0)
    return 'attention';
  return 'ok';
}

/** The worst of several healths; `not-applicable` when there is nothing to roll up. */
export function worstHealth(healths: AimsHealth[]): AimsHealth {
  for (const h of AIMS_HEALTH) if (healths.includes(h)) return h;
  return 'not-applicable';
}

/** Roll-up for a Component over the AI systems it uses. */
export function rollUpComponent(aiSystems: AISystemStatus[]): {
  findings: FindingCounts;
  health: AimsHealth;
} {
  return {
    findings: aiSystems
      .map(s => s.findings)
      .reduce(addFindingCounts, NO_FINDINGS),
    health: worstHealth(aiSystems.map(s => s.health)),
  };
}
