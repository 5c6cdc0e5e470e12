import { REGULATORY_OVERLAYS_DATA } from './generated';

/**
 * EU AI Act tiers as written in an AISystem's `spec.euAiAct.tier` (contract vocabulary).
 * `unclassified` is what an absent `euAiAct` block means.
 */
export const EU_AI_ACT_TIERS = [
  'prohibited',
  'high-risk',
  'limited-risk',
  'minimal-risk',
  'out-of-scope',
  'unclassified',
] as const;
export type EuAiActTier = (typeof EU_AI_ACT_TIERS)[number];

/** One Annex III high-risk area (III.1 … III.8) from the domain data. */
export interface AnnexIIIArea {
  id: string;
  name: string;
}

export const ANNEX_III_AREAS: readonly AnnexIIIArea[] =
  REGULATORY_OVERLAYS_DATA.eu_ai_act.tiers.high_risk.annex_iii_areas.map(a => ({
    id: a.id,
    name: a.name,
  }));

const areasById = new Map(ANNEX_III_AREAS.map(a => [a.id, a]));

export function getAnnexIIIArea(id: string): AnnexIIIArea | undefined {
  return areasById.get(id);
}

/** Human labels for the tiers, in the order of decreasing regulatory weight. */
export const EU_AI_ACT_TIER_LABELS: Record<EuAiActTier, string> = {
  prohibited: 'Prohibited',
  'high-risk': 'High risk',
  'limited-risk': 'Limited risk',
  'minimal-risk': 'Minimal risk',
  'out-of-scope': 'Out of scope',
  unclassified: 'Unclassified',
};
