import { Knex } from 'knex';
import { chunk, toIsoTimestamp } from '../lib/db';

const TABLE = 'aims_finding_events';
type Db = Knex | Knex.Transaction;

export interface NewFindingEvent {
  findingId: string;
  actor: string;
  action: string;
  fromStatus?: string;
  toStatus?: string;
  reason?: string;
  until?: Date;
  details?: Record<string, unknown>;
}

export type FindingEvent = {
  id: string;
  at: string;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  until: string | null;
  details: Record<string, unknown>;
};

/** The append-only history of each finding: no update or delete. */
export class FindingEventStore {
  constructor(private readonly knex: Knex) {}

  async append(
    events: readonly NewFindingEvent[],
    db: Db,
    at: Date,
  ): Promise<void> {
    for (const part of chunk(events, 200)) {
      await db(TABLE).insert(
        part.map(e => ({
          finding_id: Number(e.findingId),
          at,
          actor: e.actor,
          action: e.action,
          from_status: e.fromStatus ?? null,
          to_status: e.toStatus ?? null,
          reason: e.reason ?? null,
          until: e.until ?? null,
          details: e.details ? JSON.stringify(e.details) : null,
        })),
      );
    }
  }

  /** Oldest first. */
  async list(findingId: string): Promise<FindingEvent[]> {
    const rows = await this.knex(TABLE)
      .where({ finding_id: Number(findingId) })
      .orderBy('id', 'asc');
    return rows.map((r: any) => ({
      id: String(r.id),
      at: toIsoTimestamp(r.at)!,
      actor: r.actor,
      action: r.action,
      fromStatus: r.from_status ?? null,
      toStatus: r.to_status ?? null,
      reason: r.reason ?? null,
      until: toIsoTimestamp(r.until),
      details: r.details ? JSON.parse(r.details) : {},
    }));
  }
}
