import { ImpactAssessmentSummary } from '@internal/plugin-aims-common';
import { Knex } from 'knex';
import { summarizeImpactAssessment } from '../domain/impactAssessmentSummary';
import { chunk, normalizeRef, toIsoTimestamp } from './util';

const TABLE = 'aims_impact_assessments';

/** A stored impact assessment status (`missing` and `review-overdue` are derived). */
export type StoredImpactAssessmentStatus = 'draft' | 'in-review' | 'approved';

export interface NewImpactAssessment {
  aiSystemRef: string;
  version: number;
  status: StoredImpactAssessmentStatus;
  content?: unknown;
  author?: string;
  approvedBy?: string;
  approvedAt?: Date;
  reviewDue?: Date;
}

/** Impact assessments, versioned per AI system. */
export class ImpactAssessmentStore {
  constructor(
    private readonly knex: Knex,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async insert(assessment: NewImpactAssessment): Promise<void> {
    const now = this.clock();
    await this.knex(TABLE).insert({
      ai_system_ref: normalizeRef(assessment.aiSystemRef),
      version: assessment.version,
      status: assessment.status,
      content:
        assessment.content === undefined
          ? null
          : JSON.stringify(assessment.content),
      author: assessment.author ?? null,
      created_at: now,
      updated_at: now,
      approved_by: assessment.approvedBy ?? null,
      approved_at: assessment.approvedAt ?? null,
      review_due: assessment.reviewDue ?? null,
    });
  }

  /**
   * The latest assessment's summary for each AI system ref, in one query per chunk of refs.
   * Refs without any assessment are `missing`. Keys of the result are the refs as passed in.
   */
  async getSummaries(
    aiSystemRefs: readonly string[],
  ): Promise<Map<string, ImpactAssessmentSummary>> {
    const byNormalized = new Map<
      string,
      { status: string; approvedAt: string | null; reviewDue: string | null }
    >();
    const unique = [...new Set(aiSystemRefs.map(normalizeRef))];
    for (const refs of chunk(unique)) {
      const latest = this.knex(TABLE)
        .select('ai_system_ref')
        .max({ max_version: 'version' })
        .whereIn('ai_system_ref', refs)
        .groupBy('ai_system_ref')
        .as('latest');
      const rows: Array<{
        ai_system_ref: string;
        status: string;
        approved_at: unknown;
        review_due: unknown;
      }> = await this.knex(`${TABLE} as a`)
        .join(latest, function onLatest() {
          this.on('a.ai_system_ref', '=', 'latest.ai_system_ref').andOn(
            'a.version',
            '=',
            'latest.max_version',
          );
        })
        .select('a.ai_system_ref', 'a.status', 'a.approved_at', 'a.review_due');
      for (const row of rows) {
        byNormalized.set(row.ai_system_ref, {
          status: row.status,
          approvedAt: toIsoTimestamp(row.approved_at),
          reviewDue: toIsoTimestamp(row.review_due),
        });
      }
    }
    const now = this.clock();
    const result = new Map<string, ImpactAssessmentSummary>();
    for (const ref of aiSystemRefs) {
      result.set(
        ref,
        summarizeImpactAssessment(byNormalized.get(normalizeRef(ref)), now),
      );
    }
    return result;
  }
}
