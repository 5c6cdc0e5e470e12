/*
 * An SoA version as people read it: each stored row with what the data adds (evidence and
 * whether it counts, the risks it treats, the reasons for including it, the overlays) and the
 * coverage roll-ups. Pure: the backend gives it the rows, evidence and risks it loaded.
 */
import { ANNEX_A_CONTROLS, getAnnexAControl } from '../domain/annexA';
import { hasCurrentEvidence } from './evidence';
import {
  ControlRiskLink,
  Evidence,
  InclusionReason,
  SoaCategoryCoverage,
  SoaContent,
  SoaControlRow,
  SoaCoverage,
  StoredSoaControl,
  normalizeSoaControls,
} from './model';
import { euAiActArticlesFor, nistSubcategoriesFor } from './overlays';

/** How many of the risks a control treats an SoA row lists (all are counted). */
export const MAX_ROW_RISK_LINKS = 10;

/** An open risk of the register with the Annex A controls it names as treatments. */
export interface RiskWithControls extends ControlRiskLink {
  controls: readonly string[];
}

/** Whether an exclusion holds: justified with a review-by date that has not passed. */
export function exclusionStanding(
  row: Pick<StoredSoaControl, 'applicable' | 'justification' | 'reviewBy'>,
  now: Date,
): SoaControlRow['exclusionStanding'] {
  if (row.applicable !== false) return 'not-excluded';
  if (!row.justification.trim() || !row.reviewBy) return 'unjustified';
  return row.reviewBy < now.toISOString().slice(0, 10)
    ? 'review-overdue'
    : 'justified';
}

/** The risks that name a control, as links (the one stored link, read from the risk side). */
export function risksTreatedBy(
  controlId: string,
  risks: readonly RiskWithControls[],
): ControlRiskLink[] {
  return risks
    .filter(r => r.controls.includes(controlId))
    .map(r => ({
      riskId: r.riskId,
      title: r.title,
      aiSystemRef: r.aiSystemRef,
    }));
}

/** The reasons for including a control that the data gives, beside the free-text justification. */
export function inclusionReasonsFor(
  row: Pick<StoredSoaControl, 'controlId' | 'contractual' | 'goodPractice'>,
  risks: readonly ControlRiskLink[],
): InclusionReason[] {
  const reasons: InclusionReason[] = [];
  if (risks.length) {
    const named = risks
      .slice(0, 3)
      .map(r => `"${r.title}"`)
      .join(', ');
    reasons.push({
      reason: 'risk-treatment',
      detail: `treats ${risks.length} risk${
        risks.length === 1 ? '' : 's'
      } in the register: ${named}${risks.length > 3 ? ', …' : ''}`,
    });
  }
  const articles = euAiActArticlesFor(row.controlId);
  if (articles.length)
    reasons.push({
      reason: 'eu-ai-act-obligation',
      detail: `supports EU AI Act ${articles.join(', ')} (indicative mapping)`,
    });
  if (row.contractual)
    reasons.push({ reason: 'contractual', detail: 'marked contractual' });
  if (row.goodPractice)
    reasons.push({ reason: 'good-practice', detail: 'marked good practice' });
  return reasons;
}

/** How many reasons the data gives for including a control (for the submit check). */
export function derivedInclusionReasonCount(
  controlId: string,
  risks: readonly RiskWithControls[],
): number {
  return (
    (risks.some(r => r.controls.includes(controlId)) ? 1 : 0) +
    (euAiActArticlesFor(controlId).length ? 1 : 0)
  );
}

export function emptyCoverage(): SoaCoverage {
  return {
    total: 0,
    implementedWithEvidence: 0,
    implementedWithoutEvidence: 0,
    inProgress: 0,
    notStarted: 0,
    excluded: 0,
    undecided: 0,
  };
}

/** Which bucket of the coverage bar a control falls in. */
export function coverageBucket(row: {
  applicable: boolean | null;
  implementationStatus: StoredSoaControl['implementationStatus'];
  currentEvidence: boolean;
}): Exclude<keyof SoaCoverage, 'total'> {
  if (row.applicable === null) return 'undecided';
  if (row.applicable === false) return 'excluded';
  switch (row.implementationStatus) {
    case 'implemented':
      return row.currentEvidence
        ? 'implementedWithEvidence'
        : 'implementedWithoutEvidence';
    case 'in-progress':
      return 'inProgress';
    case 'not-applicable':
      // applicable but marked not applicable: contradictory, so it counts as not started
      return 'notStarted';
    default:
      return 'notStarted';
  }
}

/** The coverage roll-up of some rows. */
export function soaCoverage(
  rows: readonly {
    applicable: boolean | null;
    implementationStatus: StoredSoaControl['implementationStatus'];
    currentEvidence: boolean;
  }[],
): SoaCoverage {
  const coverage = emptyCoverage();
  for (const row of rows) {
    coverage.total += 1;
    coverage[coverageBucket(row)] += 1;
  }
  return coverage;
}

/** One SoA control row as served (see the Soa schema). */
export function evaluateSoaRow(
  stored: StoredSoaControl,
  context: {
    evidence: readonly Evidence[];
    risks: readonly RiskWithControls[];
    now: Date;
  },
): SoaControlRow {
  const control = getAnnexAControl(stored.controlId)!;
  const evidence = context.evidence.filter(
    e => e.controlId === stored.controlId && e.aiSystemRef === null,
  );
  const treated = risksTreatedBy(stored.controlId, context.risks);
  // the row lists a handful and counts the rest: a control named by thousands of risks must
  // not make the SoA megabytes long
  const risks = [...treated]
    .sort((a, b) => a.title.localeCompare(b.title))
    .slice(0, MAX_ROW_RISK_LINKS);
  return {
    ...stored,
    title: control.title,
    categoryId: control.categoryId,
    categoryTitle: control.categoryTitle,
    inclusionReasons: inclusionReasonsFor(stored, treated),
    evidence,
    currentEvidence: hasCurrentEvidence(evidence),
    exclusionStanding: exclusionStanding(stored, context.now),
    nistAiRmf: nistSubcategoriesFor(stored.controlId),
    euAiActArticles: euAiActArticlesFor(stored.controlId),
    risks,
    risksTotal: treated.length,
  };
}

/** Every row of an SoA version with its roll-ups: exactly the 38, then the additional ones. */
export function evaluateSoaRows(
  content: SoaContent,
  context: {
    evidence: readonly Evidence[];
    risks: readonly RiskWithControls[];
    now: Date;
  },
): {
  controls: SoaControlRow[];
  additionalControls: SoaContent['additionalControls'];
  coverage: SoaCoverage;
  categories: SoaCategoryCoverage[];
} {
  const controls = normalizeSoaControls(content.controls).map(row =>
    evaluateSoaRow(row, context),
  );
  const categories: SoaCategoryCoverage[] = [];
  for (const control of ANNEX_A_CONTROLS) {
    if (!categories.some(c => c.categoryId === control.categoryId)) {
      categories.push({
        categoryId: control.categoryId,
        categoryTitle: control.categoryTitle,
        ...soaCoverage(
          controls.filter(r => r.categoryId === control.categoryId),
        ),
      });
    }
  }
  return {
    controls,
    additionalControls: content.additionalControls,
    coverage: soaCoverage(controls),
    categories,
  };
}
