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

/**
 * `GET /audit` as a caller: events about entities the caller can't see in the catalog are
 * left out (asked in one batched catalog request, applied in SQL so `limit` and `before`
 * page over what the caller may read). An event about a visible entity whose details name a
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
  ): Promise<AuditEvent[]> {
    const refs = await this.store.refsOf(options);
    const hidden = await this.visibility.hiddenAmong(refs, credentials);
    const events = await this.store.list(options, hidden);

    const known = new Set(refs.map(normalizeRef));
    const named = events
      .map(namedAISystem)
      .filter((r): r is string => !!r && !known.has(r));
    const hiddenNamed = named.length
      ? await this.visibility.hiddenAmong(named, credentials)
      : new Set<string>();
    return events.map(event => {
      const ref = namedAISystem(event);
      if (!ref || !(hidden.has(ref) || hiddenNamed.has(ref))) return event;
      const { aiSystemRef: _hidden, ...details } = event.details as Record<
        string,
        unknown
      >;
      return { ...event, details };
    });
  }
}
