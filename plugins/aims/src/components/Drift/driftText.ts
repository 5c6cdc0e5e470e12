import { parseEntityRef } from '@backstage/catalog-model';
import {
  DRIFT_FINDING_TYPES,
  DriftSourceEvidence,
  Finding,
  FindingActionType,
  FindingStatus,
  FindingType,
} from '@aims-backstage/backstage-plugin-aims-common';
import { formatDate } from '../common/labels';

export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
  'missing-impact-assessment': 'Missing impact assessment',
  'impact-assessment-not-approved': 'Impact assessment not approved',
  'impact-assessment-review-overdue': 'Impact assessment review overdue',
  'soa-applicable-not-implemented': 'Applicable control not implemented',
  'soa-incomplete': 'Statement of Applicability incomplete',
  'risk-not-signed-off': 'Risk not signed off',
  'monitoring-threshold-breached': 'Monitoring threshold breached',
  'monitoring-stale': 'Monitoring stale',
  'version-mismatch': 'Version mismatch',
  'undeclared-ai-usage': 'Undeclared AI usage',
  'declared-not-observed': 'Declared, not observed',
  'environment-mismatch': 'Environment mismatch',
  'retired-but-running': 'Retired but running',
  'unassessed-in-production': 'Unassessed in production',
};

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  snoozed: 'Snoozed',
  'risk-accepted': 'Risk accepted',
  resolved: 'Resolved',
};

export const FINDING_ACTION_LABELS: Record<FindingActionType, string> = {
  acknowledge: 'Acknowledge',
  snooze: 'Snooze until…',
  'accept-risk': 'Accept risk until…',
  resolve: 'Resolve',
};

const DRIFT_TYPES: ReadonlySet<string> = new Set(DRIFT_FINDING_TYPES);

export function isDriftFinding(f: Pick<Finding, 'type'>): boolean {
  return DRIFT_TYPES.has(f.type);
}

/** `aisystem:default/fraud-scorer` → `fraud-scorer`; other strings stay as they are. */
export function shortName(ref: string | null | undefined): string {
  if (!ref) return '—';
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

function asArray(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}

function versions(list: unknown): string {
  const out = asArray(list)
    .map(d => (d && typeof d === 'object' ? d.version ?? d.model : undefined))
    .filter((v): v is string => typeof v === 'string' && v !== '');
  return out.length ? [...new Set(out)].join(' / ') : 'unknown';
}

/** What the deployment sources saw, from `evidence.sources` (or `coveredBy`). */
export function evidenceSources(
  f: Pick<Finding, 'evidence'>,
): DriftSourceEvidence[] {
  const e = f.evidence ?? {};
  const list = asArray(e.sources).length ? e.sources : e.coveredBy;
  return asArray(list).filter(
    (s): s is DriftSourceEvidence => !!s && typeof s.sourceId === 'string',
  );
}

/**
 * One line per drift finding: "version-mismatch: fraud-scorer in production runs 3.3.0,
 * declared 3.2.0".
 */
export function driftSummary(f: Finding): string {
  const e = (f.evidence ?? {}) as Record<string, any>;
  const env = f.environment ?? 'an unknown environment';
  const name = f.aiSystemRef ? shortName(f.aiSystemRef) : undefined;
  let text: string;
  switch (f.type) {
    case 'version-mismatch':
      text = `${name} in ${env} runs ${versions(
        e.observed,
      )}, declared ${versions(e.declared)}`;
      break;
    case 'undeclared-ai-usage':
      if (e.reason === 'model-not-declared') {
        text = `model ${e.model ?? 'unknown'}${
          e.provider ? ` (${e.provider})` : ''
        } runs in ${env}, declared by no AI system`;
      } else if (e.reason === 'component-not-declared') {
        text = `${name} runs in ${env}, but does not declare this component`;
      } else {
        text = `${
          name ?? 'an AI system'
        } runs in ${env}, but is not in the catalog`;
      }
      break;
    case 'declared-not-observed':
      text = `${name} is declared in ${env} (${versions(
        e.declared,
      )}) but not observed${
        e.coveredSince ? ` since ${formatDate(e.coveredSince)}` : ''
      }`;
      break;
    case 'environment-mismatch':
      text = `${name} runs in ${env}, declared only in ${
        asArray(e.declaredEnvironments).join(', ') || 'no environment'
      }`;
      break;
    case 'retired-but-running':
      text = `${name} is ${e.lifecycle ?? 'retired'} but runs in ${env}`;
      break;
    case 'unassessed-in-production':
      text = `${name} runs in ${env} without an approved impact assessment${
        e.impactAssessmentStatus ? ` (${e.impactAssessmentStatus})` : ''
      }`;
      break;
    default:
      text = `${name ?? shortName(f.entityRef)}${
        f.environment ? ` in ${f.environment}` : ''
      }`;
  }
  return `${f.type}: ${text}`;
}

/** "kubernetes saw fraud-gbm 3.3.0" — what one source saw. */
export function sourceSaw(s: DriftSourceEvidence): string {
  const what = [s.model, s.version].filter(Boolean).join(' ');
  return what
    ? `${s.sourceId} saw ${what}`
    : `${s.sourceId} saw the deployment`;
}

export const FORBIDDEN_TEXT =
  'Only the owners of this service or AI system, or compliance, can act on this finding.';
