/*
 * The SoA's findings (contract vocabulary): `soa-applicable-not-implemented` — an applicable
 * control not implemented, or implemented with no current evidence — and `soa-incomplete` — no
 * approved SoA, an exclusion without justification, or past its review-by date. The evidence of
 * each finding says which.
 */
import { EuAiActTier } from '../domain/euAiAct';
import { FindingDraft } from '../findings/complianceRules';
import { FindingSeverity } from '../findings/vocabulary';
import { owesImpactAssessment } from '../impactAssessment/obligation';
import { ORGANISATION_SOA_REF, SoaControlRow, SystemControl } from './model';

function gap(row: {
  implementationStatus: SoaControlRow['implementationStatus'];
  currentEvidence: boolean;
  evidence: readonly {
    status: string;
    current: boolean;
    standing: string;
    title: string;
  }[];
}):
  | {
      problem: 'not-implemented' | 'no-current-evidence';
      detail: Record<string, unknown>;
    }
  | undefined {
  if (row.implementationStatus !== 'implemented')
    return {
      problem: 'not-implemented',
      detail: { implementationStatus: row.implementationStatus },
    };
  if (row.currentEvidence) return undefined;
  return {
    problem: 'no-current-evidence',
    detail: {
      implementationStatus: row.implementationStatus,
      evidence: row.evidence.length
        ? row.evidence.map(e => ({ title: e.title, standing: e.standing }))
        : 'none',
    },
  };
}

/** Findings of the organisation's SoA in force (`rows` evaluated now). */
export function soaFindingsForOrganisation(input: {
  approvedVersionExists: boolean;
  rows: readonly SoaControlRow[];
}): FindingDraft[] {
  const ref = ORGANISATION_SOA_REF;
  const findings: FindingDraft[] = [];
  if (!input.approvedVersionExists)
    findings.push({
      key: `soa-incomplete:${ref}:no-approved-version`,
      type: 'soa-incomplete',
      entityRef: ref,
      severity: 'high',
      evidence: {
        problem: 'no-approved-version',
        clause: '6.1.3 d',
      },
    });
  for (const row of input.rows) {
    if (row.applicable === false) {
      if (
        row.exclusionStanding === 'unjustified' ||
        row.exclusionStanding === 'review-overdue'
      )
        findings.push({
          key: `soa-incomplete:${ref}:${row.controlId}`,
          type: 'soa-incomplete',
          entityRef: ref,
          severity: row.exclusionStanding === 'unjustified' ? 'high' : 'medium',
          evidence: {
            problem:
              row.exclusionStanding === 'unjustified'
                ? 'exclusion-without-justification'
                : 'exclusion-review-overdue',
            controlId: row.controlId,
            title: row.title,
            reviewBy: row.reviewBy,
          },
        });
      continue;
    }
    if (row.applicable !== true) continue;
    const missing = gap(row);
    if (!missing) continue;
    findings.push({
      key: `soa-applicable-not-implemented:${ref}:${row.controlId}`,
      type: 'soa-applicable-not-implemented',
      entityRef: ref,
      severity:
        missing.problem === 'not-implemented' &&
        row.implementationStatus === 'not-started'
          ? 'high'
          : 'medium',
      evidence: {
        problem: missing.problem,
        controlId: row.controlId,
        title: row.title,
        ...missing.detail,
      },
    });
  }
  return findings;
}

/** Production and high-risk systems (heavy) weigh more than others (light). */
const SYSTEM_GAP_SEVERITY: Record<
  'untouched' | 'under-way',
  Record<'heavy' | 'light', FindingSeverity>
> = {
  untouched: { heavy: 'high', light: 'medium' },
  'under-way': { heavy: 'medium', light: 'low' },
};

/** Findings of one AI system's mapped, applicable controls. A retired system owes none. */
export function soaFindingsForAISystem(input: {
  aiSystemRef: string;
  lifecycle: string;
  tier: EuAiActTier;
  controls: readonly SystemControl[];
}): FindingDraft[] {
  const { aiSystemRef, lifecycle, tier } = input;
  if (!owesImpactAssessment(lifecycle)) return [];
  const heavy =
    lifecycle === 'production' || tier === 'high-risk' || tier === 'prohibited';
  const findings: FindingDraft[] = [];
  for (const control of input.controls) {
    if (!control.mapped || !control.applicable) continue;
    const missing = gap(control);
    if (!missing) continue;
    // nothing done yet weighs more than work under way or evidence gone stale
    const untouched =
      missing.problem === 'not-implemented' &&
      control.implementationStatus !== 'in-progress';
    const severity =
      SYSTEM_GAP_SEVERITY[untouched ? 'untouched' : 'under-way'][
        heavy ? 'heavy' : 'light'
      ];
    findings.push({
      key: `soa-applicable-not-implemented:${aiSystemRef}:${control.controlId}`,
      type: 'soa-applicable-not-implemented',
      entityRef: aiSystemRef,
      aiSystemRef,
      severity,
      evidence: {
        problem: missing.problem,
        controlId: control.controlId,
        title: control.title,
        lifecycle,
        tier,
        ...missing.detail,
      },
    });
  }
  return findings;
}
