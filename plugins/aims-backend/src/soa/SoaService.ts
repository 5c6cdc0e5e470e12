import {
  BackstageCredentials,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  ANNEX_A_CATALOGUE,
  ORGANISATION_SOA_REF,
  Soa,
  SoaAdditionalControl,
  SoaAdditionalControlInput,
  SoaContent,
  SoaControlInput,
  SoaVersionSummary,
  aimsSoaApprovePermission,
  aimsSoaUpdatePermission,
  derivedInclusionReasonCount,
  diffSoaContent,
  emptySoaContent,
  fourEyesViolation,
  getAnnexAControl,
  soaControlFromInput,
  soaSubmitProblems,
  validateAdditionalControl,
  validateSoaControlInput,
  withContributor,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { NewAuditEvent } from '../audit/AuditLogStore';
import { AuditTrail } from '../audit/AuditTrail';
import { ComplianceFindings } from '../findings/ComplianceFindings';
import { AccessControl } from '../permissions/AccessControl';
import { EntityVisibility } from '../permissions/EntityVisibility';
import { RiskStore } from '../risks/RiskStore';
import { ControlData } from './ControlData';
import { SoaStore, SoaVersionRecord } from './SoaStore';

/** One 400 naming every field the shared validator found a problem with. */
export function assertNoProblems(
  problems: ReadonlyArray<{ field: string; message: string }>,
  what: string,
): void {
  if (problems.length) {
    throw new InputError(
      `${what}: ${problems.map(p => `${p.field} ${p.message}`).join('; ')}`,
    );
  }
}

/** Whether `owner` (a user or group ref) is the caller or one of the caller's groups. */
export function ownedBy(owner: string | null, ownershipRefs: string[]) {
  if (!owner) return false;
  const mine = ownershipRefs.map(r => r.toLocaleLowerCase('en-US'));
  return mine.includes(owner.toLocaleLowerCase('en-US'));
}

export function summaryOf(v: SoaVersionRecord): SoaVersionSummary {
  return {
    version: v.version,
    status: v.status,
    author: v.author,
    contributors: v.contributors,
    createdAt: v.createdAt,
    submittedBy: v.submittedBy,
    approvedBy: v.approvedBy,
    approvedAt: v.approvedAt,
    catalogue: v.catalogue,
  };
}

const TRANSITIONS = {
  submit: { from: 'draft', to: 'in-review', event: 'soa.submitted' },
  approve: { from: 'in-review', to: 'approved', event: 'soa.approved' },
  return: { from: 'in-review', to: 'draft', event: 'soa.returned' },
} as const;

/** 404 for an id that is no Annex A control, 400 naming the field for a bad row. */
function checkControlInput(controlId: string, input: SoaControlInput) {
  if (!getAnnexAControl(controlId)) {
    throw new NotFoundError(
      `${controlId} is not an Annex A control id; the organisation's own controls are additional controls`,
    );
  }
  assertNoProblems(
    validateSoaControlInput(input),
    `Invalid control ${controlId}`,
  );
}

/** When a write happened and which record importer made it (now and none for HTTP requests). */
export interface ImportedWrite {
  at?: Date;
  importedBy?: string;
}

/**
 * The organisation's Statement of Applicability: one versioned document like an impact
 * assessment (draft → in-review → approved, four eyes on approval, optimistic locking on each
 * version's revision). Every write is one transaction with its audit entry (field-level
 * before/after), then the SoA findings are reconciled.
 */
export class SoaService {
  constructor(
    private readonly deps: {
      knex: Knex;
      store: SoaStore;
      data: ControlData;
      risks: RiskStore;
      access: AccessControl;
      visibility: EntityVisibility;
      audit: AuditTrail;
      findings: ComplianceFindings;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.clock ? this.deps.clock() : new Date();
  }

  /** A version (or none) as the caller reads it: risks of AI systems they can't see are left out. */
  private async view(
    record: SoaVersionRecord | undefined,
    latest: SoaVersionRecord | undefined,
    credentials: BackstageCredentials,
  ): Promise<Soa> {
    const now = this.now();
    const hidden = await this.deps.visibility.hiddenAmong(
      await this.deps.risks.refsWithOpenRisks(),
      credentials,
    );
    const evaluated = await this.deps.data.evaluateOrganisation(
      record?.content,
      now,
      { hidden },
    );
    return {
      version: record?.version ?? 0,
      status: record?.status ?? 'none',
      revision: record?.revision ?? 0,
      catalogue: record?.catalogue ?? ANNEX_A_CATALOGUE,
      author: record?.author ?? null,
      contributors: record?.contributors ?? [],
      createdAt: record?.createdAt ?? null,
      updatedAt: record?.updatedAt ?? null,
      submittedBy: record?.submittedBy ?? null,
      submittedAt: record?.submittedAt ?? null,
      approvedBy: record?.approvedBy ?? null,
      approvedAt: record?.approvedAt ?? null,
      returnedReason: record?.returnedReason ?? null,
      ...evaluated,
      latest:
        latest && latest.version !== record?.version ? summaryOf(latest) : null,
    };
  }

  /** `GET /soa`: the SoA in force (the newest approved version, else the newest one). */
  async get(credentials: BackstageCredentials): Promise<Soa> {
    const { inForce, latest } = await this.deps.data.inForce();
    return this.view(inForce, latest, credentials);
  }

  async listVersions(): Promise<SoaVersionSummary[]> {
    return (await this.deps.store.listVersions()).map(summaryOf);
  }

  async getVersion(
    version: number,
    credentials: BackstageCredentials,
  ): Promise<Soa> {
    const [record, latest] = await Promise.all([
      this.deps.store.getVersion(version),
      this.deps.store.listVersions().then(v => v[0]),
    ]);
    if (!record) throw new NotFoundError(`The SoA has no version ${version}`);
    return this.view(record, latest, credentials);
  }

  /** The newest version (what an edit applies to): its content, or nothing decided yet. */
  private async editableContent(): Promise<SoaContent> {
    const [latest] = await this.deps.store.listVersions();
    return latest?.content ?? emptySoaContent();
  }

  /** Compliance (aims.soa.update without a resource, unconditionally), else 403. */
  private async requireEditor(
    credentials: BackstageCredentials,
    what: string,
  ): Promise<string> {
    const actor = this.deps.access.requireUser(credentials, what);
    if (
      !(await this.deps.access.isAllowedWithoutResource(
        aimsSoaUpdatePermission,
        credentials,
      ))
    ) {
      throw new NotAllowedError(
        `You are not allowed to ${what}: only holders of aims.soa.update (compliance) may`,
      );
    }
    return actor;
  }

  /**
   * aims.soa.update (compliance), or the caller owns the control: the row's owner in the
   * newest version is the user or one of their groups.
   */
  async requireControlEditor(
    controlId: string,
    credentials: BackstageCredentials,
    what: string,
  ): Promise<string> {
    const actor = this.deps.access.requireUser(credentials, what);
    if (
      await this.deps.access.isAllowedWithoutResource(
        aimsSoaUpdatePermission,
        credentials,
      )
    ) {
      return actor;
    }
    const content = await this.editableContent();
    const owner =
      content.controls.find(c => c.controlId === controlId)?.owner ??
      content.additionalControls.find(c => c.id === controlId)?.owner ??
      null;
    if (
      !ownedBy(owner, await this.deps.access.ownershipEntityRefs(credentials))
    ) {
      throw new NotAllowedError(
        `You are not allowed to ${what}: only the control's owner${
          owner ? ` (${owner})` : ''
        } or holders of aims.soa.update (compliance) may`,
      );
    }
    return actor;
  }

  /**
   * One edit of the SoA: on the draft in progress, or — when the newest version is approved or
   * there is none — on a new draft copied from it. A version in review is read-only (409);
   * `revision` must be the one the caller loaded (409 otherwise).
   */
  private async edit(
    actor: string,
    revision: number,
    change: (content: SoaContent) => SoaContent,
    what: Record<string, unknown>,
    when: ImportedWrite = {},
  ): Promise<void> {
    const now = when.at ?? this.now();
    const details = when.importedBy
      ? { ...what, importedBy: when.importedBy }
      : what;
    const events: NewAuditEvent[] = [];
    const stale = (latest: SoaVersionRecord | undefined) =>
      new ConflictError(
        `Stale edit: the SoA changed since you loaded it (version ${
          latest?.version ?? 0
        } is at revision ${
          latest?.revision ?? 0
        }, you sent ${revision}); reload and apply your changes again`,
      );
    try {
      await this.deps.knex.transaction(async trx => {
        const [latest] = await this.deps.store.listVersions(trx);
        if (latest?.status === 'in-review') {
          throw new ConflictError(
            `Version ${latest.version} of the SoA is in review and cannot be edited; return it to draft first`,
          );
        }
        if (revision !== (latest?.revision ?? 0)) throw stale(latest);
        const before = latest?.content ?? emptySoaContent();
        const after = change(before);
        const changes = diffSoaContent(before, after);
        if (!latest || latest.status === 'approved') {
          const version = (latest?.version ?? 0) + 1;
          await this.deps.store.insert(
            {
              version,
              content: after,
              catalogue: ANNEX_A_CATALOGUE,
              author: actor,
              contributors: withContributor([], actor),
              at: now,
            },
            trx,
          );
          events.push({
            actor,
            action: 'soa.created',
            entityRef: ORGANISATION_SOA_REF,
            at: now,
            details: {
              version,
              ...(latest ? { basedOnApprovedVersion: latest.version } : {}),
              ...details,
              changes,
            },
          });
        } else {
          const ok = await this.deps.store.update(
            latest.version,
            latest.revision,
            {
              content: after,
              contributors: withContributor(latest.contributors, actor),
              returnedReason: null,
            },
            now,
            trx,
          );
          if (!ok) throw stale(latest);
          events.push({
            actor,
            action: 'soa.draft-saved',
            entityRef: ORGANISATION_SOA_REF,
            at: now,
            details: { version: latest.version, ...details, changes },
          });
        }
        for (const e of events) await this.deps.audit.record(e, trx);
      });
    } catch (e) {
      if (isDatabaseConflictError(e)) {
        throw new ConflictError(
          'Stale edit: someone else started a version of the SoA at the same time; reload',
        );
      }
      throw e;
    }
    await this.afterWrite(events);
  }

  private async afterWrite(events: NewAuditEvent[]) {
    await this.deps.findings.recomputeOrganisation();
    for (const e of events) await this.deps.audit.emit(e);
  }

  /** The newest version as the caller reads it (the answer of every write). */
  private async latestView(credentials: BackstageCredentials): Promise<Soa> {
    const [latest] = await this.deps.store.listVersions();
    return this.view(latest, latest, credentials);
  }

  /** `PUT /soa/controls/:controlId`: the whole row (fields left out are cleared). */
  async saveControl(
    controlId: string,
    input: SoaControlInput,
    credentials: BackstageCredentials,
  ): Promise<Soa> {
    checkControlInput(controlId, input);
    const actor = await this.requireControlEditor(
      controlId,
      credentials,
      `edit control ${controlId} of the SoA`,
    );
    await this.saveControlAs(controlId, input, actor);
    return this.latestView(credentials);
  }

  /**
   * Saves one control row as `actor` without a permission check: the HTTP route checked it, a
   * record import is trusted code (see RecordImportWriter). Every workflow rule still applies.
   */
  async saveControlAs(
    controlId: string,
    input: SoaControlInput,
    actor: string,
    when: ImportedWrite = {},
  ): Promise<void> {
    checkControlInput(controlId, input);
    const row = soaControlFromInput(controlId, input);
    await this.edit(
      actor,
      input.revision,
      content => ({
        ...content,
        controls: content.controls.map(c =>
          c.controlId === controlId ? row : c,
        ),
      }),
      { controlId },
      when,
    );
  }

  /** The newest version's revision (0 when there is none): what an import edits against. */
  async latestRevision(): Promise<number> {
    const [latest] = await this.deps.store.listVersions();
    return latest?.revision ?? 0;
  }

  /** `PUT /soa/additional-controls/:id`: add or change one of the organisation's own controls. */
  async saveAdditionalControl(
    id: string,
    input: SoaAdditionalControlInput,
    credentials: BackstageCredentials,
  ): Promise<Soa> {
    const actor = await this.requireEditor(
      credentials,
      "edit the organisation's additional controls",
    );
    await this.saveAdditionalControlAs(id, input, actor);
    return this.latestView(credentials);
  }

  /** Saves one additional control as `actor` without a permission check (see saveControlAs). */
  async saveAdditionalControlAs(
    id: string,
    input: SoaAdditionalControlInput,
    actor: string,
    when: ImportedWrite = {},
  ): Promise<void> {
    assertNoProblems(
      validateAdditionalControl(id, input),
      `Invalid additional control ${id}`,
    );
    const applicable = input.applicable ?? true;
    const control: SoaAdditionalControl = {
      id,
      title: input.title.trim(),
      applicable,
      justification: (input.justification ?? '').trim(),
      implementationStatus:
        input.implementationStatus ??
        (applicable ? 'not-started' : 'not-applicable'),
      owner: input.owner?.trim() || null,
      documents: (input.documents ?? []).map(d => ({
        title: d.title.trim(),
        href: d.href.trim(),
      })),
    };
    await this.edit(
      actor,
      input.revision,
      content => ({
        ...content,
        additionalControls: content.additionalControls.some(c => c.id === id)
          ? content.additionalControls.map(c => (c.id === id ? control : c))
          : [...content.additionalControls, control],
      }),
      { additionalControlId: id },
      when,
    );
  }

  async deleteAdditionalControl(
    id: string,
    revision: number,
    credentials: BackstageCredentials,
  ): Promise<Soa> {
    const actor = await this.requireEditor(
      credentials,
      "remove the organisation's additional controls",
    );
    if (
      !(await this.editableContent()).additionalControls.some(c => c.id === id)
    ) {
      throw new NotFoundError(`The SoA has no additional control ${id}`);
    }
    await this.edit(
      actor,
      revision,
      content => ({
        ...content,
        additionalControls: content.additionalControls.filter(c => c.id !== id),
      }),
      { additionalControlId: id, removed: true },
    );
    return this.latestView(credentials);
  }

  /** `POST /soa/transitions`: submit (aims.soa.update), approve / return (aims.soa.approve). */
  async transition(
    body: {
      action: 'submit' | 'approve' | 'return';
      revision: number;
      reason?: string;
    },
    credentials: BackstageCredentials,
  ): Promise<Soa> {
    let actor: string;
    if (body.action === 'submit') {
      actor = await this.requireEditor(credentials, 'submit the SoA');
    } else {
      actor = this.deps.access.requireUser(
        credentials,
        `${body.action} the SoA`,
      );
      await this.deps.access.authorizeBasic(
        aimsSoaApprovePermission,
        credentials,
        `You are not allowed to ${body.action} the SoA: only approvers (aims.soa.approve, compliance) may`,
      );
    }
    await this.transitionAs(body, actor);
    return this.latestView(credentials);
  }

  /**
   * Submits, approves or returns the newest version as `actor` without a permission check (see
   * saveControlAs): completeness on submit, four eyes on approval and a reason on return hold.
   */
  async transitionAs(
    body: {
      action: 'submit' | 'approve' | 'return';
      revision: number;
      reason?: string;
    },
    actor: string,
    when: ImportedWrite = {},
  ): Promise<void> {
    if (body.action === 'return' && !body.reason?.trim()) {
      throw new InputError('reason is required to return the SoA to draft');
    }
    const now = when.at ?? this.now();
    const transition = TRANSITIONS[body.action];
    // read before the transaction: SQLite has one connection, which the transaction holds
    const risks =
      body.action === 'submit' ? await this.deps.risks.controlLinks() : [];
    let event: NewAuditEvent | undefined;
    await this.deps.knex.transaction(async trx => {
      const [latest] = await this.deps.store.listVersions(trx);
      if (!latest) throw new NotFoundError('There is no SoA version yet');
      if (body.revision !== latest.revision) {
        throw new ConflictError(
          `Stale ${body.action}: version ${latest.version} of the SoA is at revision ${latest.revision}, you sent ${body.revision}; reload`,
        );
      }
      if (latest.status !== transition.from) {
        throw new ConflictError(
          `Cannot ${body.action} an SoA that is ${latest.status} (only one that is ${transition.from})`,
        );
      }
      const patch: Parameters<SoaStore['update']>[2] = {
        status: transition.to,
      };
      if (body.action === 'submit') {
        assertNoProblems(
          soaSubmitProblems(latest.content, now, controlId =>
            derivedInclusionReasonCount(controlId, risks),
          ),
          'The SoA is not complete enough to submit',
        );
        Object.assign(patch, {
          submittedBy: actor,
          submittedAt: now,
          contributors: withContributor(latest.contributors, actor),
          returnedReason: null,
        });
      } else if (body.action === 'approve') {
        const violation = fourEyesViolation(actor, latest);
        if (violation) {
          throw new NotAllowedError(`Cannot approve this SoA: ${violation}`);
        }
        Object.assign(patch, { approvedBy: actor, approvedAt: now });
      } else {
        patch.returnedReason = body.reason!.trim();
      }
      const ok = await this.deps.store.update(
        latest.version,
        latest.revision,
        patch,
        now,
        trx,
      );
      if (!ok) {
        throw new ConflictError(
          `Stale ${body.action}: the SoA changed meanwhile; reload`,
        );
      }
      event = {
        actor,
        action: transition.event,
        entityRef: ORGANISATION_SOA_REF,
        at: now,
        details: {
          version: latest.version,
          from: latest.status,
          to: transition.to,
          ...(body.reason ? { reason: body.reason } : {}),
          ...(body.action === 'approve'
            ? { contributors: latest.contributors, catalogue: latest.catalogue }
            : {}),
          ...(when.importedBy ? { importedBy: when.importedBy } : {}),
        },
      };
      await this.deps.audit.record(event, trx);
    });
    await this.afterWrite([event!]);
  }
}
