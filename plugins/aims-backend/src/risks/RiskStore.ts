import {
  RiskInput,
  RiskMatrix,
  RiskWithControls,
  riskScore,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { RiskQuery } from './riskQuery';
import {
  RiskRecord,
  RiskStatus,
  nextOpenActionDue,
  scoresInBand,
} from './riskView';
import { normalizeRef, toIsoTimestamp } from '../lib/db';
import { excludeHiddenRefs } from '../permissions/EntityVisibility';

const TABLE = 'aims_risks';
type Db = Knex | Knex.Transaction;

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

function toRecord(row: any): RiskRecord {
  const record: RiskRecord = {
    id: row.id,
    aiSystemRef: row.ai_system_ref,
    title: row.title,
    description: row.description,
    inherent: {
      likelihood: Number(row.inherent_likelihood),
      impact: Number(row.inherent_impact),
    },
    residual: {
      likelihood: Number(row.residual_likelihood),
      impact: Number(row.residual_impact),
    },
    treatment: row.treatment,
    actions: parse(row.actions) ?? [],
    controls: parse(row.controls) ?? [],
    riskOwner: row.risk_owner,
    status: row.status,
    signOff: row.signed_off_by
      ? {
          by: row.signed_off_by,
          at: toIsoTimestamp(row.signed_off_at)!,
          residualScore: Number(row.signed_off_score),
        }
      : null,
    revision: Number(row.revision),
    createdBy: row.created_by,
    createdAt: toIsoTimestamp(row.created_at)!,
    updatedAt: toIsoTimestamp(row.updated_at)!,
  };
  if (row.source) record.source = parse(row.source);
  return record;
}

function inputColumns(input: RiskInput) {
  return {
    title: input.title,
    description: input.description,
    source: input.source ? JSON.stringify(input.source) : null,
    inherent_likelihood: input.inherent.likelihood,
    inherent_impact: input.inherent.impact,
    inherent_score: riskScore(input.inherent),
    residual_likelihood: input.residual.likelihood,
    residual_impact: input.residual.impact,
    residual_score: riskScore(input.residual),
    treatment: input.treatment,
    actions: JSON.stringify(input.actions ?? []),
    controls: JSON.stringify(input.controls ?? []),
    risk_owner: normalizeRef(input.riskOwner),
    next_action_due: nextOpenActionDue(input.actions ?? []),
  };
}

const ORDER_COLUMNS = {
  score: 'residual_score',
  title: 'title',
  updatedAt: 'updated_at',
  dueDate: 'next_action_due',
} as const;

/** The AI risk register. Risks are never deleted: the register is evidence. */
export class RiskStore {
  constructor(
    private readonly knex: Knex,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async insert(
    risk: RiskInput & {
      id: string;
      aiSystemRef: string;
      createdBy: string;
      status?: RiskStatus;
      createdAt?: Date;
      signOff?: { by: string; at: Date; residualScore: number };
    },
    db: Db = this.knex,
  ): Promise<void> {
    const at = risk.createdAt ?? this.clock();
    await db(TABLE).insert({
      id: risk.id,
      ai_system_ref: normalizeRef(risk.aiSystemRef),
      ...inputColumns(risk),
      status: risk.status ?? 'open',
      signed_off_by: risk.signOff?.by ?? null,
      signed_off_at: risk.signOff?.at ?? null,
      signed_off_score: risk.signOff?.residualScore ?? null,
      revision: 1,
      created_by: risk.createdBy,
      created_at: at,
      updated_at: at,
    });
  }

  async get(id: string, db: Db = this.knex): Promise<RiskRecord | undefined> {
    const row = await db(TABLE).where({ id }).first();
    return row ? toRecord(row) : undefined;
  }

  /** Conditional update on `revision`; false when the revision is stale. */
  async update(
    id: string,
    revision: number,
    change: {
      input?: RiskInput;
      status?: RiskStatus;
      /** A new sign-off, or null to void the existing one. */
      signOff?: { by: string; at: Date; residualScore: number } | null;
    },
    db: Db = this.knex,
  ): Promise<boolean> {
    const values: Record<string, unknown> = {
      revision: revision + 1,
      updated_at: this.clock(),
    };
    if (change.input) Object.assign(values, inputColumns(change.input));
    if (change.status) values.status = change.status;
    if (change.signOff !== undefined) {
      values.signed_off_by = change.signOff?.by ?? null;
      values.signed_off_at = change.signOff?.at ?? null;
      values.signed_off_score = change.signOff?.residualScore ?? null;
    }
    const count = await db(TABLE).where({ id, revision }).update(values);
    return Number(count) === 1;
  }

  private filtered(
    query: Omit<RiskQuery, 'limit' | 'offset'>,
    matrix: RiskMatrix,
  ) {
    const q = this.knex(TABLE);
    if (query.aiSystemRef)
      q.where('ai_system_ref', normalizeRef(query.aiSystemRef));
    if (query.owner) q.where('risk_owner', normalizeRef(query.owner));
    if (query.status) q.where('status', query.status);
    if (query.band)
      q.whereIn('residual_score', scoresInBand(query.band, matrix));
    if (query.needsSignOff !== undefined) {
      // the SQL twin of needsSignOff(): open, above the threshold, current score not signed
      const needs = (b: Knex.QueryBuilder) =>
        b
          .where('status', 'open')
          .where('residual_score', '>', matrix.acceptanceThreshold)
          .where(w =>
            w
              .whereNull('signed_off_score')
              .orWhereRaw('signed_off_score <> residual_score'),
          );
      if (query.needsSignOff) q.where(needs);
      else q.whereNot(needs);
    }
    return q;
  }

  /** The AI systems of the risks matching `query` (to ask the catalog about them). */
  async refsOf(
    query: Omit<RiskQuery, 'limit' | 'offset'>,
    matrix: RiskMatrix,
  ): Promise<string[]> {
    return (await this.filtered(query, matrix).distinct('ai_system_ref')).map(
      (r: { ai_system_ref: string }) => r.ai_system_ref,
    );
  }

  /** One page and the total; risks of the `hidden` AI systems are left out of both. */
  async list(
    query: RiskQuery,
    matrix: RiskMatrix,
    hidden: ReadonlySet<string> = new Set(),
  ): Promise<{ items: RiskRecord[]; totalCount: number }> {
    const visible = () =>
      excludeHiddenRefs(
        this.filtered(query, matrix),
        ['ai_system_ref'],
        hidden,
      );
    const [{ count }] = await visible().count({
      count: '*',
    });
    const rows = visible().select('*');
    const column = ORDER_COLUMNS[query.orderBy];
    if (column === 'next_action_due') {
      // risks without an open action sort last either way
      rows.orderByRaw(
        `CASE WHEN next_action_due IS NULL THEN 1 ELSE 0 END, next_action_due ${query.order}`,
      );
    } else rows.orderBy(column, query.order);
    rows.orderBy('id', 'asc');
    if (query.limit !== undefined) rows.limit(query.limit);
    if (query.offset) rows.offset(query.offset);
    return { items: (await rows).map(toRecord), totalCount: Number(count) };
  }

  /** The AI systems that have open risks (to ask the catalog about them). */
  async refsWithOpenRisks(): Promise<string[]> {
    return (
      await this.knex(TABLE).where('status', 'open').distinct('ai_system_ref')
    ).map((r: { ai_system_ref: string }) => r.ai_system_ref);
  }

  /**
   * Open risks of some AI systems (all of them when refs is undefined), for findings and
   * heat maps; risks of the `hidden` AI systems are left out.
   */
  async listOpenFor(
    aiSystemRefs?: readonly string[],
    hidden: ReadonlySet<string> = new Set(),
  ): Promise<RiskRecord[]> {
    const q = excludeHiddenRefs(
      this.knex(TABLE).where('status', 'open'),
      ['ai_system_ref'],
      hidden,
    );
    if (aiSystemRefs)
      q.whereIn('ai_system_ref', aiSystemRefs.map(normalizeRef));
    return (await q).map(toRecord);
  }

  /**
   * The control links of open risks (id, title, AI system, Annex A controls) — what the SoA and
   * the per-system controls read — without the rest of each risk, and only risks that name a
   * control. Risks of the `hidden` AI systems are left out.
   */
  async controlLinks(
    aiSystemRefs?: readonly string[],
    hidden: ReadonlySet<string> = new Set(),
  ): Promise<RiskWithControls[]> {
    const q = excludeHiddenRefs(
      this.knex(TABLE)
        .where('status', 'open')
        .whereNot('controls', '[]')
        .select('id', 'title', 'ai_system_ref', 'controls'),
      ['ai_system_ref'],
      hidden,
    );
    if (aiSystemRefs)
      q.whereIn('ai_system_ref', aiSystemRefs.map(normalizeRef));
    return (await q).map(
      (r: {
        id: string;
        title: string;
        ai_system_ref: string;
        controls: string;
      }) => ({
        riskId: r.id,
        title: r.title,
        aiSystemRef: r.ai_system_ref,
        controls: parse(r.controls) ?? [],
      }),
    );
  }

  async hasRisks(aiSystemRef: string): Promise<boolean> {
    return !!(await this.knex(TABLE)
      .where('ai_system_ref', normalizeRef(aiSystemRef))
      .first('id'));
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.knex(TABLE).first('id'));
  }
}
