import { StoredSystemControl } from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { chunk, normalizeRef, toIsoTimestamp } from '../lib/db';

const TABLE = 'aims_control_mappings';
type Db = Knex | Knex.Transaction;

/** A mapping with its AI system and who changed it last. */
export type ControlMapping = StoredSystemControl & {
  aiSystemRef: string;
  updatedBy: string;
  updatedAt: string;
};

export type ControlMappingFields = Omit<StoredSystemControl, 'revision'>;

function toMapping(row: any): ControlMapping {
  return {
    aiSystemRef: row.ai_system_ref,
    controlId: row.control_id,
    // SQLite answers booleans as 0/1
    applicable: !!row.applicable,
    how: row.how ?? '',
    implementationStatus: row.implementation_status,
    owner: row.owner ?? null,
    revision: Number(row.revision),
    updatedBy: row.updated_by,
    updatedAt: toIsoTimestamp(row.updated_at)!,
  };
}

/** Which Annex A controls apply to which AI system, and how (one row per pair). */
export class ControlMappingStore {
  constructor(private readonly knex: Knex) {}

  async get(
    aiSystemRef: string,
    controlId: string,
    db: Db = this.knex,
  ): Promise<ControlMapping | undefined> {
    const row = await db(TABLE)
      .where({
        ai_system_ref: normalizeRef(aiSystemRef),
        control_id: controlId,
      })
      .first();
    return row ? toMapping(row) : undefined;
  }

  /** The mappings of some AI systems, in one query per chunk of refs. */
  async listFor(
    aiSystemRefs: readonly string[],
    db: Db = this.knex,
  ): Promise<ControlMapping[]> {
    const out: ControlMapping[] = [];
    for (const part of chunk([...new Set(aiSystemRefs.map(normalizeRef))])) {
      const rows = await db(TABLE)
        .whereIn('ai_system_ref', part)
        .orderBy('control_id', 'asc');
      out.push(...rows.map(toMapping));
    }
    return out;
  }

  /** A new mapping at revision 1 (a concurrent insert of the pair is a unique violation). */
  async insert(
    aiSystemRef: string,
    fields: ControlMappingFields,
    actor: string,
    at: Date,
    db: Db = this.knex,
  ): Promise<void> {
    await db(TABLE).insert({
      ai_system_ref: normalizeRef(aiSystemRef),
      control_id: fields.controlId,
      applicable: fields.applicable,
      how: fields.how,
      implementation_status: fields.implementationStatus,
      owner: fields.owner,
      revision: 1,
      updated_by: actor,
      updated_at: at,
    });
  }

  /** Conditional update on `revision`; false when another write got there first. */
  async update(
    aiSystemRef: string,
    revision: number,
    fields: ControlMappingFields,
    actor: string,
    at: Date,
    db: Db = this.knex,
  ): Promise<boolean> {
    const n = await db(TABLE)
      .where({
        ai_system_ref: normalizeRef(aiSystemRef),
        control_id: fields.controlId,
        revision,
      })
      .update({
        applicable: fields.applicable,
        how: fields.how,
        implementation_status: fields.implementationStatus,
        owner: fields.owner,
        revision: revision + 1,
        updated_by: actor,
        updated_at: at,
      });
    return Number(n) === 1;
  }
}
