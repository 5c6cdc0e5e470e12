import { getAnnexAControl } from '../domain/annexA';
import { FieldProblem } from '../impactAssessment/validate';
import { checkJsonBounds, unknownFields } from '../json/bounds';

/**
 * The organisation's risk matrix (clause 6.1.2 risk-acceptance criteria). Scores are
 * likelihood × impact; a residual score above `acceptanceThreshold` needs the risk owner's
 * sign-off. Comes from config `aims.risk.matrix`; the default is 5×5 accepting up to 8.
 */
export type RiskMatrix = {
  likelihoodLevels: number;
  impactLevels: number;
  acceptanceThreshold: number;
};

export const DEFAULT_RISK_MATRIX: RiskMatrix = {
  likelihoodLevels: 5,
  impactLevels: 5,
  acceptanceThreshold: 8,
};

export const RISK_TREATMENTS = [
  'mitigate',
  'accept',
  'avoid',
  'transfer',
] as const;
export type RiskTreatment = (typeof RISK_TREATMENTS)[number];

export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export type RiskRating = { likelihood: number; impact: number };

export type RiskTreatmentAction = {
  description: string;
  /** Entity ref of the user or group who does it. */
  owner: string;
  /** YYYY-MM-DD */
  dueDate: string;
  status: 'open' | 'done';
};

/** The editable part of a risk (what POST /risks and PUT /risks/:id take). */
export type RiskInput = {
  title: string;
  description: string;
  /** Raised from an impact-assessment row. */
  source?: { impactAssessmentVersion: number; dimension: string };
  inherent: RiskRating;
  residual: RiskRating;
  treatment: RiskTreatment;
  actions: RiskTreatmentAction[];
  /** Annex A control ids (A.x.y) that treat the risk. */
  controls: string[];
  /** Entity ref of the user who owns (and signs off) the risk. */
  riskOwner: string;
};

export function validateRiskMatrix(m: RiskMatrix): string[] {
  const problems: string[] = [];
  for (const k of ['likelihoodLevels', 'impactLevels'] as const) {
    if (!Number.isInteger(m[k]) || m[k] < 2 || m[k] > 10)
      problems.push(`aims.risk.matrix.${k} must be an integer from 2 to 10`);
  }
  const max = m.likelihoodLevels * m.impactLevels;
  if (
    !Number.isInteger(m.acceptanceThreshold) ||
    m.acceptanceThreshold < 1 ||
    m.acceptanceThreshold >= max
  ) {
    problems.push(
      `aims.risk.matrix.acceptanceThreshold must be an integer from 1 to ${
        max - 1
      }`,
    );
  }
  return problems;
}

export function riskScore(r: RiskRating): number {
  return r.likelihood * r.impact;
}

/**
 * Band of a score relative to the matrix's maximum: up to 16 % low, 36 % medium, 64 % high,
 * above that critical — on the default 5×5 that is the familiar 1–4, 5–9, 10–16, 20–25.
 */
export function riskBand(score: number, matrix: RiskMatrix): RiskBand {
  const share = score / (matrix.likelihoodLevels * matrix.impactLevels);
  if (share <= 0.16) return 'low';
  if (share <= 0.36) return 'medium';
  if (share <= 0.64) return 'high';
  return 'critical';
}

export function isAboveAcceptance(r: RiskRating, matrix: RiskMatrix): boolean {
  return riskScore(r) > matrix.acceptanceThreshold;
}

/** A residual risk above the threshold needs a sign-off of *that* residual score. */
export function needsSignOff(
  risk: { residual: RiskRating; signOff?: { residualScore: number } | null },
  matrix: RiskMatrix,
): boolean {
  return (
    isAboveAcceptance(risk.residual, matrix) &&
    risk.signOff?.residualScore !== riskScore(risk.residual)
  );
}

const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A risk nests at most three levels (risk → actions → an action). */
export const RISK_INPUT_BOUNDS = { maxDepth: 3 };

/** The fields a client sends for a risk; anything else is refused by name. */
export const RISK_INPUT_FIELDS = [
  'title',
  'description',
  'source',
  'inherent',
  'residual',
  'treatment',
  'actions',
  'controls',
  'riskOwner',
] as const satisfies readonly (keyof RiskInput)[];

/**
 * The risk-input fields of a stored risk or an editor's draft, and nothing else (absent or null
 * fields stay absent): what is sent for a risk, compared for a change, or loaded into an editor.
 */
export function pickRiskInput(value: object): Partial<RiskInput> {
  const from = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of RISK_INPUT_FIELDS) {
    if (from[field] !== undefined && from[field] !== null) {
      out[field] = from[field];
    }
  }
  return out as Partial<RiskInput>;
}

const MAX_RISK_TEXT = 20_000;
const MAX_ACTION_TEXT = 2_000;
const MAX_REF = 300;
/** Treatment actions and controls per risk. */
const MAX_RISK_LIST = 100;
const ACTION_FIELDS = ['description', 'owner', 'dueDate', 'status'] as const;
const SOURCE_FIELDS = ['impactAssessmentVersion', 'dimension'] as const;

