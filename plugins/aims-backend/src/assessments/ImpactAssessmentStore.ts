import {
  ImpactAssessmentContent,
  ImpactAssessmentStoredStatus,
  ImpactAssessmentSummary,
  ImpactAssessmentVersion,
  ImpactAssessmentVersionFacts,
  fourEyesExcluded,
  summarizeImpactAssessment,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import {
  chunk,
  normalizeRef,
  parseJsonColumn,
  reviewedVersionUpdate,
  toIsoTimestamp,
} from '../lib/db';

const TABLE = 'aims_impact_assessments';

/** A stored impact assessment status (`missing` and `review-overdue` are derived). */
export type StoredImpactAssessmentStatus = ImpactAssessmentStoredStatus;

export interface NewImpactAssessment {
  aiSystemRef: string;
  version: number;
  status: StoredImpactAssessmentStatus;
  content?: unknown;
  author?: string;
  /** Who saved or submitted it (the author, when not given). */
  contributors?: string[];
  createdAt?: Date;
  submittedBy?: string;
  submittedAt?: Date;
  approvedBy?: string;
  approvedAt?: Date;
  reviewDue?: Date;
  source?: { location: string; importedAt: Date; hash: string };
}

/** Fields a write may change on an existing version (a conditional update on `revision`). */
export interface ImpactAssessmentPatch {
  status?: StoredImpactAssessmentStatus;
  content?: ImpactAssessmentContent;
  contributors?: string[];
  submittedBy?: string | null;
  submittedAt?: Date | null;
  approvedBy?: string | null;
  approvedAt?: Date | null;
  reviewDue?: Date | null;
  returnedReason?: string | null;
  source?: { location: string; importedAt: Date; hash: string } | null;
}

type Db = Knex | Knex.Transaction;

/**
 * The stored contributors; a row without them (none should remain after the migration that
 * added the column, but a row written by an older replica during a rolling upgrade might)
 * counts its author and submitter.
 */
function contributorsOf(row: any): string[] {
  const stored = parseJsonColumn(row.contributors);
  if (Array.isArray(stored)) return stored.map(String);
  return fourEyesExcluded({
    author: row.author,
    submittedBy: row.submitted_by,
  });
}

function toVersion(row: any): ImpactAssessmentVersion {
  return {
    aiSystemRef: row.ai_system_ref,
    version: Number(row.version),
    status: row.status,
    content: parseJsonColumn(row.content) ?? {},
    revision: Number(row.revision),
    author: row.author ?? '',
    contributors: contributorsOf(row),
    createdAt: toIsoTimestamp(row.created_at)!,
    updatedAt: toIsoTimestamp(row.updated_at)!,
    submittedBy: row.submitted_by ?? null,
    submittedAt: toIsoTimestamp(row.submitted_at),
    approvedBy: row.approved_by ?? null,
    approvedAt: toIsoTimestamp(row.approved_at),
    reviewDue: toIsoTimestamp(row.review_due),
    returnedReason: row.returned_reason ?? null,
    source: row.source_location
      ? {
          location: row.source_location,
          importedAt: toIsoTimestamp(row.source_imported_at)!,
        }
      : null,
  };
}

/** The columns a summary reads (summarizeImpactAssessment). */
const SUMMARY_COLUMNS = [
  'ai_system_ref',
  'version',
  'status',
  'approved_at',
  'review_due',
];

/** Stored versions as the facts a summary reads, by (lower-case) ref. */
function versionFactsByRef(
  rows: Array<{
    ai_system_ref: string;
    version: number;
    status: StoredImpactAssessmentStatus;
    approved_at: unknown;
    review_due: unknown;
  }>,
): Map<string, ImpactAssessmentVersionFacts[]> {
  const facts = new Map<string, ImpactAssessmentVersionFacts[]>();
  for (const row of rows) {
    const list = facts.get(row.ai_system_ref) ?? [];
    list.push({
      version: Number(row.version),
      status: row.status,
      approvedAt: toIsoTimestamp(row.approved_at),
      reviewDue: toIsoTimestamp(row.review_due),
    });
    facts.set(row.ai_system_ref, list);
  }
  return facts;
}

/** Impact assessments, versioned per AI system. */
export class ImpactAssessmentStore {
  constructor(
    private readonly knex: Knex,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async insert(assessment: NewImpactAssessment, db: Db = this.knex) {
    const now = this.clock();
    await db(TABLE).insert({
      ai_system_ref: normalizeRef(assessment.aiSystemRef),
      version: assessment.version,
      status: assessment.status,
      revision: 1,
      content:
        assessment.content === undefined
          ? null
          : JSON.stringify(assessment.content),
      author: assessment.author ?? null,
      contributors: JSON.stringify(
        assessment.contributors ??
          fourEyesExcluded({
            author: assessment.author,
            submittedBy: assessment.submittedBy,
          }),
      ),
      created_at: assessment.createdAt ?? now,
      updated_at: assessment.createdAt ?? now,
      submitted_by: assessment.submittedBy ?? null,
      submitted_at: assessment.submittedAt ?? null,
      approved_by: assessment.approvedBy ?? null,
      approved_at: assessment.approvedAt ?? null,
      review_due: assessment.reviewDue ?? null,
      source_location: assessment.source?.location ?? null,
      source_imported_at: assessment.source?.importedAt ?? null,
      source_hash: assessment.source?.hash ?? null,
    });
  }

  /** Every version of one AI system, newest first. */
  async listVersions(
    aiSystemRef: string,
    db: Db = this.knex,
  ): Promise<ImpactAssessmentVersion[]> {
    const rows = await db(TABLE)
      .where('ai_system_ref', normalizeRef(aiSystemRef))
      .orderBy('version', 'desc');
    return rows.map(toVersion);
  }

  async getVersion(
    aiSystemRef: string,
    version: number,
  ): Promise<ImpactAssessmentVersion | undefined> {
    const row = await this.knex(TABLE)
      .where({ ai_system_ref: normalizeRef(aiSystemRef), version })
      .first();
    return row ? toVersion(row) : undefined;
  }

  /** The source hash of the newest imported version (to skip unchanged files). */
  async latestSourceHash(aiSystemRef: string): Promise<string | undefined> {
    const row = await this.knex(TABLE)
      .where('ai_system_ref', normalizeRef(aiSystemRef))
      .whereNotNull('source_hash')
      .orderBy('version', 'desc')
      .first('source_hash');
    return row?.source_hash ?? undefined;
  }

  /**
   * Conditional update: applies only while the row still has `revision`; returns false when
   * another write got there first (the caller answers 409).
   */
  async update(
    aiSystemRef: string,
    version: number,
    revision: number,
    patch: ImpactAssessmentPatch,
    db: Db = this.knex,
  ): Promise<boolean> {
    const values = reviewedVersionUpdate(revision, this.clock(), patch);
    if (patch.reviewDue !== undefined) values.review_due = patch.reviewDue;
    if (patch.source !== undefined) {
      values.source_location = patch.source?.location ?? null;
      values.source_imported_at = patch.source?.importedAt ?? null;
      values.source_hash = patch.source?.hash ?? null;
    }
    const count = await db(TABLE)
      .where({
        ai_system_ref: normalizeRef(aiSystemRef),
        version,
        revision,
      })
      .update(values);
    return Number(count) === 1;
  }

  /** True when no assessment is stored at all (example data loads only into empty tables). */
  async isEmpty(): Promise<boolean> {
    return !(await this.knex(TABLE).first('id'));
  }

  /**
   * The summary of each AI system ref (the newest approved version stays in force while a
   * revision is drafted), in one query per chunk of refs. Refs without any assessment are
   * `missing`. Keys of the result are the refs as passed in.
   */
  async getSummaries(
    aiSystemRefs: readonly string[],
  ): Promise<Map<string, ImpactAssessmentSummary>> {
    const unique = [...new Set(aiSystemRefs.map(normalizeRef))];
    // the chunks of a large scan (the inventory's status filter and counts) in parallel
    const parts = await Promise.all(
      chunk(unique).map(refs =>
        this.knex(TABLE)
          .select(...SUMMARY_COLUMNS)
          .whereIn('ai_system_ref', refs),
      ),
    );
    const facts = versionFactsByRef(parts.flat());
    const now = this.clock();
    const result = new Map<string, ImpactAssessmentSummary>();
    for (const ref of aiSystemRefs) {
      result.set(
        ref,
        summarizeImpactAssessment(facts.get(normalizeRef(ref)) ?? [], now),
      );
    }
    return result;
  }

  /**
   * The summary of every AI system with an assessment stored, keyed by lower-case ref (one
   * query); a system not in it is `missing`. For the inventory counts over every AI system,
   * which load it while the catalog is scanned instead of after.
   */
  async allSummaries(): Promise<Map<string, ImpactAssessmentSummary>> {
    const facts = versionFactsByRef(
      await this.knex(TABLE).select(...SUMMARY_COLUMNS),
    );
    const now = this.clock();
    const result = new Map<string, ImpactAssessmentSummary>();
    for (const [ref, versions] of facts)
      result.set(ref, summarizeImpactAssessment(versions, now));
    return result;
  }
}
