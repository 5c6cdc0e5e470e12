import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  FINDING_ACTION_OUTCOMES,
  ORGANISATION_SOA_REF,
  aimsFindingActPermission,
  aimsSoaApprovePermission,
  checkFindingActionRequest,
  findingActionStatusProblem,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { FindingStore } from './FindingStore';
import { FindingDetails, FindingService } from './FindingService';
import { AccessControl } from '../permissions/AccessControl';
import { AuditTrail } from '../audit/AuditTrail';

/**
 * `POST /findings/:id/actions`: decided by the resource permission `aims.finding.act` on the
 * catalog entity the finding is on (the Component for drift, else the AI system), so the
 * adopter's policy says who may (the shipped `aimsPolicyDecision` allows the entity's owners
 * and compliance). Findings of the organisation's SoA (ORGANISATION_SOA_REF, no catalog
 * entity) need `aims.soa.approve`. A finding the caller can't see is 404. Each action sets the status, goes
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
    // the shared rules of aims-common: the frontend offers only what passes them
    const request = checkFindingActionRequest(
      { action: body?.action, until: body?.until },
      now,
    );
    if (request.problem !== undefined) throw new InputError(request.problem);
    const { action, until } = request;
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    if (!reason) throw new InputError('reason is required');

    const finding = await this.deps.reader.find(id, credentials);
    if (!finding) throw new NotFoundError(`No finding ${id}`);
    const actor = this.deps.access.requireUser(credentials, 'act on findings');
    if (finding.entityRef === ORGANISATION_SOA_REF) {
      // the organisation's SoA is no catalog entity: its findings are the approvers' to act on
      await this.deps.access.authorizeBasic(
        aimsSoaApprovePermission,
        credentials,
        `You are not allowed to ${action} finding ${id}: acting on findings of the organisation's Statement of Applicability needs the aims.soa.approve permission (compliance)`,
      );
    } else {
      await this.deps.access.authorizeOnEntity(
        aimsFindingActPermission,
        finding.entityRef,
        credentials,
        `You are not allowed to ${action} finding ${id}: acting on findings on ${finding.entityRef} needs the aims.finding.act permission on it (granted to its owners and compliance by the AIMS policy)`,
      );
    }

    const refused = findingActionStatusProblem(action, finding.status);
    if (refused) throw new InputError(refused);
    const status = FINDING_ACTION_OUTCOMES[action];
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
