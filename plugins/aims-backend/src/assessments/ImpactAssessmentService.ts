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
  AISystemEntityV1alpha1,
  ImpactAssessmentContent,
  ImpactAssessmentOverview,
  ImpactAssessmentTransitionRequest,
  ImpactAssessmentVersion,
  SaveImpactAssessmentDraftRequest,
  WorkflowViolation,
  aimsAssessmentApprovePermission,
  aimsAssessmentUpdatePermission,
  diffDocuments,
  fundamentalRightsAssessmentRequired,
  getEuAiActTier,
  nextImpactAssessmentStatus,
  impactAssessmentSummaryStanding,
  summarizeImpactAssessment,
  validateImpactAssessmentContent,
  withContributor,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { ImpactAssessmentStore } from './ImpactAssessmentStore';
import { NewAuditEvent } from '../audit/AuditLogStore';
import { normalizeRef } from '../lib/db';
import { entityRefOf } from '../inventory/inventoryItem';
import { AccessControl } from '../permissions/AccessControl';
import { AISystems } from '../lib/AISystems';
import { AssessmentImporter, ImportedFile } from './AssessmentImporter';
import { AuditTrail } from '../audit/AuditTrail';
import { ComplianceFindings } from '../findings/ComplianceFindings';

/** Turns the shared validator's problems into one 400 naming every field. */
export function assertValid(
  problems: ReadonlyArray<{ message: string }>,
  what: string,
) {
  if (problems.length) {
    throw new InputError(`${what}: ${problems.map(p => p.message).join('; ')}`);
  }
}

function workflowError(e: WorkflowViolation): Error {
  if (e.status === 403) return new NotAllowedError(e.message);
  if (e.status === 409) return new ConflictError(e.message);
  return new InputError(e.message);
}

interface DraftWrite {
  /** The AI system from the catalog; a record import names it by ref only (see saveDraftAs). */
  entity: AISystemEntityV1alpha1 | string;
  content: ImpactAssessmentContent;
  revision?: number;
  /** PUT requires the revision of an existing draft; the scheduled import uses the current one. */
  requireRevision: boolean;
  actor: string;
  source?: { location: string; hash: string };
  /** When it happened: now, unless a record import brings earlier history. */
  at?: Date;
  /** Added to the audit details: which record importer wrote it. */
  importedBy?: string;
}

/** The AI system's ref, from the catalog entity or as a record import names it. */
const refOf = (entity: AISystemEntityV1alpha1 | string) =>
  normalizeRef(typeof entity === 'string' ? entity : entityRefOf(entity));

