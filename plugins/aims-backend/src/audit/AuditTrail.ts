import { AuditorService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { AuditLogStore, NewAuditEvent } from './AuditLogStore';

/**
 * Every write appends to the plugin's audit log in the write's own transaction (so a 2xx
 * means the audit entry is committed too), and is also reported to the Backstage auditor.
 */
export class AuditTrail {
  constructor(
    private readonly store: AuditLogStore,
    private readonly auditor?: AuditorService,
  ) {}

  async record(event: NewAuditEvent, trx: Knex.Transaction): Promise<void> {
    await this.store.append(event, trx);
  }

  /** After commit: the Backstage auditor (best effort, never fails the request). */
  async emit(event: NewAuditEvent): Promise<void> {
    if (!this.auditor) return;
    try {
      const e = await this.auditor.createEvent({
        eventId: event.action.replace(/\./g, '-'),
        severityLevel: 'medium',
        meta: {
          actor: event.actor,
          entityRef: event.entityRef,
          details: JSON.parse(JSON.stringify(event.details)),
        },
      });
      await e.success();
    } catch {
      // the plugin's own audit log already holds the event
    }
  }
}
