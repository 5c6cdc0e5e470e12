import {
  ImpactAssessmentContent,
  ImpactAssessmentStoredStatus,
  ImpactAssessmentSummary,
  ImpactAssessmentVersion,
  ImpactAssessmentVersionFacts,
  MISSING_IMPACT_ASSESSMENT,
  fourEyesExcluded,
  summarizeImpactAssessment,
  summarizedVersions,
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
/** Per system, the versions its summary depends on (kept in every version write's transaction). */
const SUMMARIES = 'aims_impact_assessment_summaries';

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
    await this.refreshSummary(assessment.aiSystemRef, db);
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
    if (Number(count) !== 1) return false;
    await this.refreshSummary(aiSystemRef, db);
    return true;
  }

  /**
   * Rewrites the system's summary row from its versions, in the caller's transaction. On
   * PostgreSQL the row is locked first, so concurrent writers of one system refresh it one
   * after the other, each reading the versions the one before committed.
   */
  private async refreshSummary(aiSystemRef: string, db: Db) {
    const ref = normalizeRef(aiSystemRef);
    if (db.client.config.client === 'pg') {
      await db(SUMMARIES)
        .insert({ ai_system_ref: ref, newest_version: 0, newest_status: '' })
        .onConflict('ai_system_ref')
        .ignore();
      await db(SUMMARIES)
        .where('ai_system_ref', ref)
        .forUpdate()
        .first('ai_system_ref');
    }
    const rows = await db(TABLE)
      .select(...SUMMARY_COLUMNS)
      .where('ai_system_ref', ref);
    const [newest, approved] = summarizedVersions(
      versionFactsByRef(rows).get(ref) ?? [],
    );
    if (!newest) return;
    await db(SUMMARIES)
      .insert({
        ai_system_ref: ref,
        newest_version: newest.version,
        newest_status: newest.status,
        newest_approved_at: newest.approvedAt,
        newest_review_due: newest.reviewDue,
        approved_version: approved?.version ?? null,
        approved_at: approved?.approvedAt ?? null,
        approved_review_due: approved?.reviewDue ?? null,
      })
      .onConflict('ai_system_ref')
      .merge();
  }

  /** Summaries from summary rows (every system when `refs` is not given), by lower-case ref. */
  private async readSummaries(
    refs?: readonly string[],
  ): Promise<Map<string, ImpactAssessmentSummary>> {
    const select = () => this.knex(SUMMARIES).select('*');
    // the chunks of a large scope in parallel
    const rows = refs
      ? (
          await Promise.all(
            chunk([...refs]).map(part =>
              select().whereIn('ai_system_ref', part),
            ),
          )
        ).flat()
      : await select();
    const now = this.clock();
    const result = new Map<string, ImpactAssessmentSummary>();
    for (const row of rows) {
      const facts: ImpactAssessmentVersionFacts[] = [
        {
          version: Number(row.newest_version),
          status: row.newest_status,
          approvedAt: toIsoTimestamp(row.newest_approved_at),
          reviewDue: toIsoTimestamp(row.newest_review_due),
        },
      ];
      if (row.approved_version !== null && row.approved_version !== undefined)
        facts.push({
          version: Number(row.approved_version),
          status: 'approved',
          approvedAt: toIsoTimestamp(row.approved_at),
          reviewDue: toIsoTimestamp(row.approved_review_due),
        });
      result.set(row.ai_system_ref, summarizeImpactAssessment(facts, now));
    }
    return result;
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
    const stored = await this.readSummaries([
      ...new Set(aiSystemRefs.map(normalizeRef)),
    ]);
    const result = new Map<string, ImpactAssessmentSummary>();
    for (const ref of aiSystemRefs) {
      result.set(
        ref,
        stored.get(normalizeRef(ref)) ?? MISSING_IMPACT_ASSESSMENT,
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
    return this.readSummaries();
  }
}
