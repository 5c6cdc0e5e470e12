import {
  FindingCounts,
  FindingSeverity,
  FindingStatus,
  FindingType,
} from '@internal/plugin-aims-common';
import { Knex } from 'knex';
import { chunk, normalizeRef } from './util';

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
}
