import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  NotificationPayload,
  NotificationSeverity,
} from '@backstage/plugin-notifications-common';
import { FindingSeverity } from '@aims-backstage/backstage-plugin-aims-common';
import { FindingChange } from '../findings/FindingStore';

const SEVERITY: Record<FindingSeverity, NotificationSeverity> = {
  critical: 'critical',
  high: 'high',
  medium: 'normal',
  low: 'low',
};

const SEVERITY_RANK: Record<FindingSeverity, number> = {
  low: 0,
  medium: 1,
  high: 2,
  critical: 3,
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
 * More changes than this for the same owners in one reconcile pass go out as one digest:
 * a new model version rolled out everywhere must not bury the owners (nor the notifications
 * backend, which writes one row per member of each group) under one message per finding.
 */
export const DRIFT_DIGEST_OVER = 3;

/** Lines of a digest's description before "and N more". */
const DIGEST_LINES = 5;

/**
 * Tells the owners of a component about drift findings that opened, reopened or rose in
 * severity: one notification per change to the component's owning group(s), scoped by the
 * finding key so a later change replaces it in place — or, when one pass changes more than
 * `DRIFT_DIGEST_OVER` findings for the same owners, one digest listing them. Never fails the
 * caller: when the notifications backend is not installed or unreachable, it logs and moves on.
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
    // changes grouped by who is told, in the order they came
    const byRecipients = new Map<
      string,
      { recipients: string[]; changes: FindingChange[] }
    >();
    for (const c of changes) {
      const { draft } = c;
      let recipients = owners.get(draft.entityRef) ?? [];
      if (!recipients.length && draft.aiSystemRef)
        recipients = owners.get(draft.aiSystemRef) ?? [];
      if (!recipients.length) continue;
      const sorted = [...new Set(recipients)].sort();
      const group = byRecipients.get(sorted.join('\n')) ?? {
        recipients: sorted,
        changes: [],
      };
      group.changes.push(c);
      byRecipients.set(sorted.join('\n'), group);
    }
    for (const { recipients, changes: theirs } of byRecipients.values()) {
      if (theirs.length > DRIFT_DIGEST_OVER) {
        await this.send(
          recipients,
          digestPayload(theirs, recipients),
          `digest of ${theirs.length}`,
        );
        continue;
      }
      for (const c of theirs)
        await this.send(recipients, changePayload(c), c.draft.key);
    }
  }

  private async send(
    recipients: string[],
    payload: NotificationPayload,
    what: string,
  ) {
    try {
      await this.notifications!.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload,
      });
    } catch (e) {
      this.logger.debug(
        `AIMS drift notification for ${what} not sent: ${(e as Error).message}`,
      );
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

const changeWords = ({ change, draft, previousSeverity }: FindingChange) =>
  ({
    opened: 'Drift',
    reopened: 'Drift again',
    'severity-raised': `Drift now ${draft.severity} (was ${previousSeverity})`,
  }[change]);

const entityPage = (ref: string) => {
  const e = parseEntityRef(ref);
  return `/catalog/${e.namespace}/${e.kind}/${e.name}`;
};

/** One change, in place by finding key. */
function changePayload(c: FindingChange): NotificationPayload {
  const { draft } = c;
  const component = parseEntityRef(draft.entityRef);
  const subject = draft.aiSystemRef ?? String(draft.evidence.model ?? '');
  const what = TITLES[draft.type] ?? draft.type;
  return {
    title: `${changeWords(c)}: ${component.name} ${what} (${
      draft.environment
    })`,
    description: `${draft.type} on ${draft.entityRef}${
      subject ? ` for ${subject}` : ''
    } in ${draft.environment}: severity ${draft.severity}.`,
    link: entityPage(draft.entityRef),
    severity: SEVERITY[draft.severity],
    topic: `aims-drift:${draft.type}`,
    scope: draft.key,
  };
}

/**
 * Many changes for the same owners: one message naming them, as severe as the worst, linking
 * to the component when there is one and to the (first) owner's AI inventory otherwise.
 * Unscoped: a digest is a moment's news; the findings stay on the components' pages.
 */
function digestPayload(
  changes: readonly FindingChange[],
  recipients: readonly string[],
): NotificationPayload {
  const components = [...new Set(changes.map(c => c.draft.entityRef))];
  const worst = changes
    .map(c => c.draft.severity)
    .reduce((a, b) => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a));
  const lines = changes.slice(0, DIGEST_LINES).map(c => {
    const { draft } = c;
    return `${parseEntityRef(draft.entityRef).name} ${
      TITLES[draft.type] ?? draft.type
    } (${draft.environment}, ${draft.severity}${
      {
        opened: '',
        reopened: ', again',
        'severity-raised': `, was ${c.previousSeverity}`,
      }[c.change]
    })`;
  });
  const more = changes.length - lines.length;
  const onOne = components.length === 1;
  // the inventory filters by one owner: the first group told
  const owner = recipients[0];
  return {
    title: `Drift: ${changes.length} findings changed on ${
      onOne
        ? parseEntityRef(components[0]).name
        : `${components.length} components`
    }`,
    description: `${lines.join('; ')}${more ? `; and ${more} more` : ''}.`,
    link: onOne
      ? entityPage(components[0])
      : `/ai-inventory${owner ? `?owner=${encodeURIComponent(owner)}` : ''}`,
    severity: SEVERITY[worst],
    topic: 'aims-drift:digest',
  };
}
