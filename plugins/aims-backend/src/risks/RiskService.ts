import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AISystemEntityV1alpha1,
  RiskHeatMapResponse,
  pickRiskInput,
  RiskInput,
  RiskMatrix,
  aimsRiskAssignOwnerPermission,
  aimsRiskUpdatePermission,
  diffDocuments,
  maySignOffRisk,
  riskHeatMap,
  riskScore,
  validateRiskInput,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { NewAuditEvent } from '../audit/AuditLogStore';
import { RiskStore } from './RiskStore';
import { normalizeRef } from '../lib/db';
import { entityRefOf } from '../inventory/inventoryItem';
import { toFullRef } from '../lib/ownership';
import { CatalogParties } from '../lib/CatalogParties';
import { RiskQuery } from './riskQuery';
import {
  RISK_STATUSES,
  RiskRecord,
  RiskStatus,
  RiskView,
  toRiskView,
} from './riskView';
import { AccessControl } from '../permissions/AccessControl';
import { AISystems } from '../lib/AISystems';
import { EntityVisibility } from '../permissions/EntityVisibility';
import { AuditTrail } from '../audit/AuditTrail';
import { ComplianceFindings } from '../findings/ComplianceFindings';
import { assertValid } from '../assessments/ImpactAssessmentService';

/** The risk input of a request body (validated by the shared validator; refs normalised). */
function toRiskInput(
  body: Record<string, unknown>,
  matrix: RiskMatrix,
): RiskInput {
  const input: Record<string, unknown> = {};
  for (const k of Object.keys(body)) {
    if (!['aiSystemRef', 'revision', 'status'].includes(k)) input[k] = body[k];
  }
  input.actions = input.actions ?? [];
  input.controls = input.controls ?? [];
  assertValid(validateRiskInput(input, matrix), 'Invalid risk');
  const risk = input as RiskInput;
  const ref = (value: string, field: string) => {
    try {
      return toFullRef(value, 'user');
    } catch {
      throw new InputError(`${field} must be an entity ref, got "${value}"`);
    }
  };
  return {
    ...risk,
    riskOwner: ref(risk.riskOwner, 'riskOwner'),
    actions: risk.actions.map((a, i) => ({
      ...a,
      owner: ref(a.owner, `actions[${i}].owner`),
    })),
  };
}

function inputOf(r: RiskRecord): Partial<RiskInput> {
  return pickRiskInput(r);
}