/** Validates a risk as sent by a client; every problem names its field. */
export function validateRiskInput(
  input: unknown,
  matrix: RiskMatrix,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) =>
    problems.push({ field, message: `${field} ${message}` });
  if (!isObject(input))
    return [{ field: 'risk', message: 'risk must be an object' }];
  // before anything walks it: a deeply nested value is refused, naming where it is
  const outOfBounds = checkJsonBounds(input, RISK_INPUT_BOUNDS, 'risk');
  if (outOfBounds) return [outOfBounds];
  const known = new Set<string>(RISK_INPUT_FIELDS);
  for (const k of Object.keys(input))
    if (!known.has(k)) add(k, 'is not a known field');
  for (const k of ['title', 'description', 'riskOwner']) {
    if (typeof input[k] !== 'string' || !input[k].trim()) add(k, 'is required');
  }
  if (typeof input.title === 'string' && input.title.length > 200)
    add('title', 'must be at most 200 characters');
  if (
    typeof input.description === 'string' &&
    input.description.length > MAX_RISK_TEXT
  ) {
    add('description', `must be at most ${MAX_RISK_TEXT} characters`);
  }
  if (typeof input.riskOwner === 'string' && input.riskOwner.length > MAX_REF)
    add('riskOwner', `must be at most ${MAX_REF} characters`);
  const rating = (k: 'inherent' | 'residual') => {
    const r = input[k];
    if (!isObject(r)) {
      add(k, 'is required (likelihood and impact)');
      return;
    }
    if (
      !Number.isInteger(r.likelihood) ||
      r.likelihood < 1 ||
      r.likelihood > matrix.likelihoodLevels
    ) {
      add(
        `${k}.likelihood`,
        `must be an integer from 1 to ${matrix.likelihoodLevels}`,
      );
    }
    if (
      !Number.isInteger(r.impact) ||
      r.impact < 1 ||
      r.impact > matrix.impactLevels
    ) {
      add(`${k}.impact`, `must be an integer from 1 to ${matrix.impactLevels}`);
    }
  };
  rating('inherent');
  rating('residual');
  if (!RISK_TREATMENTS.includes(input.treatment))
    add('treatment', `must be one of ${RISK_TREATMENTS.join(', ')}`);
  if (input.actions !== undefined && !Array.isArray(input.actions))
    add('actions', 'must be a list');
  else if (Array.isArray(input.actions) && input.actions.length > MAX_RISK_LIST)
    add('actions', `must have at most ${MAX_RISK_LIST} entries`);
  (Array.isArray(input.actions) ? input.actions : []).forEach(
    (a: unknown, i: number) => {
      const at = `actions[${i}]`;
      if (!isObject(a)) return add(at, 'must be an object');
      problems.push(...unknownFields(a, ACTION_FIELDS, at));
      if (typeof a.description !== 'string' || !a.description.trim())
        add(`${at}.description`, 'is required');
      else if (a.description.length > MAX_ACTION_TEXT)
        add(
          `${at}.description`,
          `must be at most ${MAX_ACTION_TEXT} characters`,
        );
      if (typeof a.owner !== 'string' || !a.owner.trim())
        add(`${at}.owner`, 'is required');
      else if (a.owner.length > MAX_REF)
        add(`${at}.owner`, `must be at most ${MAX_REF} characters`);
      if (
        typeof a.dueDate !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(a.dueDate) ||
        Number.isNaN(Date.parse(a.dueDate))
      ) {
        add(`${at}.dueDate`, 'must be a date (YYYY-MM-DD)');
      }
      if (a.status !== 'open' && a.status !== 'done')
        add(`${at}.status`, 'must be one of open, done');
      return undefined;
    },
  );
  if (
    input.treatment === 'mitigate' &&
    !(Array.isArray(input.actions) && input.actions.length)
  ) {
    add('actions', 'needs at least one action when the treatment is mitigate');
  }
  if (input.controls !== undefined && !Array.isArray(input.controls))
    add('controls', 'must be a list of Annex A control ids');
  else if (
    Array.isArray(input.controls) &&
    input.controls.length > MAX_RISK_LIST
  )
    add('controls', `must have at most ${MAX_RISK_LIST} entries`);
  (Array.isArray(input.controls) ? input.controls : []).forEach(
    (id: unknown, i: number) => {
      if (typeof id !== 'string' || !getAnnexAControl(id))
        add(
          `controls[${i}]`,
          `"${String(id)}" is not an ISO/IEC 42001 Annex A control id`,
        );
    },
  );
  if (input.source !== undefined) {
    const s = input.source;
    if (
      !isObject(s) ||
      !Number.isInteger(s.impactAssessmentVersion) ||
      typeof s.dimension !== 'string'
    ) {
      add(
        'source',
        'must name impactAssessmentVersion (integer) and dimension',
      );
    } else {
      problems.push(...unknownFields(s, SOURCE_FIELDS, 'source'));
      if (s.dimension.length > MAX_REF)
        add('source.dimension', `must be at most ${MAX_REF} characters`);
    }
  }
  if (
    isObject(input.inherent) &&
    isObject(input.residual) &&
    problems.length === 0 &&
    riskScore(input.residual as RiskRating) >
      riskScore(input.inherent as RiskRating)
  ) {
    add(
      'residual',
      'score cannot exceed the inherent score (treatment does not add risk)',
    );
  }
  return problems;
}

/** Counts per cell: `grid[likelihood-1][impact-1]`. */
export function riskHeatMap(
  ratings: readonly RiskRating[],
  matrix: RiskMatrix,
): number[][] {
  const grid = Array.from({ length: matrix.likelihoodLevels }, () =>
    Array(matrix.impactLevels).fill(0),
  );
  for (const r of ratings) {
    if (
      r.likelihood >= 1 &&
      r.likelihood <= matrix.likelihoodLevels &&
      r.impact >= 1 &&
      r.impact <= matrix.impactLevels
    ) {
      grid[r.likelihood - 1][r.impact - 1] += 1;
    }
  }
  return grid;
}
