import { InventoryItem } from '@aims-backstage/backstage-plugin-aims-common';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, with quotes
 * doubled. A leading `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so spreadsheets do not
 * evaluate user-controlled text as a formula.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(
  values: Array<string | number | null | undefined>,
): string {
  return values.map(csvField).join(',');
}

export const INVENTORY_CSV_COLUMNS = [
  'entityRef',
  'title',
  'owner',
  'lifecycle',
  'type',
  'euAiActTier',
  'components',
  'impactAssessmentStatus',
  'impactAssessmentApprovedAt',
  'impactAssessmentReviewDue',
  'openFindings',
  'criticalFindings',
  'highFindings',
] as const;

/** The inventory as CSV: a header row, then one row per AI system (components joined by `;`). */
export function inventoryToCsv(items: InventoryItem[]): string {
  const lines = [csvRow([...INVENTORY_CSV_COLUMNS])];
  for (const item of items) {
    lines.push(
      csvRow([
        item.entityRef,
        item.title,
        item.owner,
        item.lifecycle,
        item.type,
        item.euAiActTier,
        item.components.join(';'),
        item.impactAssessment.status,
        item.impactAssessment.approvedAt,
        item.impactAssessment.reviewDue,
        item.findings.open,
        item.findings.critical,
        item.findings.high,
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
