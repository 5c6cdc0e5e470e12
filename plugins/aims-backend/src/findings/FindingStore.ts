import {
  Finding,
  FindingCounts,
  FindingDraft,
  FindingSeverity,
  FindingStatus,
  FindingType,
  OPEN_FINDING_STATUSES,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { planFindingReconcile } from './findingsReconcile';
import { FindingEventStore, NewFindingEvent } from './FindingEventStore';
import { chunk, normalizeRef, toIsoTimestamp } from '../lib/db';
import { excludeHiddenRefs } from '../permissions/EntityVisibility';

const TABLE = 'aims_findings';

/** What `GET /findings` filters by. */
export interface FindingFilter {
  entityRef?: string;
  aiSystemRef?: string;
  type?: string;
  status?: string;
  severity?: string;
}

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

/** A finding that opened, reopened or rose in severity in a reconcile (owners are told). */
export interface FindingChange {
  change: 'opened' | 'reopened' | 'severity-raised';
  id: string;
  draft: FindingDraft;
  previousSeverity?: FindingSeverity;
}

export interface FindingReconcileResult {
  opened: number;
  resolved: number;
  reopened: number;
  changes: FindingChange[];
}

const severityRank = (s: FindingSeverity) =>
  ['low', 'medium', 'high', 'critical'].indexOf(s);

/** Findings: one problem on one entity. */
export class FindingStore {
  readonly events: FindingEventStore;

  constructor(
    private readonly knex: Knex,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.events = new FindingEventStore(knex);
  }

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
   * `hiddenAmong` (the caller's catalog visibility) leaves out findings on or naming an entity
   * the caller can't see, asked once for every entity the counted findings concern.
   */
  async countOpen(
    refs: readonly string[],
    hiddenAmong?: (refs: string[]) => Promise<ReadonlySet<string>>,
  ): Promise<Map<string, FindingCounts>> {
    const counts = new Map<string, FindingCounts>();
    const unique = [...new Set(refs.map(normalizeRef))];
    for (const r of unique) counts.set(r, { open: 0, critical: 0, high: 0 });

    const groups: Array<{
      part: Set<string>;
      rows: Array<{
        entity_ref: string;
        ai_system_ref: string | null;
        severity: string;
        count: string | number;
      }>;
    }> = [];
    for (const part of chunk(unique, 250)) {
      const rows = await this.knex(TABLE)
        .select('entity_ref', 'ai_system_ref', 'severity')
        .count({ count: '*' })
        .whereIn('status', [...OPEN_FINDING_STATUSES])
        .andWhere(q =>
          q.whereIn('entity_ref', part).orWhereIn('ai_system_ref', part),
        )
        .groupBy('entity_ref', 'ai_system_ref', 'severity');
      groups.push({ part: new Set(part), rows: rows as any });
    }
    const hidden = hiddenAmong
      ? await hiddenAmong([
          ...new Set(
            groups.flatMap(g =>
              g.rows.flatMap(r => [r.entity_ref, r.ai_system_ref ?? []].flat()),
            ),
          ),
        ])
      : new Set<string>();
    // A finding on A concerning B is returned by the chunk of A and by the chunk of B;
    // each chunk credits only its own refs so nothing is counted twice.
    for (const { part: inPart, rows } of groups) {
      for (const row of rows) {
        if (
          hidden.has(row.entity_ref) ||
          (row.ai_system_ref && hidden.has(row.ai_system_ref))
        )
          continue;
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
    /** Who the event history names (default `aims:reconcile`). */
    actor?: string;
  }): Promise<FindingReconcileResult> {
    const now = this.clock();
    const refs = options.aiSystemRefs?.map(normalizeRef);
    const actor = options.actor ?? 'aims:reconcile';
    return this.knex.transaction(async trx => {
      const q = trx(TABLE)
        .select(
          'id',
          'finding_key',
          'status',
          'occurrences',
          'severity',
          'evidence',
        )
        .whereIn('type', options.types as string[]);
      if (refs) {
        if (!refs.length)
          return { opened: 0, resolved: 0, reopened: 0, changes: [] };
        q.where(w =>
          w.whereIn('ai_system_ref', refs).orWhereIn('entity_ref', refs),
        );
      }
      const stored = (await q).map((r: any) => ({
        id: String(r.id),
        key: r.finding_key,
        status: r.status,
        occurrences: Number(r.occurrences ?? 1),
        severity: r.severity as FindingSeverity,
        evidence: (r.evidence ?? null) as string | null,
      }));
      const storedById = new Map(stored.map(s => [s.id, s]));
      const drafts = options.drafts.filter(d => options.types.includes(d.type));
      const plan = planFindingReconcile(stored, drafts);
      const seen = (d: FindingDraft) => ({
        severity: d.severity,
        evidence: JSON.stringify(d.evidence),
        last_seen_at: now,
      });
      // Writes go in chunks of rows rather than one statement per finding: a reconcile over
      // thousands of findings otherwise spends its time in round trips (measured in the
      // push benchmark, where the drift reconcile competes with the ingest for the database).
      for (const part of chunk(plan.insert, 100)) {
        await trx(TABLE)
          .insert(
            part.map(d => ({
              finding_key: d.key,
              type: d.type,
              entity_ref: normalizeRef(d.entityRef),
              ai_system_ref: d.aiSystemRef ? normalizeRef(d.aiSystemRef) : null,
              environment: d.environment ?? null,
              status: 'open',
              first_seen_at: now,
              occurrences: 1,
              ...seen(d),
            })),
          )
          // another replica may have inserted it a moment ago: then it is just seen
          .onConflict('finding_key')
          .merge(['severity', 'evidence', 'last_seen_at']);
      }
      // Conditional writes: when another replica changed a row since it was read (it waited
      // for that replica's commit), the change is theirs and is not reported twice.
      const raised = new Set<string>();
      // Still present and unchanged (the common case): only last seen moves, for many at once.
      const onlySeen: string[] = [];
      for (const { id, draft } of plan.touch) {
        const before = storedById.get(id)!;
        const fresh = seen(draft);
        if (
          fresh.severity === before.severity &&
          fresh.evidence === before.evidence
        ) {
          onlySeen.push(id);
          continue;
        }
        if (severityRank(draft.severity) > severityRank(before.severity)) {
          const n = await trx(TABLE)
            .where({ id, severity: before.severity })
            .update(fresh);
          if (n) {
            raised.add(id);
            continue;
          }
        }
        await trx(TABLE).where({ id }).update(fresh);
      }
      for (const ids of chunk(onlySeen)) {
        await trx(TABLE)
          .whereIn('id', ids.map(Number))
          .update({ last_seen_at: now });
      }
      const reopened = new Set<string>();
      for (const { id, draft, occurrences } of plan.reopen) {
        const n = await trx(TABLE)
          .where({ id, status: 'resolved' })
          .update({
            ...seen(draft),
            status: 'open',
            status_until: null,
            occurrences,
            resolved_at: null,
          });
        if (n) reopened.add(id);
        else await trx(TABLE).where({ id }).update(seen(draft));
      }
      const resolved: string[] = [];
      for (const ids of chunk(plan.resolve)) {
        const rows = await trx(TABLE)
          .whereIn('id', ids)
          .whereNot('status', 'resolved')
          .update(
            {
              status: 'resolved',
              resolved_at: now,
              status_until: null,
            },
            ['id'],
          );
        resolved.push(...rows.map((r: any) => String(r.id ?? r)));
      }

      // the event history and the changes owners are told about
      const changes: FindingChange[] = [];
      const events: NewFindingEvent[] = [];
      if (plan.insert.length) {
        const idByKey = new Map<string, string>();
        for (const keys of chunk(plan.insert.map(d => d.key))) {
          const rows = await trx(TABLE)
            .select('id', 'finding_key', 'first_seen_at')
            .whereIn('finding_key', keys);
          for (const r of rows) {
            // inserted by this run (not merged into another replica's row)
            if (
              new Date(toIsoTimestamp(r.first_seen_at)!).getTime() ===
              now.getTime()
            )
              idByKey.set(r.finding_key, String(r.id));
          }
        }
        for (const d of plan.insert) {
          const id = idByKey.get(d.key);
          if (!id) continue;
          changes.push({ change: 'opened', id, draft: d });
          events.push({
            findingId: id,
            actor,
            action: 'opened',
            toStatus: 'open',
            details: { severity: d.severity },
          });
        }
      }
      for (const { id, draft } of plan.reopen.filter(r => reopened.has(r.id))) {
        changes.push({ change: 'reopened', id, draft });
        events.push({
          findingId: id,
          actor,
          action: 'reopened',
          fromStatus: 'resolved',
          toStatus: 'open',
          details: { severity: draft.severity },
        });
      }
      for (const { id, draft } of plan.touch) {
        const before = storedById.get(id)!;
        if (raised.has(id)) {
          changes.push({
            change: 'severity-raised',
            id,
            draft,
            previousSeverity: before.severity,
          });
          events.push({
            findingId: id,
            actor,
            action: 'severity-raised',
            details: { from: before.severity, to: draft.severity },
          });
        }
      }
      for (const id of resolved) {
        events.push({
          findingId: id,
          actor,
          action: 'resolved',
          fromStatus: storedById.get(id)!.status,
          toStatus: 'resolved',
        });
      }
      await this.events.append(events, trx, now);
      return {
        opened: plan.insert.length,
        resolved: resolved.length,
        reopened: reopened.size,
        changes,
      };
    });
  }

  private filtered(filter: FindingFilter) {
    const q = this.knex(TABLE);
    if (filter.entityRef) {
      const ref = normalizeRef(filter.entityRef);
      q.where(w => w.where('entity_ref', ref).orWhere('ai_system_ref', ref));
    }
    if (filter.aiSystemRef)
      q.where('ai_system_ref', normalizeRef(filter.aiSystemRef));
    if (filter.type) q.where('type', filter.type);
    if (filter.status) q.where('status', filter.status);
    if (filter.severity) q.where('severity', filter.severity);
    return q;
  }

  /** The entities the findings matching `filter` concern (to ask the catalog about them). */
  async refsOf(filter: FindingFilter): Promise<string[]> {
    const rows: Array<{ entity_ref: string; ai_system_ref: string | null }> =
      await this.filtered(filter).distinct('entity_ref', 'ai_system_ref');
    return [
      ...new Set(
        rows.flatMap(r => [r.entity_ref, r.ai_system_ref ?? []].flat()),
      ),
    ];
  }

  /**
   * Findings, newest first. `entityRef` matches findings on the entity and findings that
   * concern it as an AI system (contract); `aiSystemRef` only the latter. Findings on or
   * naming one of the `hidden` refs are left out (before the limit applies).
   */
  async list(
    filter: FindingFilter & { limit: number },
    hidden: ReadonlySet<string> = new Set(),
  ): Promise<StoredFinding[]> {
    const q = excludeHiddenRefs(
      this.filtered(filter).select('*'),
      ['entity_ref', 'ai_system_ref'],
      hidden,
    );
    const rows = await q
      .orderBy('first_seen_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit);
    return rows.map(rowToFinding);
  }

  /** One finding, or undefined. */
  async get(
    id: string,
    db: Knex | Knex.Transaction = this.knex,
  ): Promise<StoredFinding | undefined> {
    if (!/^\d+$/.test(id)) return undefined;
    const row = await db(TABLE)
      .where({ id: Number(id) })
      .first();
    return row ? rowToFinding(row) : undefined;
  }

  /**
   * An owner's action: sets the status (and until/reason), appends the event, in the caller's
   * transaction. Returns the status before.
   */
  async applyAction(
    trx: Knex.Transaction,
    finding: StoredFinding,
    action: {
      action: string;
      status: FindingStatus;
      reason: string;
      until?: Date;
      actor: string;
    },
  ): Promise<void> {
    const now = this.clock();
    await trx(TABLE)
      .where({ id: Number(finding.id) })
      .update({
        status: action.status,
        status_until: action.until ?? null,
        status_reason: action.reason,
        resolved_at: action.status === 'resolved' ? now : null,
      });
    await this.events.append(
      [
        {
          findingId: finding.id,
          actor: action.actor,
          action: action.action,
          fromStatus: finding.status,
          toStatus: action.status,
          reason: action.reason,
          until: action.until,
        },
      ],
      trx,
      now,
    );
  }

  /**
   * Snoozes and risk acceptances of the given types whose date has passed open again (run
   * before a reconcile, so the reconcile then sees them as open — or resolves them when the
   * cause is gone).
   */
  async reopenExpired(
    types: readonly FindingType[],
    actor: string,
  ): Promise<string[]> {
    const now = this.clock();
    return this.knex.transaction(async trx => {
      const rows = await trx(TABLE)
        .select('id', 'status', 'status_until')
        .whereIn('type', types as string[])
        .whereIn('status', ['snoozed', 'risk-accepted'])
        .where('status_until', '<=', now);
      const ids = rows.map((r: any) => String(r.id));
      for (const part of chunk(ids)) {
        await trx(TABLE)
          .whereIn('id', part.map(Number))
          .update({ status: 'open', status_until: null });
      }
      await this.events.append(
        rows.map((r: any) => ({
          findingId: String(r.id),
          actor,
          action: 'expired',
          fromStatus: r.status,
          toStatus: 'open',
          until: new Date(toIsoTimestamp(r.status_until)!),
        })),
        trx,
        now,
      );
      return ids;
    });
  }
}

export type StoredFinding = Finding & {
  /** The stable key (same cause, same key). */
  key: string;
  occurrences: number;
  statusUntil: string | null;
  statusReason: string | null;
};

function rowToFinding(r: any): StoredFinding {
  return {
    id: String(r.id),
    key: r.finding_key,
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
    statusUntil: toIsoTimestamp(r.status_until),
    statusReason: r.status_reason ?? null,
  };
}
