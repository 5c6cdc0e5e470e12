import { REGULATORY_OVERLAYS_DATA } from '../domain/generated';
import { EuAiActTier } from '../domain/euAiAct';
import { AISystemRole } from '../kind/AISystemEntityV1alpha1';

/** Impact dimensions of ISO/IEC 42001 B.5.4 (individuals or groups) and B.5.5 (society). */
export interface ImpactDimension {
  id: string;
  name: string;
  scope: 'individuals-or-groups' | 'societal';
}

const dims = REGULATORY_OVERLAYS_DATA.iso42001_impact_dimensions;

export const IMPACT_DIMENSIONS: readonly ImpactDimension[] = [
  ...dims.individuals_or_groups.map(d => ({
    id: d.id,
    name: d.name,
    scope: 'individuals-or-groups' as const,
  })),
  ...dims.societal.map(d => ({
    id: d.id,
    name: d.name,
    scope: 'societal' as const,
  })),
];

/** Groups needing specific protection (B.5.4): children, impaired persons, elderly persons, workers. */
export const GROUPS_NEEDING_SPECIFIC_PROTECTION: readonly string[] =
  dims.groups_needing_specific_protection;

/** What a dimension's impact is: `none` records that the dimension was considered and is unaffected. */
export const IMPACT_EFFECTS = ['positive', 'negative', 'none'] as const;
export type ImpactEffect = (typeof IMPACT_EFFECTS)[number];

/** Severity and likelihood are rated 1 (lowest) to 5 (highest). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** One row per impact dimension: the assessment's core (A.5.4, A.5.5). */
export type ImpactDimensionAssessment = {
  dimension: string;
  effect: ImpactEffect;
  description: string;
  severity?: number;
  likelihood?: number;
  mitigation?: string;
  residualSeverity?: number;
  residualLikelihood?: number;
};

/** The content of an AI system impact assessment (clause 6.1.4, A.5.2–A.5.5, B.5.3 items). */
export type ImpactAssessmentContent = {
  intendedUse: string;
  foreseeableMisuse: string;
  affectedIndividuals: string;
  affectedGroups: string;
  /** Subset of GROUPS_NEEDING_SPECIFIC_PROTECTION that the system can affect. */
  groupsNeedingProtection: string[];
  societalImpact: string;
  dimensions: ImpactDimensionAssessment[];
  predictableFailures: string;
  humanOversight: string;
  dataCategories: string[];
  euAiAct: {
    tier: EuAiActTier;
    annexIIIArea?: string;
    reasoning: string;
  };
  /** Entity refs of the reviewers (users). */
  reviewers: string[];
  /** ISO date (YYYY-MM-DD) of the next review; an approved assessment expires then. */
  nextReviewDate: string;
};

/**
 * A fundamental rights impact assessment (EU AI Act Art. 27) is owed by deployers of high-risk
 * systems; the AIMS flags it so the assessment records whether it was done.
 */
export function fundamentalRightsAssessmentRequired(
  tier: EuAiActTier,
  role: AISystemRole,
): boolean {
  return (
    tier === 'high-risk' &&
    (role === 'deployer' || role === 'provider-and-deployer')
  );
}

/** An empty draft with one row per dimension, so nothing is forgotten. */
export function emptyImpactAssessmentContent(
  tier: EuAiActTier = 'unclassified',
): ImpactAssessmentContent {
  return {
    intendedUse: '',
    foreseeableMisuse: '',
    affectedIndividuals: '',
    affectedGroups: '',
    groupsNeedingProtection: [],
    societalImpact: '',
    dimensions: IMPACT_DIMENSIONS.map(d => ({
      dimension: d.id,
      effect: 'none',
      description: '',
    })),
    predictableFailures: '',
    humanOversight: '',
    dataCategories: [],
    euAiAct: { tier, reasoning: '' },
    reviewers: [],
    nextReviewDate: '',
  };
}

/**
 * The content with exactly one row per impact dimension, in the catalogue's order: rows for
 * dimensions nobody has assessed yet are added as `none` (so the form shows every dimension),
 * and rows for dimensions the catalogue does not know are kept at the end.
 */
export function withEveryImpactDimension(
  content: ImpactAssessmentContent,
): ImpactAssessmentContent {
  const rows = content.dimensions ?? [];
  const byId = new Map(rows.map(r => [r.dimension, r]));
  const known = new Set(IMPACT_DIMENSIONS.map(d => d.id));
  return {
    ...content,
    dimensions: [
      ...IMPACT_DIMENSIONS.map(
        d =>
          byId.get(d.id) ?? {
            dimension: d.id,
            effect: 'none' as const,
            description: '',
          },
      ),
      ...rows.filter(r => !known.has(r.dimension)),
    ],
  };
}
