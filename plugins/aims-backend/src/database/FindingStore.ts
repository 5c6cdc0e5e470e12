import {
  Finding,
  FindingCounts,
  FindingDraft,
  FindingSeverity,
  FindingStatus,
  FindingType,
} from '@internal/plugin-aims-common';
import { Knex } from 'knex';
import { planFindingReconcile } from '../domain/findingsReconcile';
import { chunk, normalizeRef, toIsoTimestamp } from './util';

const TABLE = 'aims_findings';

/** Statuses that count as open on the inventory and status roll-ups. */
export const OPEN_FINDING_STATUSES: readonly FindingStatus[] = [
  'open',
  'acknowledged',
];

export interface NewFinding {
  findingKey: string;
  type: FindingType;
  entityRef: string;
  aiSystemRef?: string;
  environment?: string;
  severity: FindingSeverity;
  status: FindingStatus;
  evidence?: unknown;
  firstSeenAt?: Date;
  lastSeenAt?: Date;
}

/** Findings: one problem on one entity. */
export class FindingStore {
  constructor(
    private readonly knex: Knex,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async insert(finding: NewFinding): Promise<void> {
    const now = this.clock();
    await this.knex(TABLE).insert({
      finding_key: finding.findingKey,
      type: finding.type,
      entity_ref: normalizeRef(finding.entityRef),
      ai_system_ref: finding.aiSystemRef
        ? normalizeRef(finding.aiSystemRef)
        : null,
      environment: finding.environment ?? null,
      severity: finding.severity,
      status: finding.status,
      first_seen_at: finding.firstSeenAt ?? now,
      last_seen_at: finding.lastSeenAt ?? now,
      evidence:
        finding.evidence === undefined
          ? null
          : JSON.stringify(finding.evidence),
    });
  }

  /**
   * Open-finding counts per ref: a finding counts for a ref when it is on that entity or
   * concerns that AI system (each finding once per ref). Open means `open` or `acknowledged`.
   * One grouped query per chunk of refs; keys of the result are the refs as passed in.
   */
  async countOpen(
    refs: readonly string[],
  ): Promise<Map<string, FindingCounts>> {
    const counts = new Map<string, FindingCounts>();
    const unique = [...new Set(refs.map(normalizeRef))];
    for (const r of unique) counts.set(r, { open: 0, critical: 0, high: 0 });

    for (const part of chunk(unique, 250)) {
      // A finding on A concerning B is returned by the chunk of A and by the chunk of B;
      // each chunk credits only its own refs so nothing is counted twice.
      const inPart = new Set(part);
      const rows: Array<{
        entity_ref: string;
        ai_system_ref: string | null;
        severity: string;
        count: string | number;
      }> = await this.knex(TABLE)
        .select('entity_ref', 'ai_system_ref', 'severity')
        .count({ count: '*' })
        .whereIn('status', OPEN_FINDING_STATUSES as string[])
        .andWhere(q =>
          q.whereIn('entity_ref', part).orWhereIn('ai_system_ref', part),
        )
        .groupBy('entity_ref', 'ai_system_ref', 'severity');
      for (const row of rows) {
        const n = Number(row.count);
        const targets = new Set([row.entity_ref, row.ai_system_ref]);
        for (const target of targets) {
          const c =
            target && inPart.has(target) ? counts.get(target) : undefined;
          if (!c) continue;
          c.open += n;
          if (row.severity === 'critical') c.critical += n;
          if (row.severity === 'high') c.high += n;
        }
      }
    }
    const result = new Map<string, FindingCounts>();
    for (const ref of refs)
      result.set(ref, { ...counts.get(normalizeRef(ref))! });
    return result;
  }

  /**
   * Diffs the drafts against the stored findings of the given types (only those: a reconcile
   * never touches types it does not own) on the given AI systems (all stored ones when
   * `aiSystemRefs` is undefined), by key: new → open, still present → lastSeenAt, severity
   * and evidence refreshed, gone → resolved, back after resolution → open again (firstSeenAt
   * kept, occurrences + 1). One transaction.
   */
  async reconcile(options: {
    types: readonly FindingType[];
    aiSystemRefs?: readonly string[];
    drafts: readonly FindingDraft[];
  }): Promise<{ opened: number; resolved: number; reopened: number }> {
    const now = this.clock();
    const refs = options.aiSystemRefs?.map(normalizeRef);
    return this.knex.transaction(async trx => {
      const q = trx(TABLE)
        .select('id', 'finding_key', 'status', 'occurrences')
        .whereIn('type', options.types as string[]);
      if (refs) {
        if (!refs.length) return { opened: 0, resolved: 0, reopened: 0 };
        q.where(w =>
          w.whereIn('ai_system_ref', refs).orWhereIn('entity_ref', refs),
        );
      }
      const stored = (await q).map((r: any) => ({
        id: String(r.id),
        key: r.finding_key,
        status: r.status,
        occurrences: Number(r.occurrences ?? 1),
      }));
      const drafts = options.drafts.filter(d => options.types.includes(d.type));
      const plan = planFindingReconcile(stored, drafts);
      const seen = (d: FindingDraft) => ({
        severity: d.severity,
        evidence: JSON.stringify(d.evidence),
        last_seen_at: now,
      });
      for (const d of plan.insert) {
        await trx(TABLE)
          .insert({
            finding_key: d.key,
            type: d.type,
            entity_ref: normalizeRef(d.entityRef),
            ai_system_ref: d.aiSystemRef ? normalizeRef(d.aiSystemRef) : null,
            environment: d.environment ?? null,
            status: 'open',
            first_seen_at: now,
            occurrences: 1,
            ...seen(d),
          })
          // another replica may have inserted it a moment ago: then it is just seen
          .onConflict('finding_key')
          .merge(['severity', 'evidence', 'last_seen_at']);
      }
      for (const { id, draft } of plan.touch) {
        await trx(TABLE).where({ id }).update(seen(draft));
      }
      for (const { id, draft, occurrences } of plan.reopen) {
        await trx(TABLE)
          .where({ id })
          .update({
            ...seen(draft),
            status: 'open',
            occurrences,
            resolved_at: null,
          });
      }
      for (const ids of chunk(plan.resolve)) {
        await trx(TABLE)
          .whereIn('id', ids)
          .update({ status: 'resolved', resolved_at: now });
      }
      return {
        opened: plan.insert.length,
        resolved: plan.resolve.length,
        reopened: plan.reopen.length,
      };
    });
  }

  /**
   * Findings, newest first. `entityRef` matches findings on the entity and findings that
   * concern it as an AI system (contract); `aiSystemRef` only the latter.
   */
  async list(filter: {
    entityRef?: string;
    aiSystemRef?: string;
    type?: string;
    status?: string;
    severity?: string;
    limit: number;
  }): Promise<Array<Finding & { occurrences: number }>> {
    const q = this.knex(TABLE).select('*');
    if (filter.entityRef) {
      const ref = normalizeRef(filter.entityRef);
      q.where(w => w.where('entity_ref', ref).orWhere('ai_system_ref', ref));
    }
    if (filter.aiSystemRef)
      q.where('ai_system_ref', normalizeRef(filter.aiSystemRef));
    if (filter.type) q.where('type', filter.type);
    if (filter.status) q.where('status', filter.status);
    if (filter.severity) q.where('severity', filter.severity);
    const rows = await q
      .orderBy('first_seen_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit);
    return rows.map((r: any) => ({
      id: String(r.id),
      type: r.type,
      entityRef: r.entity_ref,
      aiSystemRef: r.ai_system_ref ?? null,
      environment: r.environment ?? null,
      severity: r.severity,
      status: r.status,
      firstSeenAt: toIsoTimestamp(r.first_seen_at)!,
      lastSeenAt: toIsoTimestamp(r.last_seen_at)!,
      evidence: r.evidence ? JSON.parse(r.evidence) : {},
      occurrences: Number(r.occurrences ?? 1),
    }));
  }
}