/** The AI risk register. */
export class RiskService {
  constructor(
    private readonly knex: Knex,
    private readonly store: RiskStore,
    private readonly systems: AISystems,
    private readonly access: AccessControl,
    private readonly visibility: EntityVisibility,
    private readonly parties: CatalogParties,
    private readonly audit: AuditTrail,
    private readonly findings: ComplianceFindings,
    readonly matrix: RiskMatrix,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** `GET /risks`: risks of AI systems the caller can't see are left out (and not counted). */
  async list(query: RiskQuery, credentials: BackstageCredentials) {
    const hidden = await this.visibility.hiddenAmong(
      await this.store.refsOf(query, this.matrix),
      credentials,
    );
    const { items, totalCount } = await this.store.list(
      query,
      this.matrix,
      hidden,
    );
    return {
      items: items.map(r => toRiskView(r, this.matrix)),
      totalCount,
      matrix: this.matrix,
    };
  }

  /**
   * `GET /risks/heatmap`: one AI system's (404 when the caller can't see it) or, without a
   * ref, the organisation's over the AI systems the caller can see.
   */
  async heatMap(
    aiSystemRef: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<RiskHeatMapResponse> {
    if (aiSystemRef) {
      await this.visibility.assertVisible(
        [aiSystemRef],
        credentials,
        `No AISystem ${aiSystemRef} in the catalog`,
      );
    }
    const hidden = aiSystemRef
      ? new Set<string>()
      : await this.visibility.hiddenAmong(
          await this.store.refsWithOpenRisks(),
          credentials,
        );
    const risks = await this.store.listOpenFor(
      aiSystemRef ? [aiSystemRef] : undefined,
      hidden,
    );
    return {
      matrix: this.matrix,
      inherent: riskHeatMap(
        risks.map(r => r.inherent),
        this.matrix,
      ),
      residual: riskHeatMap(
        risks.map(r => r.residual),
        this.matrix,
      ),
      totalCount: risks.length,
    };
  }

  /** `GET /risks/:id`: 404 when unknown or when the caller can't see its AI system. */
  async get(id: string, credentials: BackstageCredentials): Promise<RiskView> {
    return toRiskView(await this.visibleRisk(id, credentials), this.matrix);
  }

  private async visibleRisk(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<RiskRecord> {
    const risk = await this.store.get(id);
    if (
      !risk ||
      !(await this.visibility.isVisible([risk.aiSystemRef], credentials))
    ) {
      throw new NotFoundError(`No risk ${id}`);
    }
    return risk;
  }

  private async authorizeEdit(
    entity: AISystemEntityV1alpha1,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const actor = this.access.requireUser(credentials, 'edit risks');
    const ref = normalizeRef(entityRefOf(entity));
    await this.access.authorizeOnEntity(
      aimsRiskUpdatePermission,
      ref,
      credentials,
      `You are not allowed to edit the risks of ${ref}: only its owners (${entity.spec.owner}) or compliance may`,
    );
    return actor;
  }

  async create(
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<RiskView> {
    const aiSystemRef = AISystems.parseRef(body.aiSystemRef, 'aiSystemRef');
    const input = toRiskInput(body, this.matrix);
    const entity = await this.systems.get(aiSystemRef, credentials);
    const actor = await this.authorizeEdit(entity, credentials);
    input.riskOwner = await this.parties.requireUserOrGroup(
      input.riskOwner,
      'riskOwner',
      credentials,
    );
    await this.authorizeOwnRiskOwner(entity, input.riskOwner, credentials);
    const { id, event } = await this.insertRisk(aiSystemRef, input, actor);
    return this.afterWrite(entity, id, event);
  }

  /**
   * `POST /risks` naming the caller (or a group they are a member of) as the risk owner needs
   * `aims.risk.assignOwner` on the AI system, as changing the owner does: otherwise an AI
   * system's owner could create a risk owned by themselves and sign off its residual level in
   * the next request, the author accepting their own risk. Naming someone else needs only
   * `aims.risk.update`: that person, not the author, signs off.
   */
  private async authorizeOwnRiskOwner(
    entity: AISystemEntityV1alpha1,
    riskOwner: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const ownership = await this.access.ownershipEntityRefs(credentials);
    if (!maySignOffRisk({ riskOwner }, ownership)) return;
    await this.access.authorizeOnEntity(
      aimsRiskAssignOwnerPermission,
      normalizeRef(entityRefOf(entity)),
      credentials,
      `You are not allowed to name ${riskOwner} as riskOwner: a risk owner signs off the risk, so naming yourself or a group you belong to needs ${aimsRiskAssignOwnerPermission.name} (compliance); name another accountable owner`,
    );
  }

  /** Stores a new risk and its audit entry in one transaction. */
  private async insertRisk(
    aiSystemRef: string,
    input: RiskInput,
    actor: string,
    at?: Date,
    importedBy?: string,
  ): Promise<{ id: string; event: NewAuditEvent }> {
    const id = randomUUID();
    const event: NewAuditEvent = {
      actor,
      action: 'risk.created',
      entityRef: aiSystemRef,
      details: {
        riskId: id,
        title: input.title,
        changes: diffDocuments({}, input),
        ...(importedBy ? { importedBy } : {}),
      },
      ...(at ? { at } : {}),
    };
    await this.knex.transaction(async trx => {
      await this.store.insert(
        { ...input, id, aiSystemRef, createdBy: actor, createdAt: at },
        trx,
      );
      await this.audit.record(event, trx);
    });
    return { id, event };
  }

  /**
   * `PUT /risks/:id`. Changing anything but the risk owner needs `aims.risk.update` on the AI
   * system. Changing the risk owner needs `aims.risk.assignOwner` on the AI system, or being
   * the current risk owner (that user or a member of that group), who may hand the risk on;
   * the new owner must be a User or Group in the catalog as the caller sees it. A new risk
   * owner or a changed residual rating voids an existing sign-off: the owner accepted that
   * residual risk, not the new one, and the register shows the risk as needing sign-off again.
   */
  async update(
    id: string,
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<RiskView> {
    const existing = await this.visibleRisk(id, credentials);
    if (!Number.isInteger(body.revision))
      throw new InputError('revision is required');
    const status = body.status as RiskStatus | undefined;
    if (status !== undefined && !RISK_STATUSES.includes(status)) {
      throw new InputError(`status must be one of ${RISK_STATUSES.join(', ')}`);
    }
    const input = toRiskInput(body, this.matrix);
    const entity = await this.systems.get(existing.aiSystemRef, credentials);
    const actor = this.access.requireUser(credentials, 'edit risks');
    const changes = diffDocuments(
      { ...inputOf(existing), status: existing.status },
      { ...input, status: status ?? existing.status },
    );
    const ownerChanged = changes.some(c => c.field === 'riskOwner');
    if (!ownerChanged || changes.some(c => c.field !== 'riskOwner')) {
      await this.authorizeEdit(entity, credentials);
    }
    if (ownerChanged) {
      await this.authorizeOwnerChange(existing, credentials);
      input.riskOwner = await this.parties.requireUserOrGroup(
        input.riskOwner,
        'riskOwner',
        credentials,
      );
    }
    const residualChanged = changes.some(c => c.field.startsWith('residual.'));
    const voided =
      existing.signOff && (ownerChanged || residualChanged)
        ? existing.signOff
        : undefined;
    const event: NewAuditEvent = {
      actor,
      action: 'risk.updated',
      entityRef: existing.aiSystemRef,
      details: {
        riskId: id,
        title: input.title,
        changes,
        ...(voided
          ? {
              signOffVoided: {
                ...voided,
                reason: ownerChanged
                  ? 'the risk owner changed'
                  : 'the residual rating changed',
              },
            }
          : {}),
      },
    };
    await this.knex.transaction(async trx => {
      const ok = await this.store.update(
        id,
        body.revision as number,
        { input, status, ...(voided ? { signOff: null } : {}) },
        trx,
      );
      if (!ok) throw this.stale(id);
      await this.audit.record(event, trx);
    });
    return this.afterWrite(entity, id, event);
  }

  /**
   * A new risk owner: the current risk owner may hand the risk on (the permission policy
   * cannot express "the current risk owner", which is no attribute of the catalog entity);
   * anyone else needs `aims.risk.assignOwner` on the AI system (the shipped policy:
   * compliance). Owning the AI system is not enough, or its owner could name themselves and
   * sign off their own risk.
   */
  private async authorizeOwnerChange(
    existing: RiskRecord,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const ownership = await this.access.ownershipEntityRefs(credentials);
    if (maySignOffRisk(existing, ownership)) return;
    await this.access.authorizeOnEntity(
      aimsRiskAssignOwnerPermission,
      existing.aiSystemRef,
      credentials,
      `You are not allowed to change the risk owner of risk ${existing.id}: only the current risk owner (${existing.riskOwner}) or holders of ${aimsRiskAssignOwnerPermission.name} (compliance) may`,
    );
  }

  /** Only the risk owner (that user, or a member of that group) signs off the residual risk. */
  async signOff(
    id: string,
    revision: number,
    credentials: BackstageCredentials,
  ): Promise<RiskView> {
    const existing = await this.visibleRisk(id, credentials);
    const actor = this.access.requireUser(credentials, 'sign off risks');
    const ownership = await this.access.ownershipEntityRefs(credentials);
    this.assertMaySignOff(existing, ownership);
    const entity = await this.systems.get(existing.aiSystemRef, credentials);
    const event = await this.recordSignOff(
      existing,
      revision,
      actor,
      this.clock(),
    );
    return this.afterWrite(entity, id, event);
  }

  /** Only the risk owner (that user, or a member of that group) signs off the residual risk. */
  private assertMaySignOff(
    existing: RiskRecord,
    ownershipEntityRefs: readonly string[],
  ) {
    if (!maySignOffRisk(existing, ownershipEntityRefs)) {
      throw new NotAllowedError(
        `You are not allowed to sign off risk ${existing.id}: only its risk owner (${existing.riskOwner}) may`,
      );
    }
  }

  /** The sign-off of the current residual score and its audit entry, in one transaction. */
  private async recordSignOff(
    existing: RiskRecord,
    revision: number,
    actor: string,
    now: Date,
    importedBy?: string,
  ): Promise<NewAuditEvent> {
    const residualScore = riskScore(existing.residual);
    const event: NewAuditEvent = {
      actor,
      action: 'risk.signed-off',
      entityRef: existing.aiSystemRef,
      details: {
        riskId: existing.id,
        title: existing.title,
        residualScore,
        previous: existing.signOff,
        ...(importedBy ? { importedBy } : {}),
      },
    };
    await this.knex.transaction(async trx => {
      const ok = await this.store.update(
        existing.id,
        revision,
        { signOff: { by: actor, at: now, residualScore } },
        trx,
      );
      if (!ok) throw this.stale(existing.id);
      await this.audit.record({ ...event, at: now }, trx);
    });
    return { ...event, at: now };
  }

  /** Whether the AI system has any risk (record imports run once). */
  async hasRisks(aiSystemRef: string): Promise<boolean> {
    return this.store.hasRisks(aiSystemRef);
  }

  /**
   * A record import's new risk (AimsRecordWriter): validated exactly as `POST /risks`, created
   * by `actor` at `at`, without the permission check (trusted in-process code) and without the
   * catalog lookups (importers run before the catalog has ingested anything): neither the AI
   * system nor the risk owner is checked against the catalog here.
   */
  async createAs(
    aiSystemRef: string,
    risk: RiskInput,
    actor: string,
    at: Date,
    importedBy: string,
  ): Promise<{ id: string }> {
    const ref = AISystems.parseRef(aiSystemRef, 'aiSystemRef');
    const input = toRiskInput(
      risk as unknown as Record<string, unknown>,
      this.matrix,
    );
    const { id, event } = await this.insertRisk(
      ref,
      input,
      actor,
      at,
      importedBy,
    );
    await this.audit.emit(event);
    return { id };
  }

  /**
   * A record import's sign-off: only the risk owner in person (group membership comes from the
   * catalog, which importers run before), at `at`, without the permission check.
   */
  async signOffAs(
    id: string,
    actor: string,
    at: Date,
    importedBy: string,
  ): Promise<void> {
    const existing = await this.store.get(id);
    if (!existing) throw new NotFoundError(`No risk ${id}`);
    this.assertMaySignOff(existing, [actor]);
    const event = await this.recordSignOff(
      existing,
      existing.revision,
      actor,
      at,
      importedBy,
    );
    await this.audit.emit(event);
  }

  private stale(id: string) {
    return new ConflictError(
      `Stale edit: risk ${id} changed since you loaded it; reload`,
    );
  }

  private async afterWrite(
    entity: AISystemEntityV1alpha1,
    id: string,
    event: NewAuditEvent,
  ): Promise<RiskView> {
    await this.findings.recompute(entity);
    await this.audit.emit(event);
    const risk = await this.store.get(id);
    if (!risk) throw new NotFoundError(`No risk ${id}`);
    return toRiskView(risk, this.matrix);
  }
}
