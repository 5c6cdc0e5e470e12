import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuditEvent } from '@aims-backstage/backstage-plugin-aims-common';
import { normalizeRef } from '../lib/db';
import { EntityVisibility } from '../permissions/EntityVisibility';
import { AuditLogStore } from './AuditLogStore';

/** The AI system an event's details name besides its entity (a finding action's). */
const namedAISystem = (event: AuditEvent): string | undefined => {
  const ref = (event.details as Record<string, unknown> | null)?.aiSystemRef;
  return typeof ref === 'string' && ref ? normalizeRef(ref) : undefined;
};

/** One page of the audit log as a caller sees it. */
export type AuditPage = {
  items: AuditEvent[];
  /** The cursor of the next (older) page; absent when no older events exist. */
  nextBefore?: string;
};

/**
 * How many stored batches of `limit` events one page reads at most: events the caller can't
 * see are skipped, so a page may need more than one batch, but never the whole log.
 */
export const MAX_AUDIT_BATCHES_PER_PAGE = 5;

/**
 * `GET /audit` as a caller, one page at a time: the store is read newest first in batches of
 * `limit` events; events about entities the caller can't see in the catalog are left out (asked
 * per batch, in one batched catalog request for the batch's entities) until the page is full or
 * {@link MAX_AUDIT_BATCHES_PER_PAGE} batches were read, so neither the database read nor the
 * catalog request grows with the log. An event about a visible entity whose details name a
 * hidden AI system (an action on a drift finding of a visible component) stays, without that
 * name.
 */
export class AuditLogService {
  constructor(
    private readonly store: AuditLogStore,
    private readonly visibility: EntityVisibility,
  ) {}

  async list(
    options: { entityRef?: string; limit: number; before?: string },
    credentials: BackstageCredentials,
  ): Promise<AuditPage> {
    const { entityRef, limit } = options;
    const items: AuditEvent[] = [];
    let before = options.before;
    for (let batch = 0; batch < MAX_AUDIT_BATCHES_PER_PAGE; batch++) {
      const events = await this.store.list({ entityRef, before, limit });
      const visible = await this.visibleOf(events, credentials);
      for (const event of events) {
        before = event.id;
        const shown = visible.get(event.id);
        if (shown) items.push(shown);
        if (items.length === limit) {
          return { items, nextBefore: event.id };
        }
      }
      // a short batch is the end of the log
      if (events.length < limit) return { items };
    }
    return { items, nextBefore: before };
  }

  /** The events of a batch the caller may read (by id), hidden AI system names removed. */
  private async visibleOf(
    events: AuditEvent[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, AuditEvent>> {
    if (!events.length) return new Map();
    const refs = [...new Set(events.map(e => normalizeRef(e.entityRef)))];
    const hidden = await this.visibility.hiddenAmong(refs, credentials);
    const known = new Set(refs);
    const named = [
      ...new Set(
        events
          .map(namedAISystem)
          .filter((r): r is string => !!r && !known.has(r)),
      ),
    ];
    const hiddenNamed = named.length
      ? await this.visibility.hiddenAmong(named, credentials)
      : new Set<string>();
    const visible = new Map<string, AuditEvent>();
    for (const event of events) {
      if (hidden.has(normalizeRef(event.entityRef))) continue;
      const ref = namedAISystem(event);
      if (!ref || !(hidden.has(ref) || hiddenNamed.has(ref))) {
        visible.set(event.id, event);
        continue;
      }
      const { aiSystemRef: _hidden, ...details } = event.details as Record<
        string,
        unknown
      >;
      visible.set(event.id, { ...event, details });
    }
    return visible;
  }
}
