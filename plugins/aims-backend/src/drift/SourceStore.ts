import {
  SourceHealth,
  SourceHealthStatus,
  sourceHealthAt,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { toIsoTimestamp } from '../lib/db';

const TABLE = 'aims_sources';
const OBSERVATIONS = 'aims_observations';
type Db = Knex | Knex.Transaction;

/** `GET /sources`: one deployment source and the health of its runs. */
export type SourceState = {
  id: string;
  status: SourceHealthStatus;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastError: string | null;
  freshnessWindowMs: number;
  observationCount: number;
};

/** Deployment sources' run bookkeeping (shared by every replica). */
export class SourceStore {
  constructor(private readonly knex: Knex) {}

  /** A registered source (listed as stale until its first run); keeps its run history. */
  async register(id: string, freshnessWindowMs: number): Promise<void> {
    await this.knex(TABLE)
      .insert({ source_id: id, freshness_window_ms: freshnessWindowMs })
      .onConflict('source_id')
      .merge(['freshness_window_ms']);
  }

  async recordSuccess(
    id: string,
    at: Date,
    freshnessWindowMs: number,
    db: Db = this.knex,
  ): Promise<void> {
    await db(TABLE)
      .insert({
        source_id: id,
        last_success_at: at,
        freshness_window_ms: freshnessWindowMs,
      })
      .onConflict('source_id')
      .merge(['last_success_at', 'freshness_window_ms']);
  }

  /** A failed run: recorded, the observations stay as they are (and count as unknown). */
  async recordFailure(
    id: string,
    at: Date,
    error: string,
    freshnessWindowMs: number,
    db: Db = this.knex,
  ): Promise<void> {
    await db(TABLE)
      .insert({
        source_id: id,
        last_failure_at: at,
        last_error: error.slice(0, 4000),
        freshness_window_ms: freshnessWindowMs,
      })
      .onConflict('source_id')
      .merge(['last_failure_at', 'last_error', 'freshness_window_ms']);
  }

  private async states(now: Date, counts: Map<string, number>) {
    const rows: any[] = await this.knex(TABLE).orderBy('source_id');
    return rows.map((r): SourceState => {
      const lastSuccessAt = toIsoTimestamp(r.last_success_at);
      const lastFailureAt = toIsoTimestamp(r.last_failure_at);
      const freshnessWindowMs = Number(r.freshness_window_ms);
      return {
        id: r.source_id,
        status: sourceHealthAt(
          { lastSuccessAt, lastFailureAt, freshnessWindowMs },
          now,
        ),
        lastSuccessAt,
        lastFailureAt,
        lastError: r.last_error ?? null,
        freshnessWindowMs,
        observationCount: counts.get(r.source_id) ?? 0,
      };
    });
  }

  /**
   * Every source with its health at `now` and how many observations it holds now (counted
   * on read: deployment reports change the count on every push, so a stored count would be
   * one more write on the hot path). `hiddenAmong` (the caller's catalog visibility) leaves
   * out observations of components or AI systems the caller can't see, asked once for every
   * entity observed.
   */
  async list(
    now: Date,
    hiddenAmong?: (refs: string[]) => Promise<ReadonlySet<string>>,
  ): Promise<SourceState[]> {
    const rows: Array<{
      source_id: string;
      component: string;
      ai_system_ref: string | null;
      count: string | number;
    }> = await this.knex(OBSERVATIONS)
      .select('source_id', 'component', 'ai_system_ref')
      .count({ count: '*' })
      .groupBy('source_id', 'component', 'ai_system_ref');
    const hidden = hiddenAmong
      ? await hiddenAmong([
          ...new Set(
            rows.flatMap(r => [r.component, r.ai_system_ref ?? []].flat()),
          ),
        ])
      : new Set<string>();
    const counts = new Map<string, number>();
    for (const r of rows) {
      if (
        hidden.has(r.component) ||
        (r.ai_system_ref && hidden.has(r.ai_system_ref))
      )
        continue;
      counts.set(r.source_id, (counts.get(r.source_id) ?? 0) + Number(r.count));
    }
    return this.states(now, counts);
  }

  async health(now: Date): Promise<SourceHealth[]> {
    return (await this.states(now, new Map())).map(s => ({
      sourceId: s.id,
      status: s.status,
    }));
  }
}
