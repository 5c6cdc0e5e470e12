import { csvRow } from '@aims-backstage/backstage-plugin-aims-common';
import { RiskView, nextOpenActionDue } from './riskView';

export const RISK_CSV_COLUMNS = [
  'id',
  'aiSystemRef',
  'title',
  'status',
  'riskOwner',
  'inherentLikelihood',
  'inherentImpact',
  'inherentScore',
  'inherentBand',
  'residualLikelihood',
  'residualImpact',
  'residualScore',
  'residualBand',
  'treatment',
  'controls',
  'nextActionDue',
  'aboveAcceptance',
  'needsSignOff',
  'signedOffBy',
  'signedOffAt',
  'updatedAt',
] as const;

/** The risk register as CSV: a header row, then one row per risk (controls joined by `;`). */
export function risksToCsv(items: readonly RiskView[]): string {
  const lines = [csvRow([...RISK_CSV_COLUMNS])];
  for (const r of items) {
    lines.push(
      csvRow([
        r.id,
        r.aiSystemRef,
        r.title,
        r.status,
        r.riskOwner,
        r.inherent.likelihood,
        r.inherent.impact,
        r.inherentScore,
        r.inherentBand,
        r.residual.likelihood,
        r.residual.impact,
        r.residualScore,
        r.residualBand,
        r.treatment,
        r.controls.join(';'),
        nextOpenActionDue(r.actions),
        String(r.aboveAcceptance),
        String(r.needsSignOff),
        r.signOff?.by,
        r.signOff?.at,
        r.updatedAt,
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
