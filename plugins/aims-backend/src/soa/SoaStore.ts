import {
  SoaCatalogue,
  SoaContent,
  SoaStoredStatus,
  normalizeSoaContent,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import {
  parseJsonColumn,
  reviewedVersionUpdate,
  toIsoTimestamp,
} from '../lib/db';

const TABLE = 'aims_soa_versions';
type Db = Knex | Knex.Transaction;

/** One stored version of the organisation's Statement of Applicability. */
export interface SoaVersionRecord {
  version: number;
  status: SoaStoredStatus;
  /** Normalised on read: the 38 Annex A controls in catalogue order, whatever was stored. */
  content: SoaContent;
  catalogue: SoaCatalogue;
  revision: number;
  author: string;
  contributors: string[];
  createdAt: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  returnedReason: string | null;
}

/** Fields a write may change on an existing version (a conditional update on `revision`). */
export interface SoaVersionPatch {
  status?: SoaStoredStatus;
  content?: SoaContent;
  contributors?: string[];
  submittedBy?: string | null;
  submittedAt?: Date | null;
  approvedBy?: string | null;
  approvedAt?: Date | null;
  returnedReason?: string | null;
}

function toRecord(row: any): SoaVersionRecord {
  return {
    version: Number(row.version),
    status: row.status,
    content: normalizeSoaContent(parseJsonColumn(row.content) ?? {}),
    catalogue: parseJsonColumn(row.catalogue),
    revision: Number(row.revision),
    author: row.author,
    contributors: (parseJsonColumn(row.contributors) ?? []).map(String),
    createdAt: toIsoTimestamp(row.created_at)!,
    updatedAt: toIsoTimestamp(row.updated_at)!,
    submittedBy: row.submitted_by ?? null,
    submittedAt: toIsoTimestamp(row.submitted_at),
    approvedBy: row.approved_by ?? null,
    approvedAt: toIsoTimestamp(row.approved_at),
    returnedReason: row.returned_reason ?? null,
  };
}

/** The organisation's Statement of Applicability, one row per version. */
export class SoaStore {
  constructor(private readonly knex: Knex) {}

  /** Every version, newest first. */
  async listVersions(db: Db = this.knex): Promise<SoaVersionRecord[]> {
    return (await db(TABLE).orderBy('version', 'desc')).map(toRecord);
  }

  /**
   * The newest version and the newest approved one (the SoA in force): two rows, not every
   * version's content (every inventory page and control view asks this).
   */
  async newestAndApproved(db: Db = this.knex): Promise<{
    newest: SoaVersionRecord | undefined;
    approved: SoaVersionRecord | undefined;
  }> {
    const [newest, approved] = await Promise.all([
      db(TABLE).orderBy('version', 'desc').first(),
      db(TABLE)
        .where({ status: 'approved' })
        .orderBy('version', 'desc')
        .first(),
    ]);
    return {
      newest: newest ? toRecord(newest) : undefined,
      approved: approved ? toRecord(approved) : undefined,
    };
  }

  async getVersion(
    version: number,
    db: Db = this.knex,
  ): Promise<SoaVersionRecord | undefined> {
    const row = await db(TABLE).where({ version }).first();
    return row ? toRecord(row) : undefined;
  }

  /** A new version at revision 1 (a concurrent insert of the same number is a unique violation). */
  async insert(
    v: {
      version: number;
      content: SoaContent;
      catalogue: SoaCatalogue;
      author: string;
      contributors: string[];
      at: Date;
    },
    db: Db = this.knex,
  ): Promise<void> {
    await db(TABLE).insert({
      version: v.version,
      status: 'draft',
      content: JSON.stringify(v.content),
      catalogue: JSON.stringify(v.catalogue),
      revision: 1,
      author: v.author,
      contributors: JSON.stringify(v.contributors),
      created_at: v.at,
      updated_at: v.at,
    });
  }

  /** Conditional update on `revision`; false when another write got there first. */
  async update(
    version: number,
    revision: number,
    patch: SoaVersionPatch,
    at: Date,
    db: Db = this.knex,
  ): Promise<boolean> {
    const values = reviewedVersionUpdate(revision, at, patch);
    const n = await db(TABLE).where({ version, revision }).update(values);
    return Number(n) === 1;
  }
}
