/*
 * What the domain data says about each Annex A control beyond its title: the NIST AI RMF
 * subcategories of the crosswalk, and the EU AI Act articles it supports (an indicative analyst
 * proposal, as the data marks it), plus the EU AI Act obligations of a high-risk system.
 */
import { REGULATORY_OVERLAYS_DATA } from '../domain/generated';
import { getAnnexAControl } from '../domain/annexA';

const nistByControl = REGULATORY_OVERLAYS_DATA.crosswalk_nist_ai_rmf_to_iso42001
  .iso_annex_a_to_nist as Record<string, readonly string[]>;

const euRows = REGULATORY_OVERLAYS_DATA.eu_ai_act_to_iso42001.rows as readonly {
  eu: string;
  iso: readonly (string | number)[];
}[];

/** How sure the EU AI Act ↔ Annex A mapping is (the data says: indicative). */
export const EU_AI_ACT_MAPPING_CONFIDENCE =
  REGULATORY_OVERLAYS_DATA.eu_ai_act_to_iso42001.confidence;

/** NIST AI RMF subcategories (e.g. GV-1.1) the crosswalk maps to an Annex A control. */
export function nistSubcategoriesFor(controlId: string): string[] {
  return [...(nistByControl[controlId] ?? [])];
}

/** The Annex A controls the (indicative) mapping gives for an EU AI Act article ('Art.9'). */
export function annexAControlsForArticle(article: string): string[] {
  const row = euRows.find(r => r.eu === article);
  return (row?.iso ?? [])
    .map(String)
    .filter(id => getAnnexAControl(id) !== undefined);
}

/** EU AI Act articles (e.g. 'Art.15') the mapping says an Annex A control supports. */
export function euAiActArticlesFor(controlId: string): string[] {
  return euRows
    .filter(r => r.iso.map(String).includes(controlId))
    .map(r => r.eu);
}

/** The obligations of a high-risk AI system (Art. 9–15, 17, 26, 27, 43, 49, 72, 73). */
export const HIGH_RISK_OBLIGATIONS: readonly {
  article: string;
  name: string;
}[] = REGULATORY_OVERLAYS_DATA.eu_ai_act.tiers.high_risk.key_requirements.map(
  r => ({ article: r.id, name: r.name }),
);
