import { SoaControlRow } from '@aims-backstage/backstage-plugin-aims-common';

import { SoaImplementationStatus, applicableLabel } from './labels';

/** The SoA tab's filters, kept in the URL (`?tab=soa&category=A.6&status=implemented…`). */
export interface SoaFilters {
  category?: string;
  status?: SoaImplementationStatus;
  applicable?: 'yes' | 'no' | 'undecided';
  attention?: boolean;
}

export function filtersFromParams(params: URLSearchParams): SoaFilters {
  return {
    category: params.get('category') || undefined,
    status: (params.get('status') as SoaImplementationStatus) || undefined,
    applicable:
      (params.get('applicable') as SoaFilters['applicable']) || undefined,
    attention: params.get('attention') === '1',
  };
}

/**
 * A gap the SoA still has on a row: undecided, an exclusion that is not justified or past
 * its review date, or an applicable control not implemented or without current evidence.
 * (The backend raises the matching findings; this only picks rows to show.)
 */
export function needsAttention(row: SoaControlRow): boolean {
  if (row.applicable === null) return true;
  if (row.applicable === false)
    return (
      row.exclusionStanding === 'unjustified' ||
      row.exclusionStanding === 'review-overdue'
    );
  return row.implementationStatus !== 'implemented' || !row.currentEvidence;
}

export function matchesFilters(row: SoaControlRow, f: SoaFilters): boolean {
  if (f.category && row.categoryId !== f.category) return false;
  if (f.status && row.implementationStatus !== f.status) return false;
  if (f.applicable) {
    const a = applicableLabel(row.applicable).toLocaleLowerCase('en-US');
    if (a !== f.applicable) return false;
  }
  if (f.attention && !needsAttention(row)) return false;
  return true;
}
