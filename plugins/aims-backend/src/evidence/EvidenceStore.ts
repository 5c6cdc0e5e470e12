import {
  Evidence,
  EvidenceStatus,
  LiveEvidenceSource,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import {
  chunk,
  normalizeRef,
  parseJsonColumn,
  toIsoTimestamp,
} from '../lib/db';
import { excludeHiddenRefs } from '../permissions/EntityVisibility';

const TABLE = 'aims_evidence';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Db = Knex | Knex.Transaction;

/** An evidence item as stored: `current` and `standing` are computed on read. */
export type StoredEvidence = Omit<Evidence, 'current' | 'standing'>;

/** The fields a write sets (the scope — control and AI system — never changes). */
export interface EvidenceFields {
  title: string;
  href: string | null;
  reference: string | null;
  collectedAt: Date;
  expiresAt: Date | null;
  status: EvidenceStatus;
  live: LiveEvidenceSource | null;
}

/** What `GET /soa/evidence` filters by (besides the caller's visibility). */
export interface EvidenceFilter {
  controlId?: string;
  /** One AI system's evidence; `null` for the organisation's only. */
  aiSystemRef?: string | null;
  status?: EvidenceStatus;
  /** Not yet expired, expiring before this. */
  expiringBefore?: Date;
  now?: Date;
  limit?: number;
  offset?: number;
}

function toStored(row: any): StoredEvidence {
  return {
    id: row.id,
    controlId: row.control_id,
    aiSystemRef: row.ai_system_ref ?? null,
    title: row.title,
    href: row.href ?? null,
    reference: row.reference ?? null,
    collectedBy: row.collected_by,
    collectedAt: toIsoTimestamp(row.collected_at)!,
    expiresAt: toIsoTimestamp(row.expires_at),
    status: row.status,
    live: parseJsonColumn(row.live),
    revision: Number(row.revision),
    createdAt: toIsoTimestamp(row.created_at)!,
    updatedAt: toIsoTimestamp(row.updated_at)!,
  };
}

function columns(fields: EvidenceFields) {
  return {
    title: fields.title,
    href: fields.href,
    reference: fields.reference,
    collected_at: fields.collectedAt,
    expires_at: fields.expiresAt,
    status: fields.status,
    live: fields.live ? JSON.stringify(fields.live) : null,
  };
}

/** Evidence items of controls: the organisation's (no AI system) or one AI system's. */
export class EvidenceStore {
  constructor(private readonly knex: Knex) {}

  async insert(
    item: EvidenceFields & {
      id: string;
      controlId: string;
      aiSystemRef: string | null;
      collectedBy: string;
      at: Date;
    },
    db: Db = this.knex,
  ): Promise<void> {
    await db(TABLE).insert({
      id: item.id,
      control_id: item.controlId,
      ai_system_ref: item.aiSystemRef ? normalizeRef(item.aiSystemRef) : null,
      collected_by: item.collectedBy,
      ...columns(item),
      revision: 1,
      created_at: item.at,
      updated_at: item.at,
    });
  }

  async get(
    id: string,
    db: Db = this.knex,
  ): Promise<StoredEvidence | undefined> {
    // ids are UUIDs: PostgreSQL refuses to compare its uuid column with anything else
    if (!UUID.test(id)) return undefined;
    const row = await db(TABLE).where({ id }).first();
    return row ? toStored(row) : undefined;
  }

  /** Conditional update on `revision`; false when another write got there first. */
  async update(
    id: string,
    revision: number,
    fields: EvidenceFields,
    at: Date,
    db: Db = this.knex,
  ): Promise<boolean> {
    const n = await db(TABLE)
      .where({ id, revision })
      .update({ ...columns(fields), revision: revision + 1, updated_at: at });
    return Number(n) === 1;
  }

  /**
   * `GET /soa/evidence`: soonest expiry first (no expiry last), evidence of `hidden` AI
   * systems left out in SQL so the limit only counts what the caller may see.
   */
  async list(
    filter: EvidenceFilter,
    hidden: ReadonlySet<string>,
  ): Promise<StoredEvidence[]> {
    const q = excludeHiddenRefs(this.knex(TABLE), ['ai_system_ref'], hidden);
    if (filter.controlId) q.where('control_id', filter.controlId);
    if (filter.aiSystemRef === null) q.whereNull('ai_system_ref');
    else if (filter.aiSystemRef)
      q.where('ai_system_ref', normalizeRef(filter.aiSystemRef));
    if (filter.status) q.where('status', filter.status);
    if (filter.expiringBefore) {
      q.whereNotNull('expires_at')
        .where('expires_at', '<=', filter.expiringBefore)
        .where('expires_at', '>', filter.now ?? new Date())
        .whereNot('status', 'expired');
    }
    q.orderByRaw('CASE WHEN expires_at IS NULL THEN 1 ELSE 0 END')
      .orderBy('expires_at', 'asc')
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc');
    if (filter.limit !== undefined) q.limit(filter.limit);
    if (filter.offset) q.offset(filter.offset);
    return (await q).map(toStored);
  }

  /** The organisation's evidence (no AI system), every control. */
  async forOrganisation(db: Db = this.knex): Promise<StoredEvidence[]> {
    return (
      await db(TABLE).whereNull('ai_system_ref').orderBy('created_at', 'asc')
    ).map(toStored);
  }

  /** The evidence of some AI systems, in one query per chunk of refs. */
  async forSystems(refs: readonly string[]): Promise<StoredEvidence[]> {
    const out: StoredEvidence[] = [];
    for (const part of chunk([...new Set(refs.map(normalizeRef))])) {
      const rows = await this.knex(TABLE)
        .whereIn('ai_system_ref', part)
        .orderBy('created_at', 'asc');
      out.push(...rows.map(toStored));
    }
    return out;
  }

  /**
   * What decides whether these systems' evidence counts now, for the coverage counts only:
   * approved items alone can be current (evidenceStanding). The static ones (no live source)
   * count by their expiry alone, so they come as one row per system and control (whether one
   * never expires, and the latest expiry); the live ones, which need their source's health,
   * come in full. Far fewer rows than `forSystems` for a page of systems.
   */
  async approvedForSystems(refs: readonly string[]): Promise<{
    static: Array<{
      aiSystemRef: string;
      controlId: string;
      openEnded: boolean;
      latestExpiry: string | null;
    }>;
    live: StoredEvidence[];
  }> {
    const result = { static: [] as any[], live: [] as StoredEvidence[] };
    await Promise.all(
      chunk([...new Set(refs.map(normalizeRef))]).map(async part => {
        const [grouped, live] = await Promise.all([
          this.knex(TABLE)
            .select('ai_system_ref', 'control_id')
            .max({ latest: 'expires_at' })
            .count({ total: '*' })
            .count({ expiring: 'expires_at' })
            .whereIn('ai_system_ref', part)
            .where('status', 'approved')
            .whereNull('live')
            .groupBy('ai_system_ref', 'control_id'),
          this.knex(TABLE)
            .whereIn('ai_system_ref', part)
            .where('status', 'approved')
            .whereNotNull('live'),
        ]);
        for (const row of grouped as any[])
          result.static.push({
            aiSystemRef: row.ai_system_ref,
            controlId: row.control_id,
            // count(expires_at) leaves out the items without an expiry
            openEnded: Number(row.total) > Number(row.expiring),
            latestExpiry: toIsoTimestamp(row.latest),
          });
        result.live.push(...live.map(toStored));
      }),
    );
    return result;
  }

  /**
   * Marks the items past their expiry (and not yet expired) as `expired`, returning them as
   * they were before; conditional on their revision so a concurrent edit wins.
   */
  async expireDue(now: Date, trx: Knex.Transaction): Promise<StoredEvidence[]> {
    const due = (
      await trx(TABLE)
        .whereNotNull('expires_at')
        .where('expires_at', '<=', now)
        .whereNot('status', 'expired')
    ).map(toStored);
    const expired: StoredEvidence[] = [];
    for (const e of due) {
      const n = await trx(TABLE)
        .where({ id: e.id, revision: e.revision })
        .update({
          status: 'expired',
          revision: e.revision + 1,
          updated_at: now,
        });
      if (Number(n) === 1) expired.push(e);
    }
    return expired;
  }
}
