import {
  RISK_BANDS,
  Risk,
  RiskBand,
  RiskInput,
  RiskMatrix,
  RiskTreatmentAction,
  isAboveAcceptance,
  needsSignOff,
  riskBand,
  riskScore,
} from '@aims-backstage/backstage-plugin-aims-common';

export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** A risk as stored: the input plus identity, lifecycle, sign-off and bookkeeping. */
export interface RiskRecord extends RiskInput {
  id: string;
  aiSystemRef: string;
  status: RiskStatus;
  signOff: { by: string; at: string; residualScore: number } | null;
  revision: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A risk as the API returns it: derived scores and bands, and whether it needs a sign-off. */
export type RiskView = Risk & { status: RiskStatus };

export function toRiskView(record: RiskRecord, matrix: RiskMatrix): RiskView {
  const inherentScore = riskScore(record.inherent);
  const residualScore = riskScore(record.residual);
  return {
    ...record,
    inherentScore,
    residualScore,
    inherentBand: riskBand(inherentScore, matrix),
    residualBand: riskBand(residualScore, matrix),
    aboveAcceptance: isAboveAcceptance(record.residual, matrix),
    needsSignOff: record.status === 'open' && needsSignOff(record, matrix),
  };
}

/** The scores (1 … max) whose band is `band` on the matrix, for filtering in SQL. */
export function scoresInBand(band: RiskBand, matrix: RiskMatrix): number[] {
  if (!RISK_BANDS.includes(band)) return [];
  const scores: number[] = [];
  for (let s = 1; s <= matrix.likelihoodLevels * matrix.impactLevels; s++) {
    if (riskBand(s, matrix) === band) scores.push(s);
  }
  return scores;
}

/** Due date of the earliest open action (for sorting), or null. */
export function nextOpenActionDue(
  actions: readonly RiskTreatmentAction[],
): string | null {
  const due = actions
    .filter(a => a.status === 'open')
    .map(a => a.dueDate)
    .sort();
  return due[0] ?? null;
}
