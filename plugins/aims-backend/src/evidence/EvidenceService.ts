import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  AISystemEntityV1alpha1,
  Evidence,
  EvidenceInput,
  EvidenceStatus,
  ORGANISATION_SOA_REF,
  aimsSoaApprovePermission,
  aimsSoaUpdatePermission,
  getAnnexAControl,
  parseEvidenceDate,
  validateEvidenceInput,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { NewAuditEvent } from '../audit/AuditLogStore';
import { AuditTrail } from '../audit/AuditTrail';
import { ComplianceFindings } from '../findings/ComplianceFindings';
import { AISystems } from '../lib/AISystems';
import { normalizeRef } from '../lib/db';
import { AccessControl } from '../permissions/AccessControl';
import { EntityVisibility } from '../permissions/EntityVisibility';
import { ControlData } from '../soa/ControlData';
import { ImportedWrite, SoaService, assertNoProblems } from '../soa/SoaService';
import { SoaStore } from '../soa/SoaStore';
import { EvidenceFields, EvidenceStore, StoredEvidence } from './EvidenceStore';

/** The actor the audit log names for the scheduled expiry. */
export const EVIDENCE_EXPIRY_ACTOR = 'aims:evidence-expiry';

const DAY_MS = 86_400_000;

/** What `GET /soa/evidence` accepts (the spec checked types and ranges). */
export interface EvidenceQuery {
  controlId?: string;
  aiSystemRef?: string;
  status?: EvidenceStatus;
  expiringWithinDays?: number;
  limit?: number;
}

const FIELDS: readonly (keyof EvidenceFields)[] = [
  'title',
  'href',
  'reference',
  'collectedAt',
  'expiresAt',
  'status',
  'live',
];

const comparable = (v: unknown) =>
  JSON.stringify(v instanceof Date ? v.toISOString() : v ?? null);

/** Field-level before/after of an evidence item for the audit log. */
function changesOf(
  before: Partial<Record<keyof EvidenceFields, unknown>>,
  after: EvidenceFields,
) {
  return FIELDS.filter(f => comparable(before[f]) !== comparable(after[f])).map(
    field => ({
      field,
      before: before[field] ?? null,
      after:
        after[field] instanceof Date
          ? (after[field] as Date).toISOString()
          : after[field] ?? null,
    }),
  );
}

/**
 * Evidence of controls: the organisation's (its SoA) or one AI system's. Whether an item
 * counts (`current`) is computed on every read; only the scheduled expiry writes `expired`.
 * Reads follow catalog visibility: a system's evidence is absent for callers who can't see it.
 */
/** How many evidence items a list answers when the caller names no limit. */
export const DEFAULT_EVIDENCE_LIMIT = 200;

