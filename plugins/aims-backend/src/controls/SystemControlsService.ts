import {
  BackstageCredentials,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  AISystemEntityV1alpha1,
  SystemControl,
  SystemControlInput,
  SystemControls,
  aimsSoaUpdatePermission,
  getAnnexAControl,
  validateSystemControlInput,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { NewAuditEvent } from '../audit/AuditLogStore';
import { AuditTrail } from '../audit/AuditTrail';
import { ComplianceFindings } from '../findings/ComplianceFindings';
import { describeAISystem, entityRefOf } from '../inventory/inventoryItem';
import { AISystems } from '../lib/AISystems';
import { normalizeRef } from '../lib/db';
import { AccessControl } from '../permissions/AccessControl';
import { ControlData } from '../soa/ControlData';
import { ImportedWrite, assertNoProblems } from '../soa/SoaService';
import {
  ControlMappingFields,
  ControlMappingStore,
} from './ControlMappingStore';

const MAPPING_FIELDS = [
  'applicable',
  'how',
  'implementationStatus',
  'owner',
] as const;

/** 404 for an id that is no Annex A control, 400 naming the field for a bad mapping. */
function checkMapping(controlId: string, input: SystemControlInput) {
  if (!getAnnexAControl(controlId)) {
    throw new NotFoundError(`${controlId} is not an Annex A control id`);
  }
  assertNoProblems(
    validateSystemControlInput(input),
    `Invalid control mapping ${controlId}`,
  );
}

/**
 * `/controls/:kind/:namespace/:name`: the Annex A controls that apply to one AI system (its
 * mappings, and controls its risks name), with the system's evidence, and the mapping edits.
 * An AI system the caller can't see is 404, as the catalog answers.
 */
export class SystemControlsService {
  constructor(
    private readonly deps: {
      knex: Knex;
      store: ControlMappingStore;
      data: ControlData;
      systems: AISystems;
      access: AccessControl;
      audit: AuditTrail;
      findings: ComplianceFindings;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.clock ? this.deps.clock() : new Date();
  }

  /** The AI system and its controls evaluated now. */
  async get(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<{ system: AISystemEntityV1alpha1; controls: SystemControls }> {
    const system = await this.deps.systems.get(ref, credentials);
    const all = await this.deps.data.systemControls([system], this.now());
    return {
      system,
      controls: all.get(normalizeRef(entityRefOf(system)))!,
    };
  }

  /** What the OSCAL export says about the system besides its controls. */
  static describe(system: AISystemEntityV1alpha1) {
    const d = describeAISystem(system);
    return {
      title: d.title,
      description: system.metadata.description ?? system.spec.purpose ?? '',
      owner: d.owner,
      lifecycle: d.lifecycle,
    };
  }

  /** `PUT /controls/:kind/:namespace/:name/:controlId`: create (revision 0) or change a mapping. */
  async save(
    ref: string,
    controlId: string,
    input: SystemControlInput,
    credentials: BackstageCredentials,
  ): Promise<SystemControl> {
    const system = await this.deps.systems.get(ref, credentials);
    const aiSystemRef = normalizeRef(entityRefOf(system));
    checkMapping(controlId, input);
    const what = `map controls of ${aiSystemRef}`;
    const actor = this.deps.access.requireUser(credentials, what);
    await this.deps.access.authorizeOnEntity(
      aimsSoaUpdatePermission,
      aiSystemRef,
      credentials,
      `You are not allowed to ${what}: only its owners (${system.spec.owner}) or compliance (aims.soa.update) may`,
    );
    // the system's owner answers for its controls unless someone else is named
    await this.saveAs(aiSystemRef, controlId, input, actor, {
      defaultOwner: describeAISystem(system).owner || null,
    });
    await this.deps.findings.recompute(system);
    const { controls } = await this.get(aiSystemRef, credentials);
    return controls.controls.find(c => c.controlId === controlId)!;
  }

  /** The stored mapping's revision (0 when the control is not mapped to the system yet). */
  async mappingRevision(
    aiSystemRef: string,
    controlId: string,
  ): Promise<number> {
    return (await this.deps.store.get(aiSystemRef, controlId))?.revision ?? 0;
  }

  /**
   * Saves a mapping as `actor` without a permission check or catalog lookup (the HTTP route
   * did both; a record import is trusted code that runs before the catalog has ingested
   * anything). The caller reconciles the system's findings.
   */
  async saveAs(
    aiSystemRef: string,
    controlId: string,
    input: SystemControlInput,
    actor: string,
    options: ImportedWrite & { defaultOwner?: string | null } = {},
  ): Promise<void> {
    checkMapping(controlId, input);
    const fields: ControlMappingFields = {
      controlId,
      applicable: input.applicable,
      how: (input.how ?? '').trim(),
      implementationStatus:
        input.implementationStatus ??
        (input.applicable ? 'not-started' : 'not-applicable'),
      owner: input.owner?.trim() || options.defaultOwner || null,
    };
    const now = options.at ?? this.now();
    let event: NewAuditEvent | undefined;
    try {
      await this.deps.knex.transaction(async trx => {
        const existing = await this.deps.store.get(aiSystemRef, controlId, trx);
        const stale = () =>
          new ConflictError(
            `Stale edit: the mapping of ${controlId} to ${aiSystemRef} is at revision ${
              existing?.revision ?? 0
            }, you sent ${input.revision}; reload`,
          );
        if (input.revision !== (existing?.revision ?? 0)) throw stale();
        if (existing) {
          const ok = await this.deps.store.update(
            aiSystemRef,
            existing.revision,
            fields,
            actor,
            now,
            trx,
          );
          if (!ok) throw stale();
        } else {
          await this.deps.store.insert(aiSystemRef, fields, actor, now, trx);
        }
        event = {
          actor,
          action: existing
            ? 'control-mapping.updated'
            : 'control-mapping.created',
          entityRef: aiSystemRef,
          at: now,
          details: {
            controlId,
            ...(options.importedBy ? { importedBy: options.importedBy } : {}),
            changes: MAPPING_FIELDS.filter(
              f => !existing || existing[f] !== fields[f],
            ).map(field => ({
              field,
              before: existing ? existing[field] : null,
              after: fields[field],
            })),
          },
        };
        await this.deps.audit.record(event, trx);
      });
    } catch (e) {
      if (isDatabaseConflictError(e)) {
        throw new ConflictError(
          `Stale edit: someone else mapped ${controlId} to ${aiSystemRef} at the same time; reload`,
        );
      }
      throw e;
    }
    await this.deps.audit.emit(event!);
  }
}
