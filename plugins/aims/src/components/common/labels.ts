import {
  RiskTreatment,
  IMPACT_DIMENSIONS,
  ImpactAssessmentContent,
  getAnnexAControl,
} from '@aims-backstage/backstage-plugin-aims-common';

/** Readable names of the impact-assessment content fields. */
export const CONTENT_FIELD_LABELS: Record<string, string> = {
  intendedUse: 'Intended use',
  foreseeableMisuse: 'Reasonably foreseeable misuse',
  affectedIndividuals: 'Affected individuals',
  affectedGroups: 'Affected groups',
  groupsNeedingProtection: 'Groups needing specific protection',
  societalImpact: 'Societal impact',
  dimensions: 'Impact dimensions',
  predictableFailures: 'Predictable failures',
  humanOversight: 'Human oversight',
  dataCategories: 'Data categories',
  euAiAct: 'EU AI Act classification',
  'euAiAct.tier': 'EU AI Act tier',
  'euAiAct.annexIIIArea': 'EU AI Act Annex III area',
  'euAiAct.reasoning': 'EU AI Act reasoning',
  reviewers: 'Reviewers',
  nextReviewDate: 'Next review date',
  // risks
  title: 'Title',
  description: 'Description',
  inherent: 'Inherent rating',
  'inherent.likelihood': 'Inherent likelihood',
  'inherent.impact': 'Inherent impact',
  residual: 'Residual rating',
  'residual.likelihood': 'Residual likelihood',
  'residual.impact': 'Residual impact',
  treatment: 'Treatment',
  actions: 'Treatment actions',
  controls: 'Annex A controls',
  riskOwner: 'Risk owner',
  signOff: 'Sign-off',
  status: 'Status',
};

export const DIMENSION_FIELD_LABELS: Record<string, string> = {
  dimension: 'Dimension',
  effect: 'Effect',
  description: 'Description',
  severity: 'Severity',
  likelihood: 'Likelihood',
  mitigation: 'Mitigation',
  residualSeverity: 'Residual severity',
  residualLikelihood: 'Residual likelihood',
};

const ACTION_FIELD_LABELS: Record<string, string> = {
  description: 'Description',
  owner: 'Owner',
  dueDate: 'Due date',
  status: 'Status',
};

export function dimensionName(id: string): string {
  return IMPACT_DIMENSIONS.find(d => d.id === id)?.name ?? id;
}

/**
 * A readable label for a field path of the shared model: `dimensions[fairness].severity`
 * (diff, keyed by dimension) and `dimensions[2].severity` (validation, by index; the content
 * resolves the index) both read "Fairness › Severity"; `actions[0].owner` reads
 * "Treatment action 1 › Owner".
 */
export function fieldLabel(
  path: string,
  content?: Pick<ImpactAssessmentContent, 'dimensions'>,
): string {
  const dim = /^dimensions\[([^\]]+)\](?:\.(.+))?$/.exec(path);
  if (dim) {
    const [, key, sub] = dim;
    const id = /^\d+$/.test(key)
      ? content?.dimensions?.[Number(key)]?.dimension ??
        `row ${Number(key) + 1}`
      : key;
    const name = dimensionName(id);
    return sub ? `${name} › ${DIMENSION_FIELD_LABELS[sub] ?? sub}` : name;
  }
  const action = /^actions\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (action) {
    const [, i, sub] = action;
    const base = `Treatment action ${Number(i) + 1}`;
    return sub ? `${base} › ${ACTION_FIELD_LABELS[sub] ?? sub}` : base;
  }
  const control = /^controls\[(\d+)\]$/.exec(path);
  if (control) return `Annex A control ${Number(control[1]) + 1}`;
  return CONTENT_FIELD_LABELS[path] ?? path;
}

/** The message of a FieldProblem without its leading field path. */
export function problemText(problem: {
  field: string;
  message: string;
}): string {
  return problem.message.startsWith(`${problem.field} `)
    ? problem.message.slice(problem.field.length + 1)
    : problem.message;
}

/** "Fairness › Severity is required" */
export function readableProblem(
  problem: { field: string; message: string },
  content?: Pick<ImpactAssessmentContent, 'dimensions'>,
): string {
  return `${fieldLabel(problem.field, content)} ${problemText(problem)}`;
}

/** Groups problems by field, first message wins. */
export function problemsByField(
  problems: Array<{ field: string; message: string }>,
) {
  const map: Record<string, string> = {};
  for (const p of problems)
    if (!(p.field in map)) map[p.field] = problemText(p);
  return map;
}

/** A value of a diff or audit change as short text. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return value.length ? value.map(formatValue).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** "A.6.2.4 AI system verification and validation" */
export function controlLabel(id: string): string {
  const c = getAnnexAControl(id);
  return c ? `${c.id} ${c.title}` : id;
}

/** "2026-03-01 10:00" in the user's locale-independent ISO form. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

export const TREATMENT_LABELS: Record<RiskTreatment, string> = {
  mitigate: 'Mitigate',
  accept: 'Accept',
  avoid: 'Avoid',
  transfer: 'Transfer',
};
