import { ANNEX_III_AREAS, EU_AI_ACT_TIERS } from '../domain/euAiAct';
import { checkJsonBounds, unknownFields } from '../json/bounds';
import {
  GROUPS_NEEDING_SPECIFIC_PROTECTION,
  IMPACT_DIMENSIONS,
  IMPACT_EFFECTS,
  ImpactAssessmentContent,
  RATING_MAX,
  RATING_MIN,
} from './model';

/** A problem in an assessment, naming its field (`dimensions[2].severity`). */
export interface FieldProblem {
  field: string;
  message: string;
}

const TEXT_FIELDS = [
  'intendedUse',
  'foreseeableMisuse',
  'affectedIndividuals',
  'affectedGroups',
  'societalImpact',
  'predictableFailures',
  'humanOversight',
] as const;

const MAX_TEXT = 20_000;
/** Entries of a list of names (data categories, reviewers, groups) and their length. */
const MAX_LIST_ITEMS = 100;
const MAX_NAME = 300;
/**
 * The content nests at most three levels (content → dimensions → a row); its JSON text is
 * bounded too, because imported files do not pass the API's body limit.
 */
export const IMPACT_ASSESSMENT_CONTENT_BOUNDS = {
  maxDepth: 3,
  maxBytes: 512_000,
};
const DIMENSION_ROW_FIELDS = [
  'dimension',
  'effect',
  'description',
  'severity',
  'likelihood',
  'mitigation',
  'residualSeverity',
  'residualLikelihood',
] as const;
const EU_AI_ACT_FIELDS = ['tier', 'annexIIIArea', 'reasoning'] as const;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates impact-assessment content. `complete: false` (saving a draft) checks shape, types
 * and ranges so nothing malformed is stored; `complete: true` (submitting for review) also
 * requires every field an auditor expects (B.5.3), a rating for every dimension with an effect,
 * a reviewer and a future review date. Runs in the browser (as you type) and on the server.
 */
