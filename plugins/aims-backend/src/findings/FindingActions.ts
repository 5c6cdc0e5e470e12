import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  FindingStatus,
  aimsFindingActPermission,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { FindingStore } from './FindingStore';
import { FindingDetails, FindingService } from './FindingService';
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
 * `POST /findings/:id/actions`: decided by the resource permission `aims.finding.act` on the
 * catalog entity the finding is on (the Component for drift, else the AI system), so the
 * adopter's policy says who may (the shipped `aimsPolicyDecision` allows the entity's owners
 * and compliance). A finding the caller can't see is 404. Each action sets the status, goes
 * to the finding's event history and to the audit log, in one transaction.
 */
export class FindingActions {
  constructor(
    private readonly deps: {
      knex: Knex;
      findings: FindingStore;
      reader: FindingService;
      access: AccessControl;
      audit: AuditTrail;
      clock?: () => Date;
    },
  ) {}

  async act(
    id: string,
    body: any,
    credentials: BackstageCredentials,
  ): Promise<FindingDetails> {
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

    const finding = await this.deps.reader.find(id, credentials);
    if (!finding) throw new NotFoundError(`No finding ${id}`);
    const actor = this.deps.access.requireUser(credentials, 'act on findings');
    await this.deps.access.authorizeOnEntity(
      aimsFindingActPermission,
      finding.entityRef,
      credentials,
      `You are not allowed to ${action} finding ${id}: acting on findings on ${finding.entityRef} needs the aims.finding.act permission on it (granted to its owners and compliance by the AIMS policy)`,
    );

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
    return this.deps.reader.get(id, credentials);
  }
}
