import { Knex } from 'knex';
import { DriftReconcileBacklog } from '@aims-backstage/backstage-plugin-aims-common';
import { chunk, normalizeRef, toIsoTimestamp } from '../lib/db';

const TABLE = 'aims_drift_queue';
type Db = Knex | Knex.Transaction;

/** A queued component as one claim saw it. */
export interface ClaimedComponent {
  component: string;
  seq: number;
}

/**
 * Components waiting for a drift reconcile (`aims_drift_queue`). Shared by every replica:
 * `request` runs inside the transaction that stores a deployment report; `claim` leases a
 * batch to one replica; `complete` removes what that claim saw (a request that arrived while
 * it ran raised `requested_seq` and stays queued); `release` hands back the rest.
 */
export class DriftQueueStore {
  constructor(private readonly knex: Knex) {}

  async request(components: readonly string[], at: Date, db: Db = this.knex) {
    const unique = [...new Set(components.map(normalizeRef))].sort();
    for (const part of chunk(unique, 200)) {
      await db(TABLE)
        .insert(
          part.map(component => ({
            component,
            requested_seq: 1,
            requested_at: at,
          })),
        )
        .onConflict('component')
        .merge({
          requested_seq: this.knex.raw('?? + 1', [`${TABLE}.requested_seq`]),
          requested_at: at,
        });
    }
  }

  /** Leases up to `limit` components that nobody holds (or whose lease expired). */
  async claim(
    owner: string,
    now: Date,
    leaseMs: number,
    limit: number,
  ): Promise<ClaimedComponent[]> {
    const claimable = (q: Knex.QueryBuilder) =>
      q.whereNull('lease_until').orWhere('lease_until', '<', now);
    const candidates: string[] = await this.knex(TABLE)
      .where(claimable)
      .orderBy('requested_at')
      .limit(limit)
      .pluck('component');
    if (!candidates.length) return [];
    // conditional update: of two replicas racing for a row, one wins it
    await this.knex(TABLE)
      .whereIn('component', candidates)
      .andWhere(claimable)
      .update({
        lease_owner: owner,
        lease_until: new Date(now.getTime() + leaseMs),
      });
    const rows = await this.knex(TABLE)
      .whereIn('component', candidates)
      .andWhere('lease_owner', owner)
      .select('component', 'requested_seq');
    return rows.map(r => ({
      component: r.component,
      seq: Number(r.requested_seq),
    }));
  }

  /** Removes the claimed requests that nobody repeated since, then releases the rest. */
  async complete(owner: string, claimed: readonly ClaimedComponent[]) {
    for (const part of chunk([...claimed], 200)) {
      await this.knex(TABLE)
        .where('lease_owner', owner)
        .andWhere(q => {
          for (const c of part)
            q.orWhere({ component: c.component, requested_seq: c.seq });
        })
        .delete();
    }
    await this.release(owner);
  }

  /** Hands every lease of `owner` back (after a failure, or what `complete` kept). */
  async release(owner: string) {
    await this.knex(TABLE)
      .where('lease_owner', owner)
      .update({ lease_owner: null, lease_until: null });
  }

  /** How many components are waiting. */
  async size(): Promise<number> {
    return (await this.backlog()).waiting;
  }

  /** How many components are waiting, and since when the oldest (`GET /sources`). */
  async backlog(): Promise<DriftReconcileBacklog> {
    const [row] = await this.knex(TABLE)
      .count({ waiting: '*' })
      .min({ oldest: 'requested_at' });
    return {
      waiting: Number(row.waiting),
      oldestRequestedAt: toIsoTimestamp(row.oldest),
    };
  }
}