export function validateImpactAssessmentContent(
  input: unknown,
  options: { complete: boolean; today?: string },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) =>
    problems.push({ field, message: `${field} ${message}` });
  if (!isObject(input))
    return [{ field: 'content', message: 'content must be an object' }];
  // before anything walks it: a deeply nested or huge value is refused, naming where it is
  const outOfBounds = checkJsonBounds(
    input,
    IMPACT_ASSESSMENT_CONTENT_BOUNDS,
    'content',
  );
  if (outOfBounds) return [outOfBounds];
  const c = input as Partial<Record<keyof ImpactAssessmentContent, unknown>>;

  const known = new Set([
    ...TEXT_FIELDS,
    'groupsNeedingProtection',
    'dimensions',
    'dataCategories',
    'euAiAct',
    'reviewers',
    'nextReviewDate',
  ]);
  for (const key of Object.keys(c))
    if (!known.has(key)) add(key, 'is not a known field');

  for (const field of TEXT_FIELDS) {
    const v = c[field];
    if (v === undefined) {
      if (options.complete) add(field, 'is required');
    } else if (typeof v !== 'string') add(field, 'must be a string');
    else if (v.length > MAX_TEXT)
      add(field, `must be at most ${MAX_TEXT} characters`);
    else if (options.complete && !v.trim()) add(field, 'is required');
  }

  const stringList = (
    field: 'groupsNeedingProtection' | 'dataCategories' | 'reviewers',
    allowed?: readonly string[],
  ) => {
    const v = c[field];
    if (v === undefined) return;
    if (!Array.isArray(v) || v.some(x => typeof x !== 'string' || !x.trim())) {
      add(field, 'must be a list of non-empty strings');
      return;
    }
    if (v.length > MAX_LIST_ITEMS)
      add(field, `must have at most ${MAX_LIST_ITEMS} entries`);
    const long = (v as string[]).findIndex(x => x.length > MAX_NAME);
    if (long >= 0)
      add(`${field}[${long}]`, `must be at most ${MAX_NAME} characters`);
    if (allowed) {
      for (const x of v as string[]) {
        if (!allowed.includes(x))
          add(
            field,
            `contains "${x}", which is not one of ${allowed.join(', ')}`,
          );
      }
    }
  };
  stringList('groupsNeedingProtection', GROUPS_NEEDING_SPECIFIC_PROTECTION);
  stringList('dataCategories');
  stringList('reviewers');
  if (options.complete && !(Array.isArray(c.reviewers) && c.reviewers.length))
    add('reviewers', 'needs at least one reviewer');
  if (
    options.complete &&
    !(Array.isArray(c.dataCategories) && c.dataCategories.length)
  )
    add('dataCategories', 'needs at least one data category');

  const rating = (field: string, v: unknown, required: boolean) => {
    if (v === undefined || v === null) {
      if (required) add(field, 'is required');
    } else if (
      typeof v !== 'number' ||
      !Number.isInteger(v) ||
      v < RATING_MIN ||
      v > RATING_MAX
    ) {
      add(field, `must be an integer from ${RATING_MIN} to ${RATING_MAX}`);
    }
  };
  const dimensionIds = IMPACT_DIMENSIONS.map(d => d.id);
  if (c.dimensions !== undefined) {
    if (!Array.isArray(c.dimensions)) add('dimensions', 'must be a list');
    else {
      // the rows are still checked, so a duplicate is named (the content's size is bounded)
      if (c.dimensions.length > dimensionIds.length) {
        add(
          'dimensions',
          `must have at most ${dimensionIds.length} rows (one per impact dimension)`,
        );
      }
      const seen = new Set<string>();
      c.dimensions.forEach((row: unknown, i: number) => {
        const at = `dimensions[${i}]`;
        if (!isObject(row)) {
          add(at, 'must be an object');
          return;
        }
        problems.push(...unknownFields(row, DIMENSION_ROW_FIELDS, at));
        if (
          typeof row.dimension !== 'string' ||
          !dimensionIds.includes(row.dimension)
        ) {
          add(`${at}.dimension`, `must be one of ${dimensionIds.join(', ')}`);
        } else if (seen.has(row.dimension))
          add(`${at}.dimension`, `"${row.dimension}" is assessed twice`);
        else seen.add(row.dimension);
        if (!IMPACT_EFFECTS.includes(row.effect as any))
          add(`${at}.effect`, `must be one of ${IMPACT_EFFECTS.join(', ')}`);
        for (const text of ['description', 'mitigation'] as const) {
          const v = row[text];
          if (v === undefined) continue;
          if (typeof v !== 'string') add(`${at}.${text}`, 'must be a string');
          else if (v.length > MAX_TEXT)
            add(`${at}.${text}`, `must be at most ${MAX_TEXT} characters`);
        }
        const rated =
          options.complete &&
          (row.effect === 'negative' || row.effect === 'positive');
        rating(`${at}.severity`, row.severity, rated);
        rating(`${at}.likelihood`, row.likelihood, rated);
        const mitigated = options.complete && row.effect === 'negative';
        rating(`${at}.residualSeverity`, row.residualSeverity, mitigated);
        rating(`${at}.residualLikelihood`, row.residualLikelihood, mitigated);
        if (
          options.complete &&
          row.effect !== 'none' &&
          !(typeof row.description === 'string' && row.description.trim())
        ) {
          add(
            `${at}.description`,
            'is required when the dimension is affected',
          );
        }
        if (
          mitigated &&
          !(typeof row.mitigation === 'string' && row.mitigation.trim())
        ) {
          add(`${at}.mitigation`, 'is required for a negative impact');
        }
      });
      if (options.complete) {
        const missing = dimensionIds.filter(id => !seen.has(id));
        if (missing.length)
          add(
            'dimensions',
            `must assess every impact dimension; missing: ${missing.join(
              ', ',
            )}`,
          );
      }
    }
  } else if (options.complete) add('dimensions', 'is required');

  if (c.euAiAct !== undefined) {
    const e = c.euAiAct;
    if (!isObject(e)) add('euAiAct', 'must be an object');
    else {
      problems.push(...unknownFields(e, EU_AI_ACT_FIELDS, 'euAiAct'));
      if (!EU_AI_ACT_TIERS.includes(e.tier as any))
        add('euAiAct.tier', `must be one of ${EU_AI_ACT_TIERS.join(', ')}`);
      if (
        e.annexIIIArea !== undefined &&
        !ANNEX_III_AREAS.some(a => a.id === e.annexIIIArea)
      ) {
        add('euAiAct.annexIIIArea', 'must be one of III.1 … III.8');
      }
      if (e.reasoning !== undefined && typeof e.reasoning !== 'string')
        add('euAiAct.reasoning', 'must be a string');
      else if (
        typeof e.reasoning === 'string' &&
        e.reasoning.length > MAX_TEXT
      ) {
        add('euAiAct.reasoning', `must be at most ${MAX_TEXT} characters`);
      } else if (
        options.complete &&
        !(typeof e.reasoning === 'string' && e.reasoning.trim())
      )
        add('euAiAct.reasoning', 'is required');
    }
  } else if (options.complete) add('euAiAct', 'is required');

  if (c.nextReviewDate !== undefined && c.nextReviewDate !== '') {
    const v = c.nextReviewDate;
    if (
      typeof v !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(v) ||
      Number.isNaN(Date.parse(v))
    ) {
      add('nextReviewDate', 'must be a date (YYYY-MM-DD)');
    } else if (
      options.complete &&
      v <= (options.today ?? new Date().toISOString().slice(0, 10))
    ) {
      add('nextReviewDate', 'must be in the future');
    }
  } else if (options.complete) add('nextReviewDate', 'is required');
  return problems;
}
