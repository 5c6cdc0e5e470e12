/*
 * The auditor's spreadsheet of the Statement of Applicability and of one AI system's control
 * mappings. Pure: the backend sends the text, the frontend may offer it as a download.
 */
import type {
  ControlRiskLink,
  DocumentLink,
  Evidence,
  Soa,
  SystemControls,
} from '../model';
import { csvDocument } from '../../csv/csv';

/** Columns of the SoA CSV, in order. */
export const SOA_CSV_COLUMNS = [
  'controlId',
  'title',
  'category',
  'controlSet',
  'applicable',
  'justification',
  'inclusionReasons',
  'implementationStatus',
  'owner',
  'reviewBy',
  'exclusionStanding',
  'documents',
  'evidence',
  'currentEvidence',
  'risks',
  'nistAiRmf',
  'euAiActArticlesIndicative',
] as const;

/** Columns of an AI system's control CSV, in order. */
export const SYSTEM_CONTROLS_CSV_COLUMNS = [
  'controlId',
  'title',
  'category',
  'mapped',
  'applicable',
  'how',
  'implementationStatus',
  'owner',
  'organisationApplicable',
  'organisationImplementationStatus',
  'evidence',
  'currentEvidence',
  'risks',
  'nistAiRmf',
  'euAiActArticlesIndicative',
] as const;

const LIST_SEPARATOR = '; ';

function yesNo(value: boolean | null): string {
  if (value === null) return 'undecided';
  return value ? 'yes' : 'no';
}

function documentsCell(documents: readonly DocumentLink[]): string {
  return documents.map(d => `${d.title} <${d.href}>`).join(LIST_SEPARATOR);
}

function evidenceCell(evidence: readonly Evidence[]): string {
  return evidence
    .map(
      e =>
        `${e.title} (${e.status}, ${
          e.current ? 'current' : 'not current'
        }, expires ${e.expiresAt ?? 'never'})`,
    )
    .join(LIST_SEPARATOR);
}

function risksCell(
  risks: readonly ControlRiskLink[],
  total = risks.length,
): string {
  const listed = risks.map(r => `${r.title} [${r.riskId}, ${r.aiSystemRef}]`);
  if (total > risks.length) listed.push(`and ${total - risks.length} more`);
  return listed.join(LIST_SEPARATOR);
}

/**
 * The SoA as CSV: a header, the 38 Annex A controls in catalogue order, then the
 * organisation's additional controls (controlSet `additional`; they carry no Annex A
 * derivations such as inclusion reasons or crosswalks).
 */
export function soaToCsv(soa: Soa): string {
  const annexA = soa.controls.map(row => [
    row.controlId,
    row.title,
    `${row.categoryId} ${row.categoryTitle}`,
    'annex-a',
    yesNo(row.applicable),
    row.justification,
    row.inclusionReasons
      .map(r => `${r.reason}: ${r.detail}`)
      .join(LIST_SEPARATOR),
    row.implementationStatus,
    row.owner,
    row.reviewBy,
    row.exclusionStanding,
    documentsCell(row.documents),
    evidenceCell(row.evidence),
    yesNo(row.currentEvidence),
    risksCell(row.risks, row.risksTotal),
    row.nistAiRmf.join(LIST_SEPARATOR),
    row.euAiActArticles.join(LIST_SEPARATOR),
  ]);
  const additional = soa.additionalControls.map(control => [
    control.id,
    control.title,
    '',
    'additional',
    yesNo(control.applicable),
    control.justification,
    '',
    control.implementationStatus,
    control.owner,
    '',
    '',
    documentsCell(control.documents),
    '',
    '',
    '',
    '',
    '',
  ]);
  return csvDocument(SOA_CSV_COLUMNS, [...annexA, ...additional]);
}

/** One AI system's controls (mapped ones and those only its risks name) as CSV. */
export function systemControlsToCsv(sc: SystemControls): string {
  return csvDocument(
    SYSTEM_CONTROLS_CSV_COLUMNS,
    sc.controls.map(control => [
      control.controlId,
      control.title,
      `${control.categoryId} ${control.categoryTitle}`,
      yesNo(control.mapped),
      yesNo(control.applicable),
      control.how,
      control.implementationStatus,
      control.owner,
      yesNo(control.organisation.applicable),
      control.organisation.implementationStatus,
      evidenceCell(control.evidence),
      yesNo(control.currentEvidence),
      risksCell(control.risks),
      control.nistAiRmf.join(LIST_SEPARATOR),
      control.euAiActArticles.join(LIST_SEPARATOR),
    ]),
  );
}
