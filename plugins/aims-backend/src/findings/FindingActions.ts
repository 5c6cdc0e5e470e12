import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { FindingStatus } from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { FindingStore } from './FindingStore';
import { AccessControl } from '../permissions/AccessControl';
import { AuditTrail } from '../audit/AuditTrail';

export const FINDING_ACTIONS = {
  acknowledge: 'acknowledged',
  resolve: 'resolved',
  snooze: 'snoozed',
  'accept-risk': 'risk-accepted',
} as const satisfies Record<string, FindingStatus>;
export type FindingAction = keyof typeof FINDING_ACTIONS;

/** `until` as a date (YYYY-MM-DD, end of that day UTC) or an ISO date-time with a timezone. */
function parseUntil(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T23:59:59.999Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value
      ? undefined
      : d;
  }
  if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(value))
    return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * `POST /findings/:id/actions`: owners of the finding's component or AI system (catalog
 * ownership against the caller's ownership refs) or members of the compliance group act on a
 * finding. Each action sets the status, goes to the finding's event history and to the audit
 * log, in one transaction.
 */
export class FindingActions {
  constructor(
    private readonly deps: {
      knex: Knex;
      findings: FindingStore;
      catalog: CatalogService;
      auth: AuthService;
      access: AccessControl;
      audit: AuditTrail;
      complianceGroup: string;
      clock?: () => Date;
    },
  ) {}

  async get(id: string) {
    const finding = await this.deps.findings.get(id);
    if (!finding) throw new NotFoundError(`No finding ${id}`);
    return { ...finding, events: await this.deps.findings.events.list(id) };
  }

  private async owners(refs: string[]): Promise<Set<string>> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials },
    );
    return new Set(
      items.flatMap(e =>
        (e?.relations ?? [])
          .filter(r => r.type === RELATION_OWNED_BY)
          .map(r => r.targetRef.toLocaleLowerCase('en-US')),
      ),
    );
  }

  async act(id: string, body: any, credentials: BackstageCredentials) {
    const now = this.deps.clock ? this.deps.clock() : new Date();
    const action = body?.action as FindingAction;
    if (typeof action !== 'string' || !Object.hasOwn(FINDING_ACTIONS, action)) {
      throw new InputError(
        `action must be one of ${Object.keys(FINDING_ACTIONS).join(', ')}`,
      );
    }
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    if (!reason) throw new InputError('reason is required');
    let until: Date | undefined;
    if (action === 'snooze' || action === 'accept-risk') {
      if (body.until === undefined || body.until === null || body.until === '')
        throw new InputError(`until is required for ${action}`);
      until = parseUntil(body.until);
      if (!until)
        throw new InputError(
          'until must be an ISO date (2026-12-31) or date-time with a timezone',
        );
      if (until.getTime() <= now.getTime())
        throw new InputError('until must be in the future');
    } else if (body.until !== undefined) {
      throw new InputError('until is only allowed for snooze and accept-risk');
    }

    const finding = await this.deps.findings.get(id);
    if (!finding) throw new NotFoundError(`No finding ${id}`);
    const actor = this.deps.access.requireUser(credentials, 'act on findings');
    const mine = (await this.deps.access.ownershipEntityRefs(credentials)).map(
      r => r.toLocaleLowerCase('en-US'),
    );
    const targets = [finding.entityRef, finding.aiSystemRef].filter(
      (r): r is string => !!r,
    );
    if (!mine.includes(this.deps.complianceGroup)) {
      const owners = await this.owners(targets);
      if (!mine.some(r => owners.has(r))) {
        throw new NotAllowedError(
          `You are not allowed to ${action} finding ${id}: only the owners of ${targets.join(
            ' or ',
          )} or compliance may`,
        );
      }
    }

    const status = FINDING_ACTIONS[action];
    const event = {
      actor,
      action: `finding.${action}`,
      entityRef: finding.entityRef,
      details: {
        findingId: finding.id,
        type: finding.type,
        aiSystemRef: finding.aiSystemRef,
        environment: finding.environment,
        from: finding.status,
        to: status,
        reason,
        ...(until ? { until: until.toISOString() } : {}),
      },
    };
    await this.deps.knex.transaction(async trx => {
      await this.deps.findings.applyAction(trx, finding, {
        action,
        status,
        reason,
        until,
        actor,
      });
      await this.deps.audit.record(event, trx);
    });
    await this.deps.audit.emit(event);
    return this.get(id);
  }
}