/** Impact assessments: versions, drafts, the review workflow and docs-as-code import. */
export class ImpactAssessmentService {
  constructor(
    private readonly knex: Knex,
    private readonly store: ImpactAssessmentStore,
    private readonly systems: AISystems,
    private readonly access: AccessControl,
    private readonly importer: AssessmentImporter,
    private readonly audit: AuditTrail,
    private readonly findings: ComplianceFindings,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async overview(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<ImpactAssessmentOverview> {
    const entity = await this.systems.get(ref, credentials);
    const aiSystemRef = normalizeRef(entityRefOf(entity));
    const versions = await this.store.listVersions(aiSystemRef);
    return {
      aiSystemRef,
      // as the inventory answers it: `not-required` for a retired system without one
      summary: impactAssessmentSummaryStanding(
        entity.spec.lifecycle,
        summarizeImpactAssessment(versions, this.clock()),
      ),
      latest: versions[0] ?? null,
      approved: versions.find(v => v.status === 'approved') ?? null,
      versions: versions.map(v => ({
        version: v.version,
        status: v.status,
        author: v.author,
        contributors: v.contributors,
        createdAt: v.createdAt,
        submittedBy: v.submittedBy,
        approvedBy: v.approvedBy,
        approvedAt: v.approvedAt,
        source: v.source,
      })),
      fundamentalRightsAssessmentRequired: fundamentalRightsAssessmentRequired(
        getEuAiActTier(entity),
        entity.spec.role,
      ),
    };
  }

  async version(
    ref: string,
    version: number,
    credentials: BackstageCredentials,
  ): Promise<ImpactAssessmentVersion> {
    const entity = await this.systems.get(ref, credentials);
    const found = await this.store.getVersion(entityRefOf(entity), version);
    if (!found) {
      throw new NotFoundError(
        `${ref} has no impact assessment version ${version}`,
      );
    }
    return found;
  }

  private async authorizeEdit(
    entity: AISystemEntityV1alpha1,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const actor = this.access.requireUser(
      credentials,
      'edit impact assessments',
    );
    const ref = normalizeRef(entityRefOf(entity));
    await this.access.authorizeOnEntity(
      aimsAssessmentUpdatePermission,
      ref,
      credentials,
      `You are not allowed to edit the impact assessment of ${ref}: only its owners (${entity.spec.owner}) or compliance may`,
    );
    return actor;
  }

  async saveDraft(
    ref: string,
    body: SaveImpactAssessmentDraftRequest,
    credentials: BackstageCredentials,
  ): Promise<ImpactAssessmentVersion> {
    const entity = await this.systems.get(ref, credentials);
    const actor = await this.authorizeEdit(entity, credentials);
    return this.writeDraft({
      entity,
      content: body.content,
      revision: body.revision,
      requireRevision: true,
      actor,
    });
  }

  /** `POST …/import`: reads the annotated file and stores it as a draft (same 409 rules). */
  async importFromAnnotation(
    ref: string,
    revision: number | undefined,
    credentials: BackstageCredentials,
  ): Promise<ImpactAssessmentVersion> {
    const entity = await this.systems.get(ref, credentials);
    const actor = await this.authorizeEdit(entity, credentials);
    const file = await this.importer.read(entity);
    return this.writeImported(entity, file, revision, actor, false);
  }

  /**
   * Scheduled import of one AI system: skipped when the file is unchanged since the last
   * import (content hash) or when a review is in progress. Returns what happened.
   */
  async importScheduled(
    entity: AISystemEntityV1alpha1,
    actor: string,
  ): Promise<'imported' | 'unchanged'> {
    const file = await this.importer.read(entity);
    if (
      (await this.store.latestSourceHash(entityRefOf(entity))) === file.hash
    ) {
      return 'unchanged';
    }
    await this.writeImported(entity, file, undefined, actor, false);
    return 'imported';
  }

  private writeImported(
    entity: AISystemEntityV1alpha1,
    file: ImportedFile,
    revision: number | undefined,
    actor: string,
    requireRevision: boolean,
  ) {
    return this.writeDraft({
      entity,
      content: file.content as ImpactAssessmentContent,
      revision,
      requireRevision,
      actor,
      source: { location: file.location, hash: file.hash },
    });
  }

  private async writeDraft(w: DraftWrite): Promise<ImpactAssessmentVersion> {
    assertValid(
      validateImpactAssessmentContent(w.content, { complete: false }),
      'Invalid impact assessment content',
    );
    const aiSystemRef = refOf(w.entity);
    const now = w.at ?? this.clock();
    const source = w.source ? { ...w.source, importedAt: now } : null;
    const events: NewAuditEvent[] = [];
    const imported = {
      ...(source
        ? {
            source: {
              location: source.location,
              importedAt: now.toISOString(),
            },
          }
        : {}),
      ...(w.importedBy ? { importedBy: w.importedBy } : {}),
    };
    // the version as this write left it: read after the commit, a concurrent save could
    // already have moved it on, and the editor would build on a revision it never saw
    let written: ImpactAssessmentVersion | undefined;
    try {
      await this.knex.transaction(async trx => {
        const [latest] = await this.store.listVersions(aiSystemRef, trx);
        const stale = () =>
          new ConflictError(
            `Stale edit: the impact assessment of ${aiSystemRef} changed since you loaded it (version ${latest.version} is at revision ${latest.revision}, you sent ${w.revision}); reload and apply your changes again`,
          );
        if (!latest || latest.status === 'approved') {
          if (
            latest &&
            w.revision !== undefined &&
            w.revision !== latest.revision
          )
            throw stale();
          const version = (latest?.version ?? 0) + 1;
          await this.store.insert(
            {
              aiSystemRef,
              version,
              status: 'draft',
              content: w.content,
              author: w.actor,
              contributors: withContributor([], w.actor),
              createdAt: now,
              source: source ?? undefined,
            },
            trx,
          );
          events.push({
            actor: w.actor,
            action: source
              ? 'impact-assessment.imported'
              : 'impact-assessment.created',
            entityRef: aiSystemRef,
            details: {
              version,
              ...(latest ? { basedOnApprovedVersion: latest.version } : {}),
              changes: diffDocuments(latest?.content ?? {}, w.content),
              ...imported,
            },
          });
        } else if (latest.status === 'in-review') {
          throw new ConflictError(
            `Version ${latest.version} of the impact assessment of ${aiSystemRef} is in review and cannot be edited; return it to draft first`,
          );
        } else {
          if (w.revision === undefined && w.requireRevision) throw stale();
          const revision = w.revision ?? latest.revision;
          if (revision !== latest.revision) throw stale();
          const ok = await this.store.update(
            aiSystemRef,
            latest.version,
            revision,
            {
              content: w.content,
              contributors: withContributor(latest.contributors, w.actor),
              source,
              returnedReason: undefined,
            },
            trx,
          );
          if (!ok) throw stale();
          events.push({
            actor: w.actor,
            action: source
              ? 'impact-assessment.imported'
              : 'impact-assessment.draft-saved',
            entityRef: aiSystemRef,
            details: {
              version: latest.version,
              changes: diffDocuments(latest.content, w.content),
              ...imported,
            },
          });
        }
        for (const e of events) await this.audit.record({ ...e, at: now }, trx);
        [written] = await this.store.listVersions(aiSystemRef, trx);
      });
    } catch (e) {
      if (isDatabaseConflictError(e)) {
        throw new ConflictError(
          `Stale edit: someone else started a version of the impact assessment of ${aiSystemRef} at the same time; reload`,
        );
      }
      throw e;
    }
    return this.afterWrite(w.entity, events, written!);
  }

  /** Findings and audit notifications after a committed write; answers the written version. */
  private async afterWrite(
    entity: AISystemEntityV1alpha1 | string,
    events: NewAuditEvent[],
    written: ImpactAssessmentVersion,
  ): Promise<ImpactAssessmentVersion> {
    // a record import has no catalog entity yet: its findings follow once the catalog has it
    if (typeof entity !== 'string') await this.findings.recompute(entity);
    for (const e of events) await this.audit.emit(e);
    return written;
  }

  async transition(
    ref: string,
    body: ImpactAssessmentTransitionRequest,
    credentials: BackstageCredentials,
  ): Promise<ImpactAssessmentVersion> {
    const entity = await this.systems.get(ref, credentials);
    const aiSystemRef = normalizeRef(entityRefOf(entity));
    let actor: string;
    if (body.action === 'submit') {
      actor = await this.authorizeEdit(entity, credentials);
    } else {
      actor = this.access.requireUser(
        credentials,
        `${body.action} impact assessments`,
      );
      await this.access.authorizeBasic(
        aimsAssessmentApprovePermission,
        credentials,
        `You are not allowed to ${body.action} the impact assessment of ${aiSystemRef}: only approvers (compliance) may`,
      );
    }
    const { events, written } = await this.applyTransition(
      aiSystemRef,
      body,
      actor,
      this.clock(),
    );
    return this.afterWrite(entity, events, written);
  }

  /**
   * The workflow step itself, once the caller is known to be allowed: the transition rules
   * (nextImpactAssessmentStatus: four eyes, reasons), completeness on submit, the stale-revision
   * check and the audit entry, in one transaction. Returns the audit events to emit and the
   * version as this transition left it.
   */
  private async applyTransition(
    aiSystemRef: string,
    body: ImpactAssessmentTransitionRequest,
    actor: string,
    now: Date,
    importedBy?: string,
  ): Promise<{ events: NewAuditEvent[]; written: ImpactAssessmentVersion }> {
    const events: NewAuditEvent[] = [];
    let written: ImpactAssessmentVersion | undefined;
    await this.knex.transaction(async trx => {
      const [latest] = await this.store.listVersions(aiSystemRef, trx);
      if (!latest) {
        throw new NotFoundError(`${aiSystemRef} has no impact assessment`);
      }
      if (body.revision !== latest.revision) {
        throw new ConflictError(
          `Stale ${body.action}: version ${latest.version} of the impact assessment of ${aiSystemRef} is at revision ${latest.revision}, you sent ${body.revision}; reload`,
        );
      }
      let to;
      try {
        to = nextImpactAssessmentStatus({
          status: latest.status,
          action: body.action,
          actor,
          author: latest.author,
          contributors: latest.contributors,
          submittedBy: latest.submittedBy,
          reason: body.reason,
        });
      } catch (e) {
        if (e instanceof WorkflowViolation) throw workflowError(e);
        throw e;
      }
      const patch: Parameters<ImpactAssessmentStore['update']>[3] = {
        status: to,
      };
      if (body.action === 'submit') {
        assertValid(
          validateImpactAssessmentContent(latest.content, {
            complete: true,
            today: now.toISOString().slice(0, 10),
          }),
          'The impact assessment is not complete enough to submit',
        );
        Object.assign(patch, {
          submittedBy: actor,
          submittedAt: now,
          contributors: withContributor(latest.contributors, actor),
          returnedReason: null,
        });
      } else if (body.action === 'approve') {
        const due = latest.content.nextReviewDate;
        Object.assign(patch, {
          approvedBy: actor,
          approvedAt: now,
          reviewDue: due ? new Date(`${due}T00:00:00.000Z`) : null,
        });
      } else {
        patch.returnedReason = body.reason!.trim();
      }
      const ok = await this.store.update(
        aiSystemRef,
        latest.version,
        latest.revision,
        patch,
        trx,
      );
      if (!ok) {
        throw new ConflictError(
          `Stale ${body.action}: the impact assessment of ${aiSystemRef} changed meanwhile; reload`,
        );
      }
      const action = {
        submit: 'impact-assessment.submitted',
        approve: 'impact-assessment.approved',
        return: 'impact-assessment.returned',
      }[body.action];
      const event: NewAuditEvent = {
        actor,
        action,
        entityRef: aiSystemRef,
        at: now,
        details: {
          version: latest.version,
          from: latest.status,
          to,
          ...(body.reason ? { reason: body.reason } : {}),
          ...(body.action === 'approve'
            ? {
                reviewDue: patch.reviewDue?.toISOString() ?? null,
                // the approval record names who wrote and submitted what was approved
                contributors: latest.contributors,
              }
            : {}),
          ...(importedBy ? { importedBy } : {}),
        },
      };
      await this.audit.record(event, trx);
      events.push(event);
      [written] = await this.store.listVersions(aiSystemRef, trx);
    });
    return { events, written: written! };
  }

  /** Whether the AI system has any impact-assessment version (record imports run once). */
  async hasVersions(aiSystemRef: string): Promise<boolean> {
    return (
      (await this.store.listVersions(normalizeRef(aiSystemRef))).length > 0
    );
  }

  /**
   * A record import's draft (AimsRecordWriter): every rule of {@link saveDraft} as `actor` at
   * `at`, without the permission check (the importer is trusted in-process code) and without
   * the catalog lookup (importers run before the catalog has ingested anything).
   */
  async saveDraftAs(
    aiSystemRef: string,
    content: ImpactAssessmentContent,
    actor: string,
    at: Date,
    importedBy: string,
  ): Promise<ImpactAssessmentVersion> {
    return this.writeDraft({
      entity: aiSystemRef,
      content,
      requireRevision: false,
      actor,
      at,
      importedBy,
    });
  }

  /**
   * A record import's workflow step: every rule of {@link transition} (four eyes, completeness,
   * reasons) as `actor` at `at`, on the latest version, without the permission check.
   */
  async transitionAs(
    aiSystemRef: string,
    action: ImpactAssessmentTransitionRequest['action'],
    actor: string,
    at: Date,
    importedBy: string,
    reason?: string,
  ): Promise<ImpactAssessmentVersion> {
    const ref = normalizeRef(aiSystemRef);
    const [latest] = await this.store.listVersions(ref);
    if (!latest) throw new NotFoundError(`${ref} has no impact assessment`);
    const { events, written } = await this.applyTransition(
      ref,
      { action, revision: latest.revision, ...(reason ? { reason } : {}) },
      actor,
      at,
      importedBy,
    );
    return this.afterWrite(ref, events, written);
  }
}