export class EvidenceService {
  constructor(
    private readonly deps: {
      knex: Knex;
      store: EvidenceStore;
      soaStore: SoaStore;
      soa: SoaService;
      data: ControlData;
      systems: AISystems;
      access: AccessControl;
      visibility: EntityVisibility;
      audit: AuditTrail;
      findings: ComplianceFindings;
      auth: AuthService;
      logger?: LoggerService;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.clock ? this.deps.clock() : new Date();
  }

  private async withStanding(items: StoredEvidence[]): Promise<Evidence[]> {
    const now = this.now();
    return this.deps.data.withStanding(
      items,
      now,
      await this.deps.data.sourceHealth(now),
      await this.deps.data.metricHealth(items),
    );
  }

  /**
   * Evidence the caller may see, soonest expiry first, at most `limit` (default
   * {@link DEFAULT_EVIDENCE_LIMIT}). Pages through the store and asks the catalog only about the
   * AI systems on each page, so a list over hundreds of thousands of items costs a page, not a
   * visibility check of every AI system that has evidence.
   */
  async list(
    query: EvidenceQuery,
    credentials: BackstageCredentials,
  ): Promise<Evidence[]> {
    const now = this.now();
    const aiSystemRef = query.aiSystemRef
      ? AISystems.parseRef(query.aiSystemRef, 'aiSystemRef')
      : undefined;
    if (
      aiSystemRef &&
      (await this.deps.visibility.hiddenAmong([aiSystemRef], credentials)).has(
        aiSystemRef,
      )
    )
      return [];
    const limit = query.limit ?? DEFAULT_EVIDENCE_LIMIT;
    const pageSize = Math.min(Math.max(limit * 2, 100), 2000);
    const visible = new Map<string, boolean>();
    const items: StoredEvidence[] = [];
    for (let offset = 0; items.length < limit; offset += pageSize) {
      const page = await this.deps.store.list(
        {
          controlId: query.controlId,
          aiSystemRef,
          status: query.status,
          expiringBefore: query.expiringWithinDays
            ? new Date(now.getTime() + query.expiringWithinDays * DAY_MS)
            : undefined,
          now,
          limit: pageSize,
          offset,
        },
        new Set(),
      );
      const unknown = [
        ...new Set(
          page
            .map(e => e.aiSystemRef)
            .filter((r): r is string => !!r && !visible.has(r)),
        ),
      ];
      if (unknown.length) {
        const hidden = await this.deps.visibility.hiddenAmong(
          unknown,
          credentials,
        );
        for (const ref of unknown) visible.set(ref, !hidden.has(ref));
      }
      items.push(
        ...page.filter(e => !e.aiSystemRef || visible.get(e.aiSystemRef)),
      );
      if (page.length < pageSize) break;
    }
    return this.withStanding(items.slice(0, limit));
  }

  /** The fields of a validated input (400 naming the field otherwise). */
  private fieldsOf(
    input: EvidenceInput,
    defaultStatus: EvidenceStatus,
  ): EvidenceFields {
    assertNoProblems(validateEvidenceInput(input), 'Invalid evidence');
    return {
      title: input.title.trim(),
      href: input.href?.trim() || null,
      reference: input.reference?.trim() || null,
      collectedAt: parseEvidenceDate(input.collectedAt)!,
      expiresAt:
        input.expiresAt === undefined || input.expiresAt === null
          ? null
          : parseEvidenceDate(input.expiresAt)!,
      status: input.status ?? defaultStatus,
      live: input.live ?? null,
    };
  }

  /**
   * Who may write evidence: on an AI system, aims.soa.update on it (its owners, compliance);
   * the organisation's, aims.soa.update without a resource (compliance) or the control's owner.
   */
  private async authorizeScope(
    scope: { controlId: string; system?: AISystemEntityV1alpha1; ref?: string },
    credentials: BackstageCredentials,
  ): Promise<string> {
    const what = `add or change evidence of ${scope.controlId}${
      scope.ref ? ` for ${scope.ref}` : ' in the SoA'
    }`;
    if (!scope.ref) {
      return this.deps.soa.requireControlEditor(
        scope.controlId,
        credentials,
        what,
      );
    }
    const actor = this.deps.access.requireUser(credentials, what);
    await this.deps.access.authorizeOnEntity(
      aimsSoaUpdatePermission,
      scope.ref,
      credentials,
      `You are not allowed to ${what}: only its owners${
        scope.system ? ` (${scope.system.spec.owner})` : ''
      } or compliance (aims.soa.update) may`,
    );
    return actor;
  }

  /** approved and rejected are decisions of approvers (aims.soa.approve). */
  private async authorizeStatus(
    status: EvidenceStatus,
    credentials: BackstageCredentials,
  ) {
    if (status === 'approved' || status === 'rejected') {
      await this.deps.access.authorizeBasic(
        aimsSoaApprovePermission,
        credentials,
        `You are not allowed to set evidence to ${status}: only approvers (aims.soa.approve, compliance) may`,
      );
    }
  }

  async create(
    input: EvidenceInput,
    credentials: BackstageCredentials,
  ): Promise<Evidence> {
    const controlId = input.controlId ?? '';
    const ref =
      input.aiSystemRef === undefined || input.aiSystemRef === null
        ? undefined
        : AISystems.parseRef(input.aiSystemRef, 'aiSystemRef');
    const fields = this.fieldsOf(input, 'draft');
    const system = ref
      ? await this.deps.systems.get(ref, credentials)
      : undefined;
    if (!getAnnexAControl(controlId)) {
      const additional = !ref && (await this.isAdditionalControl(controlId));
      if (!additional) {
        throw new NotFoundError(
          ref
            ? `controlId ${controlId} is not an Annex A control id`
            : `controlId ${controlId} is neither an Annex A control id nor an additional control of the SoA`,
        );
      }
    }
    const actor = await this.authorizeScope(
      { controlId, system, ref },
      credentials,
    );
    await this.authorizeStatus(fields.status, credentials);
    const id = await this.insert({ controlId, ref, fields, actor, system });
    return (await this.withStanding([(await this.deps.store.get(id))!]))[0];
  }

  /**
   * Adds evidence as `actor` without a permission check or catalog lookup: a record import is
   * trusted code that runs before the catalog has ingested anything (see RecordImportWriter).
   * The control must exist; the findings follow once the catalog has the AI system.
   */
  async createAs(
    input: EvidenceInput,
    actor: string,
    when: ImportedWrite,
  ): Promise<{ id: string }> {
    const controlId = input.controlId ?? '';
    const ref =
      input.aiSystemRef === undefined || input.aiSystemRef === null
        ? undefined
        : AISystems.parseRef(input.aiSystemRef, 'aiSystemRef');
    if (
      !getAnnexAControl(controlId) &&
      !(ref === undefined && (await this.isAdditionalControl(controlId)))
    ) {
      throw new NotFoundError(
        `controlId ${controlId} is not a control of the SoA`,
      );
    }
    const fields = this.fieldsOf(input, 'draft');
    const id = await this.insert({ controlId, ref, fields, actor, when });
    return { id };
  }

  private async isAdditionalControl(controlId: string): Promise<boolean> {
    const [latest] = await this.deps.soaStore.listVersions();
    return !!latest?.content.additionalControls.some(c => c.id === controlId);
  }

  private async insert(options: {
    controlId: string;
    ref?: string;
    fields: EvidenceFields;
    actor: string;
    system?: AISystemEntityV1alpha1;
    when?: ImportedWrite;
  }): Promise<string> {
    const { controlId, ref, fields, actor, system, when } = options;
    const now = when?.at ?? this.now();
    const id = randomUUID();
    const event: NewAuditEvent = {
      actor,
      action: 'evidence.created',
      entityRef: ref ?? ORGANISATION_SOA_REF,
      at: now,
      details: {
        evidenceId: id,
        controlId,
        changes: changesOf({}, fields),
        ...(when?.importedBy ? { importedBy: when.importedBy } : {}),
      },
    };
    await this.deps.knex.transaction(async trx => {
      await this.deps.store.insert(
        {
          ...fields,
          id,
          controlId,
          aiSystemRef: ref ?? null,
          collectedBy: actor,
          at: now,
        },
        trx,
      );
      await this.deps.audit.record(event, trx);
    });
    // an import names the AI system by ref only: its findings follow once the catalog has it
    if (system || !ref) await this.afterWrite(system, [event]);
    else await this.deps.audit.emit(event);
    return id;
  }

  async update(
    id: string,
    input: EvidenceInput,
    credentials: BackstageCredentials,
  ): Promise<Evidence> {
    const existing = await this.deps.store.get(id);
    if (!existing) throw new NotFoundError(`No evidence ${id}`);
    const system = existing.aiSystemRef
      ? await this.deps.systems
          .get(existing.aiSystemRef, credentials)
          .catch(e => {
            // hidden from the caller: as if it did not exist
            if (e instanceof NotFoundError)
              throw new NotFoundError(`No evidence ${id}`);
            throw e;
          })
      : undefined;
    if (
      input.controlId !== undefined &&
      input.controlId !== existing.controlId
    ) {
      throw new InputError(
        `controlId cannot change (the evidence is for ${existing.controlId}); add new evidence instead`,
      );
    }
    if (
      input.aiSystemRef !== undefined &&
      (input.aiSystemRef === null
        ? null
        : AISystems.parseRef(input.aiSystemRef, 'aiSystemRef')) !==
        existing.aiSystemRef
    ) {
      throw new InputError(
        `aiSystemRef cannot change (the evidence is for ${
          existing.aiSystemRef ?? 'the organisation'
        }); add new evidence instead`,
      );
    }
    // left out, the status stays; an expired item stays expired until someone sets one
    const fields = this.fieldsOf(input, existing.status);
    const actor = await this.authorizeScope(
      {
        controlId: existing.controlId,
        system,
        ref: existing.aiSystemRef ?? undefined,
      },
      credentials,
    );
    // keeping an approval also needs the approver: an edit must not keep it approved unseen
    await this.authorizeStatus(fields.status, credentials);
    const now = this.now();
    const event: NewAuditEvent = {
      actor,
      action: 'evidence.updated',
      entityRef: existing.aiSystemRef ?? ORGANISATION_SOA_REF,
      at: now,
      details: {
        evidenceId: id,
        controlId: existing.controlId,
        changes: changesOf(existing, fields),
      },
    };
    await this.deps.knex.transaction(async trx => {
      if (input.revision !== existing.revision) {
        throw new ConflictError(
          `Stale edit: evidence ${id} is at revision ${existing.revision}, you sent ${input.revision}; reload`,
        );
      }
      const ok = await this.deps.store.update(
        id,
        existing.revision,
        fields,
        now,
        trx,
      );
      if (!ok) {
        throw new ConflictError(
          `Stale edit: evidence ${id} changed meanwhile; reload`,
        );
      }
      await this.deps.audit.record(event, trx);
    });
    await this.afterWrite(system, [event]);
    return (await this.withStanding([(await this.deps.store.get(id))!]))[0];
  }

  private async afterWrite(
    system: AISystemEntityV1alpha1 | undefined,
    events: NewAuditEvent[],
  ) {
    if (system) await this.deps.findings.recompute(system);
    else await this.deps.findings.recomputeOrganisation();
    for (const e of events) await this.deps.audit.emit(e);
  }

  /**
   * The scheduled expiry: every item past its expiry becomes `expired`, each with an audit
   * entry, in one transaction; then the findings of what changed are reconciled. Returns how
   * many expired.
   */
  async expire(now: Date = this.now()): Promise<number> {
    const events: NewAuditEvent[] = [];
    await this.deps.knex.transaction(async trx => {
      const expired = await this.deps.store.expireDue(now, trx);
      for (const e of expired) {
        const event: NewAuditEvent = {
          actor: EVIDENCE_EXPIRY_ACTOR,
          action: 'evidence.expired',
          entityRef: e.aiSystemRef ?? ORGANISATION_SOA_REF,
          at: now,
          details: {
            evidenceId: e.id,
            controlId: e.controlId,
            expiresAt: e.expiresAt,
            changes: [{ field: 'status', before: e.status, after: 'expired' }],
          },
        };
        await this.deps.audit.record(event, trx);
        events.push(event);
      }
    });
    if (!events.length) return 0;
    const refs = new Set(events.map(e => normalizeRef(e.entityRef)));
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    for (const ref of refs) {
      if (ref === ORGANISATION_SOA_REF) {
        await this.deps.findings.recomputeOrganisation();
        continue;
      }
      try {
        await this.deps.findings.recompute(
          await this.deps.systems.get(ref, credentials),
        );
      } catch (e) {
        // an AI system gone from the catalog: the scheduled findings task resolves its findings
        if (!(e instanceof NotFoundError)) throw e;
      }
    }
    for (const e of events) await this.deps.audit.emit(e);
    this.deps.logger?.info(`AIMS evidence: ${events.length} item(s) expired`);
    return events.length;
  }
}
