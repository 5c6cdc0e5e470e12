import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { FindingSeverity } from '@aims-backstage/backstage-plugin-aims-common';
import { FindingChange } from '../findings/FindingStore';

const SEVERITY: Record<FindingSeverity, NotificationSeverity> = {
  critical: 'critical',
  high: 'high',
  medium: 'normal',
  low: 'low',
};

/** What a drift finding is about, in words. */
const TITLES: Record<string, string> = {
  'version-mismatch': 'runs another version than declared',
  'undeclared-ai-usage': 'uses AI that no AISystem declares',
  'declared-not-observed': 'is declared but not seen deployed',
  'environment-mismatch': 'runs in an undeclared environment',
  'retired-but-running': 'is retired or deprecated but still running',
  'unassessed-in-production':
    'runs in production without an approved impact assessment',
};

/**
 * Tells the owners of a component about drift findings that opened, reopened or rose in
 * severity: one notification per change to the component's owning group(s), scoped by the
 * finding key so a later change replaces it in place. Never fails the caller: when the
 * notifications backend is not installed or unreachable, it logs and moves on.
 */
export class DriftNotifier {
  constructor(
    private readonly notifications: NotificationService | undefined,
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
  ) {}

  async notify(changes: readonly FindingChange[]): Promise<void> {
    if (!this.notifications || !changes.length) return;
    const owners = await this.ownersOf(
      changes.flatMap(c =>
        c.draft.aiSystemRef
          ? [c.draft.entityRef, c.draft.aiSystemRef]
          : [c.draft.entityRef],
      ),
    );
    for (const { change, draft, previousSeverity } of changes) {
      let recipients = owners.get(draft.entityRef) ?? [];
      if (!recipients.length && draft.aiSystemRef)
        recipients = owners.get(draft.aiSystemRef) ?? [];
      if (!recipients.length) continue;
      const component = parseEntityRef(draft.entityRef);
      const subject = draft.aiSystemRef ?? String(draft.evidence.model ?? '');
      const what = TITLES[draft.type] ?? draft.type;
      const prefix = {
        opened: 'Drift',
        reopened: 'Drift again',
        'severity-raised': `Drift now ${draft.severity} (was ${previousSeverity})`,
      }[change];
      try {
        await this.notifications.send({
          recipients: { type: 'entity', entityRef: recipients },
          payload: {
            title: `${prefix}: ${component.name} ${what} (${draft.environment})`,
            description: `${draft.type} on ${draft.entityRef}${
              subject ? ` for ${subject}` : ''
            } in ${draft.environment}: severity ${draft.severity}.`,
            link: `/catalog/${component.namespace}/${component.kind}/${component.name}`,
            severity: SEVERITY[draft.severity],
            topic: `aims-drift:${draft.type}`,
            scope: draft.key,
          },
        });
      } catch (e) {
        this.logger.debug(
          `AIMS drift notification for ${draft.key} not sent: ${
            (e as Error).message
          }`,
        );
      }
    }
  }

  /** Owners of each entity, in one catalog request (none when the catalog cannot answer). */
  private async ownersOf(refs: string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(refs)];
    const owners = new Map<string, string[]>();
    try {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: unique, fields: ['kind', 'metadata', 'relations'] },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      unique.forEach((ref, i) =>
        owners.set(
          ref,
          (items[i]?.relations ?? [])
            .filter(r => r.type === RELATION_OWNED_BY)
            .map(r => r.targetRef),
        ),
      );
    } catch (e) {
      this.logger.debug(
        `AIMS drift notifications: owners not found: ${(e as Error).message}`,
      );
    }
    return owners;
  }
}
