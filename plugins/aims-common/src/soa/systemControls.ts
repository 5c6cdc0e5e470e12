/*
 * The controls of one AI system: those mapped to it, and those its risks name as treatments
 * (shown even before anyone maps them, from the one stored link on the risk), each with the
 * system's own evidence; and for a high-risk system, its EU AI Act obligations with whether a
 * mapped control evidences each.
 */
import { ANNEX_A_CONTROLS } from '../domain/annexA';
import { EuAiActTier } from '../domain/euAiAct';
import {
  coverageBucket,
  risksTreatedBy,
  RiskWithControls,
  soaCoverage,
} from './evaluate';
import { hasCurrentEvidence } from './evidence';
import {
  ControlCoverageSummary,
  EuAiActObligationCoverage,
  Evidence,
  SoaControlRow,
  StoredSystemControl,
  SystemControl,
  SystemControls,
} from './model';
import {
  HIGH_RISK_OBLIGATIONS,
  annexAControlsForArticle,
  euAiActArticlesFor,
  nistSubcategoriesFor,
} from './overlays';

/** Whether a system control counts as implemented with current evidence. */
export function isEvidencedControl(control: SystemControl): boolean {
  return (
    coverageBucket({
      applicable: control.applicable,
      implementationStatus: control.implementationStatus,
      currentEvidence: control.currentEvidence,
    }) === 'implementedWithEvidence'
  );
}

/** A high-risk system's obligations and which of them a mapped control evidences now. */
export function highRiskObligations(
  controls: readonly SystemControl[],
): EuAiActObligationCoverage[] {
  return HIGH_RISK_OBLIGATIONS.map(({ article, name }) => {
    const mapped = annexAControlsForArticle(article);
    const coveredBy = controls
      .filter(c => mapped.includes(c.controlId) && isEvidencedControl(c))
      .map(c => c.controlId);
    return {
      article,
      name,
      controls: mapped,
      covered: coveredBy.length > 0,
      coveredBy,
    };
  });
}

export function evaluateSystemControls(input: {
  aiSystemRef: string;
  tier: EuAiActTier;
  mappings: readonly StoredSystemControl[];
  evidence: readonly Evidence[];
  /** The open risks of this system (others are ignored). */
  risks: readonly RiskWithControls[];
  /** The organisation's SoA in force, evaluated. */
  orgRows: readonly SoaControlRow[];
}): SystemControls {
  const { aiSystemRef } = input;
  const risks = input.risks.filter(r => r.aiSystemRef === aiSystemRef);
  const mappings = new Map(input.mappings.map(m => [m.controlId, m]));
  const orgRows = new Map(input.orgRows.map(r => [r.controlId, r]));
  const controls: SystemControl[] = [];
  for (const control of ANNEX_A_CONTROLS) {
    const mapping = mappings.get(control.id);
    const treats = risksTreatedBy(control.id, risks);
    if (!mapping && !treats.length) continue;
    const org = orgRows.get(control.id);
    const evidence = input.evidence.filter(
      e => e.controlId === control.id && e.aiSystemRef === aiSystemRef,
    );
    controls.push({
      controlId: control.id,
      title: control.title,
      categoryId: control.categoryId,
      categoryTitle: control.categoryTitle,
      mapped: !!mapping,
      applicable: mapping ? mapping.applicable : true,
      how: mapping?.how ?? '',
      // named by a risk but not mapped: nobody has said how it works for this system yet, so
      // it is not started here whatever the organisation's row says (shown beside it)
      implementationStatus: mapping?.implementationStatus ?? 'not-started',
      owner: mapping ? mapping.owner : org?.owner ?? null,
      revision: mapping?.revision ?? 0,
      evidence,
      currentEvidence: hasCurrentEvidence(evidence),
      risks: treats,
      organisation: {
        applicable: org?.applicable ?? null,
        implementationStatus: org?.implementationStatus ?? 'not-started',
      },
      euAiActArticles: euAiActArticlesFor(control.id),
      nistAiRmf: nistSubcategoriesFor(control.id),
    });
  }
  return {
    aiSystemRef,
    euAiActTier: input.tier,
    controls,
    coverage: soaCoverage(controls),
    obligations:
      input.tier === 'high-risk' ? highRiskObligations(controls) : [],
  };
}

/** A system's control coverage for the inventory and the service page. */
export function controlCoverageSummary(
  controls: readonly SystemControl[],
): ControlCoverageSummary {
  return {
    applicable: controls.filter(c => c.applicable).length,
    implementedWithEvidence: controls.filter(isEvidencedControl).length,
  };
}
