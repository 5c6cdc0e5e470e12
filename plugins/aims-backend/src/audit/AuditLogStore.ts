import { AuditEvent } from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { normalizeRef, toIsoTimestamp } from '../lib/db';

const TABLE = 'aims_audit_log';
type Db = Knex | Knex.Transaction;

export interface NewAuditEvent {
  actor: string;
  action: string;
  entityRef: string;
  details: Record<string, unknown>;
  at?: Date;
}

/** The append-only audit log: this store offers no update or delete. */
export class AuditLogStore {
  constructor(
    private readonly knex: Knex,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Appends an event; pass the write's transaction so both commit together. */
  async append(event: NewAuditEvent, db: Db = this.knex): Promise<void> {
    await db(TABLE).insert({
      at: event.at ?? this.clock(),
      actor: event.actor,
      action: event.action,
      entity_ref: normalizeRef(event.entityRef),
      details: JSON.stringify(event.details),
    });
  }

  /**
   * Newest first. `before` pages: an event id (events with a smaller id) or an ISO timestamp
   * (events strictly before it). Visibility is the service's business (per page).
   */
  async list(options: {
    entityRef?: string;
    limit: number;
    before?: string;
  }): Promise<AuditEvent[]> {
    const q = this.knex(TABLE).select('*');
    if (options.entityRef)
      q.where('entity_ref', normalizeRef(options.entityRef));
    if (options.before !== undefined) {
      if (/^\d+$/.test(options.before))
        q.where('id', '<', Number(options.before));
      else q.where('at', '<', new Date(options.before));
    }
    const rows = await q.orderBy('id', 'desc').limit(options.limit);
    return rows.map((row: any) => ({
      id: String(row.id),
      at: toIsoTimestamp(row.at)!,
      actor: row.actor,
      action: row.action,
      entityRef: row.entity_ref,
      details:
        typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
    }));
  }
}
