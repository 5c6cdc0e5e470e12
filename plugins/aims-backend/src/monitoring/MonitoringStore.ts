import {
  DailyAggregate,
  LatestMonitoringResult,
  MonitoringThreshold,
  MonitoringVerdict,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { chunk, toIsoTimestamp } from '../lib/db';

const RESULTS = 'aims_monitoring_results';
const DAILY = 'aims_monitoring_daily';
const SERIES = 'aims_monitoring_series';
const SERIES_COLUMNS = ['ai_system_ref', 'metric', 'slice', 'environment'];
/** The rows of `table` (alias t) of series s, as a correlated condition. */
const OF_SERIES = (t: string) =>
  SERIES_COLUMNS.map(c => `${t}.${c} = s.${c}`).join(' and ');
type Db = Knex | Knex.Transaction;

/** A result judged and ready to store. */
export interface MonitoringResultRow {
  resultKey: string;
  aiSystemRef: string;
  environment: string;
  metric: string;
  slice: string;
  window: string;
  observedAt: Date;
  value: number;
  sentThreshold: MonitoringThreshold | undefined;
  threshold: MonitoringThreshold | undefined;
  verdict: MonitoringVerdict;
  receivedAt: Date;
  receivedBy: string;
}

/** A stored result as readers see it. */
export interface StoredMonitoringResult {
  id: string;
  aiSystemRef: string;
  environment: string;
  metric: string;
  slice: string;
  window: string;
  observedAt: string;
  value: number;
  threshold: MonitoringThreshold | null;
  verdict: MonitoringVerdict;
}

/** One series: metric × slice × environment of one AI system. */
export interface MonitoringSeriesKey {
  aiSystemRef: string;
  metric: string;
  slice: string;
  environment: string;
}

export interface StoredDailyAggregate
  extends DailyAggregate,
    MonitoringSeriesKey {}

export interface LatestWithSystem extends LatestMonitoringResult {
  aiSystemRef: string;
}

const BREACHES = ['below-min', 'above-max'];

const parseJson = (v: unknown): MonitoringThreshold | null =>
  typeof v === 'string' && v ? JSON.parse(v) : null;

function toResult(row: any): StoredMonitoringResult {
  return {
    id: String(row.id),
    aiSystemRef: row.ai_system_ref,
    environment: row.environment,
    metric: row.metric,
    slice: row.slice,
    window: row.window,
    observedAt: toIsoTimestamp(row.observed_at)!,
    value: Number(row.value),
    threshold: parseJson(row.threshold),
    verdict: row.verdict,
  };
}

function toDaily(row: any): StoredDailyAggregate {
  return {
    aiSystemRef: row.ai_system_ref,
    environment: row.environment,
    metric: row.metric,
    slice: row.slice,
    day: row.day,
    min: Number(row.min),
    max: Number(row.max),
    mean: Number(row.mean),
    count: Number(row.count),
    last: Number(row.last),
    lastObservedAt: toIsoTimestamp(row.last_observed_at)!,
  };
}

const seriesId = (s: MonitoringSeriesKey) =>
  [s.aiSystemRef, s.metric, s.slice, s.environment].join('\n');

/**
 * Monitoring results (raw, one row per result, stored once per result key) and their daily
 * roll-up. Reads are in bulk: the latest result of every series of many AI systems, and their
 * recent values, are one query each.
 */
export class MonitoringStore {
  constructor(private readonly knex: Knex) {}

  /** Inserts results; a key already stored is left as it is. Returns the keys inserted. */
  async insertMany(
    rows: readonly MonitoringResultRow[],
    db: Db,
  ): Promise<Set<string>> {
    const inserted = new Set<string>();
    // the series first (the bulk reads start from them), in one order across transactions
    const series = new Map<string, MonitoringSeriesKey>();
    for (const r of rows) series.set(seriesId(r), r);
    for (const part of chunk(
      [...series.keys()].sort().map(id => series.get(id)!),
      100,
    )) {
      await db(SERIES)
        .insert(
          part.map(s => ({
            ai_system_ref: s.aiSystemRef,
            metric: s.metric,
            slice: s.slice,
            environment: s.environment,
          })),
        )
        .onConflict(SERIES_COLUMNS)
        .ignore();
    }
    // in key order: concurrent transactions lock the same keys in one order; 500 rows per
    // statement (SQLite's limit: knex writes a multi-row insert there as a compound SELECT of
    // at most 500 terms): a report of 1,000 results is two round trips, not twenty
    const sorted = [...rows].sort((a, b) =>
      a.resultKey < b.resultKey ? -1 : Number(a.resultKey > b.resultKey),
    );
    for (const part of chunk(sorted, 500)) {
      const stored = await db(RESULTS)
        .insert(
          part.map(r => ({
            result_key: r.resultKey,
            ai_system_ref: r.aiSystemRef,
            environment: r.environment,
            metric: r.metric,
            slice: r.slice,
            window: r.window,
            observed_at: r.observedAt,
            value: r.value,
            sent_threshold: r.sentThreshold
              ? JSON.stringify(r.sentThreshold)
              : null,
            threshold: r.threshold ? JSON.stringify(r.threshold) : null,
            verdict: r.verdict,
            received_at: r.receivedAt,
            received_by: r.receivedBy,
          })),
        )
        .onConflict('result_key')
        .ignore()
        .returning('result_key');
      for (const row of stored)
        inserted.add(typeof row === 'object' ? row.result_key : row);
    }
    await this.advanceLatest(
      sorted.filter(r => inserted.has(r.resultKey)),
      db,
    );
    return inserted;
  }

  /**
   * Moves each series' latest result forward to the newest of these (just stored) results,
   * never back: an older result sent late leaves it, and of two at the same second the one
   * stored first stays (as the findings read it). Same transaction as the insert.
   */
  private async advanceLatest(
    stored: readonly MonitoringResultRow[],
    db: Db,
  ): Promise<void> {
    const newest = new Map<string, MonitoringResultRow>();
    for (const r of stored) {
      const prior = newest.get(seriesId(r));
      if (!prior || prior.observedAt < r.observedAt) newest.set(seriesId(r), r);
    }
    for (const id of [...newest.keys()].sort()) {
      const r = newest.get(id)!;
      await db(SERIES)
        .where({
          ai_system_ref: r.aiSystemRef,
          metric: r.metric,
          slice: r.slice,
          environment: r.environment,
        })
        .andWhere(q =>
          q
            .whereNull('latest_observed_at')
            .orWhere('latest_observed_at', '<', r.observedAt),
        )
        .update({
          latest_observed_at: r.observedAt,
          latest_value: r.value,
          latest_verdict: r.verdict,
          latest_threshold: r.threshold ? JSON.stringify(r.threshold) : null,
        });
    }
  }

  /** Raw results of one AI system observed since `from`, oldest first. */
  async results(
    aiSystemRef: string,
    filter: {
      from: Date;
      metric?: string;
      slice?: string;
      environment?: string;
    },
  ): Promise<StoredMonitoringResult[]> {
    const q = this.knex(RESULTS)
      .where('ai_system_ref', aiSystemRef)
      .where('observed_at', '>=', filter.from)
      .orderBy('observed_at', 'asc')
      .orderBy('id', 'asc');
    if (filter.metric) q.where('metric', filter.metric);
    if (filter.slice) q.where('slice', filter.slice);
    if (filter.environment) q.where('environment', filter.environment);
    return (await q).map(toResult);
  }

  /** Daily aggregates of one AI system from `fromDay` (YYYY-MM-DD) on, oldest first. */
  async daily(
    aiSystemRef: string,
    filter: {
      fromDay: string;
      metric?: string;
      slice?: string;
      environment?: string;
    },
  ): Promise<StoredDailyAggregate[]> {
    const q = this.knex(DAILY)
      .where('ai_system_ref', aiSystemRef)
      .where('day', '>=', filter.fromDay)
      .orderBy('day', 'asc');
    if (filter.metric) q.where('metric', filter.metric);
    if (filter.slice) q.where('slice', filter.slice);
    if (filter.environment) q.where('environment', filter.environment);
    return (await q).map(toDaily);
  }

  /**
   * The latest result of every series of these AI systems: the newest raw result, or — for a
   * series whose raw results were all rolled up — its newest day's last value (never a
   * breach: breached results stay raw). Two queries per 500 systems (IN_LIST_CHUNK_SIZE).
   */
  async latest(
    aiSystemRefs: readonly string[],
  ): Promise<Map<string, LatestWithSystem[]>> {
    // kept on each series by the ingest: one indexed read however many results are stored
    const out = new Map<string, LatestWithSystem[]>();
    for (const refs of chunk([...new Set(aiSystemRefs)])) {
      const rows = await this.knex(SERIES)
        .whereIn('ai_system_ref', refs)
        .whereNotNull('latest_observed_at')
        .orderBy(['ai_system_ref', 'metric', 'slice', 'environment']);
      for (const row of rows) {
        const list = out.get(row.ai_system_ref) ?? [];
        list.push({
          aiSystemRef: row.ai_system_ref,
          metric: row.metric,
          slice: row.slice,
          environment: row.environment,
          value: Number(row.latest_value),
          observedAt: toIsoTimestamp(row.latest_observed_at)!,
          verdict: row.latest_verdict,
          threshold: parseJson(row.latest_threshold),
        });
        out.set(row.ai_system_ref, list);
      }
    }
    return out;
  }

  /**
   * {@link latest} and {@link recentValues} of the same systems (the inventory page, the status
   * card): on PostgreSQL one query, one pass over their series.
   */
  async latestAndRecent(
    aiSystemRefs: readonly string[],
    limit = 30,
  ): Promise<{
    latest: Map<string, LatestWithSystem[]>;
    recent: Map<string, number[]>;
  }> {
    if (!this.isPostgres()) {
      const [latest, recent] = await Promise.all([
        this.latest(aiSystemRefs),
        this.recentValues(aiSystemRefs, limit),
      ]);
      return { latest, recent };
    }
    return this.readLatest(aiSystemRefs, limit);
  }

  private async readLatest(aiSystemRefs: readonly string[], recent?: number) {
    const out = new Map<string, LatestWithSystem[]>();
    const recentOut = new Map<string, number[]>();
    const bySeries = new Map<string, LatestWithSystem>();
    const keep = (r: LatestWithSystem) => {
      const id = seriesId(r);
      const prior = bySeries.get(id);
      if (!prior || prior.observedAt < r.observedAt) bySeries.set(id, r);
    };
    for (const refs of chunk([...new Set(aiSystemRefs)])) {
      const { rows, days } = this.isPostgres()
        ? await this.latestPerSeries(refs, recent)
        : await this.latestByGroup(refs);
      for (const row of rows) {
        const r = toResult(row);
        if (row.recent?.length)
          recentOut.set(seriesId(r), row.recent.map(Number));
        keep({
          aiSystemRef: r.aiSystemRef,
          metric: r.metric,
          slice: r.slice,
          environment: r.environment,
          value: r.value,
          observedAt: r.observedAt,
          verdict: r.verdict,
          threshold: r.threshold,
        });
      }
      for (const row of days) {
        const d = toDaily(row);
        keep({
          aiSystemRef: d.aiSystemRef,
          metric: d.metric,
          slice: d.slice,
          environment: d.environment,
          value: d.last,
          observedAt: d.lastObservedAt,
          verdict: 'inside',
          threshold: null,
        });
      }
    }
    for (const r of bySeries.values()) {
      const list = out.get(r.aiSystemRef) ?? [];
      list.push(r);
      out.set(r.aiSystemRef, list);
    }
    return { latest: out, recent: recentOut };
  }

  private isPostgres() {
    return this.knex.client.config.client === 'pg';
  }

  /**
   * PostgreSQL: from the series of these systems, in one query, the newest raw result of each
   * (the oldest id among equal instants) and its newest day — each a few index entries read
   * backwards — and with `recent`, its last `recent` raw values as an array, oldest first.
   */
  private async latestPerSeries(refs: readonly string[], recent?: number) {
    const found = await this.knex({ s: SERIES })
      .whereIn('s.ai_system_ref', refs)
      .joinRaw(
        `left join lateral (select * from ${RESULTS} r where ${OF_SERIES(
          'r',
        )} order by r.observed_at desc, r.id asc limit 1) r on true`,
      )
      .joinRaw(
        `left join lateral (select * from ${DAILY} d where ${OF_SERIES(
          'd',
        )} order by d.day desc limit 1) d on true`,
      )
      .select(
        's.ai_system_ref',
        's.metric',
        's.slice',
        's.environment',
        'r.id',
        'r.window',
        'r.observed_at',
        'r.value',
        'r.threshold',
        'r.verdict',
        { day: 'd.day', min: 'd.min', max: 'd.max', mean: 'd.mean' },
        { count: 'd.count', last: 'd.last' },
        { last_observed_at: 'd.last_observed_at' },
        ...(recent ? [this.recentArray(recent)] : []),
      );
    return {
      rows: found.filter(row => row.id !== null),
      days: found.filter(row => row.day !== null),
    };
  }

  /** SQLite: the newest raw result and day of each series by grouping (small databases). */
  private async latestByGroup(refs: readonly string[]) {
    const newest = this.knex(RESULTS)
      .whereIn('ai_system_ref', refs)
      .select('ai_system_ref', 'metric', 'slice', 'environment')
      .max({ at: 'observed_at' })
      .groupBy('ai_system_ref', 'metric', 'slice', 'environment')
      .as('n');
    const rows = await this.knex(RESULTS)
      .join(newest, join =>
        join
          .on(`${RESULTS}.ai_system_ref`, 'n.ai_system_ref')
          .andOn(`${RESULTS}.metric`, 'n.metric')
          .andOn(`${RESULTS}.slice`, 'n.slice')
          .andOn(`${RESULTS}.environment`, 'n.environment')
          .andOn(`${RESULTS}.observed_at`, 'n.at'),
      )
      .select(`${RESULTS}.*`)
      .orderBy(`${RESULTS}.id`, 'asc');
    const days = await this.knex(DAILY)
      .whereIn('ai_system_ref', refs)
      .whereIn(
        ['ai_system_ref', 'metric', 'slice', 'environment', 'day'],
        this.knex(DAILY)
          .whereIn('ai_system_ref', refs)
          .select('ai_system_ref', 'metric', 'slice', 'environment')
          .max('day')
          .groupBy('ai_system_ref', 'metric', 'slice', 'environment'),
      );
    return { rows, days };
  }

  /**
   * The last `limit` raw values of every series of these AI systems, oldest first (for
   * sparklines): one query per 500 systems.
   */
  async recentValues(
    aiSystemRefs: readonly string[],
    limit = 30,
  ): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    for (const refs of chunk([...new Set(aiSystemRefs)])) {
      const series = this.isPostgres()
        ? await this.recentPerSeries(refs, limit)
        : await this.recentByWindow(refs, limit);
      for (const [id, values] of series) out.set(id, values);
    }
    return out;
  }

  /** PostgreSQL: the last `limit` raw values of series `s`, oldest first, as `recent`. */
  private recentArray(limit: number) {
    return this.knex.raw(
      `array(select v.value from (select r.value, r.observed_at, r.id from ${RESULTS} r where ${OF_SERIES(
        'r',
      )} order by r.observed_at desc, r.id desc limit ?) v order by v.observed_at, v.id) as recent`,
      [limit],
    );
  }

  /**
   * PostgreSQL: the last `limit` values of each series of these systems, read backwards by
   * index and returned as one array per series.
   */
  private async recentPerSeries(refs: readonly string[], limit: number) {
    const rows = await this.knex({ s: SERIES })
      .whereIn('s.ai_system_ref', refs)
      .select('s.*', this.recentArray(limit));
    const out = new Map<string, number[]>();
    for (const row of rows) {
      // a series rolled up entirely has no raw values
      if (row.recent.length)
        out.set(
          seriesId({
            aiSystemRef: row.ai_system_ref,
            metric: row.metric,
            slice: row.slice,
            environment: row.environment,
          }),
          row.recent.map(Number),
        );
    }
    return out;
  }

  /** SQLite: numbered per series by a window function (small databases). */
  private async recentByWindow(refs: readonly string[], limit: number) {
    const numbered = this.knex(RESULTS)
      .whereIn('ai_system_ref', refs)
      .select(
        'ai_system_ref',
        'metric',
        'slice',
        'environment',
        'value',
        'observed_at',
        this.knex.raw(
          'row_number() over (partition by ai_system_ref, metric, slice, environment order by observed_at desc, id desc) as rn',
        ),
      )
      .as('r');
    const rows = await this.knex
      .from(numbered)
      .where('rn', '<=', limit)
      .orderBy('observed_at', 'asc');
    const out = new Map<string, number[]>();
    for (const row of rows) {
      const id = seriesId({
        aiSystemRef: row.ai_system_ref,
        metric: row.metric,
        slice: row.slice,
        environment: row.environment,
      });
      const list = out.get(id) ?? [];
      list.push(Number(row.value));
      out.set(id, list);
    }
    return out;
  }

  static seriesId = seriesId;

  /** The series with raw results observed before `before` that are not breaches. */
  async seriesToRollUp(before: Date): Promise<MonitoringSeriesKey[]> {
    const rows = await this.knex(RESULTS)
      .where('observed_at', '<', before)
      .whereNotIn('verdict', BREACHES)
      .distinct('ai_system_ref', 'metric', 'slice', 'environment');
    return rows.map((r: any) => ({
      aiSystemRef: r.ai_system_ref,
      metric: r.metric,
      slice: r.slice,
      environment: r.environment,
    }));
  }

  /** The raw results of one series observed before `before` that are not breaches. */
  async rollUpCandidates(
    series: MonitoringSeriesKey,
    before: Date,
    db: Db,
  ): Promise<Array<{ id: string; value: number; observedAt: string }>> {
    const q = db(RESULTS)
      .where({
        ai_system_ref: series.aiSystemRef,
        metric: series.metric,
        slice: series.slice,
        environment: series.environment,
      })
      .where('observed_at', '<', before)
      .whereNotIn('verdict', BREACHES)
      .select('id', 'value', 'observed_at');
    // PostgreSQL: the rows stay locked until the roll-up commits, so a second replica
    // rolling up the same series waits and then finds them gone
    if (this.knex.client.config.client === 'pg') q.forUpdate();
    return (await q).map((r: any) => ({
      id: String(r.id),
      value: Number(r.value),
      observedAt: toIsoTimestamp(r.observed_at)!,
    }));
  }

  /**
   * Which of these days of one AI system's environment are rolled up, per series:
   * `metric \n slice \n day` keys.
   */
  async rolledUpDays(
    aiSystemRef: string,
    environment: string,
    days: readonly string[],
    db: Db = this.knex,
  ): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunk([...new Set(days)])) {
      const rows = await db(DAILY)
        .where({ ai_system_ref: aiSystemRef, environment })
        .whereIn('day', part)
        .select('metric', 'slice', 'day');
      for (const r of rows) out.add(`${r.metric}\n${r.slice}\n${r.day}`);
    }
    return out;
  }

  async dailyOf(
    series: MonitoringSeriesKey,
    days: readonly string[],
    db: Db,
  ): Promise<Map<string, StoredDailyAggregate>> {
    const out = new Map<string, StoredDailyAggregate>();
    for (const part of chunk(days)) {
      const rows = await db(DAILY)
        .where({
          ai_system_ref: series.aiSystemRef,
          metric: series.metric,
          slice: series.slice,
          environment: series.environment,
        })
        .whereIn('day', part);
      for (const row of rows) out.set(row.day, toDaily(row));
    }
    return out;
  }

  async upsertDaily(
    series: MonitoringSeriesKey,
    aggregates: readonly DailyAggregate[],
    db: Db,
  ): Promise<void> {
    for (const part of chunk(aggregates, 50)) {
      await db(DAILY)
        .insert(
          part.map(a => ({
            ai_system_ref: series.aiSystemRef,
            metric: series.metric,
            slice: series.slice,
            environment: series.environment,
            day: a.day,
            min: a.min,
            max: a.max,
            mean: a.mean,
            count: a.count,
            last: a.last,
            last_observed_at: new Date(a.lastObservedAt),
          })),
        )
        .onConflict(['ai_system_ref', 'metric', 'slice', 'environment', 'day'])
        .merge(['min', 'max', 'mean', 'count', 'last', 'last_observed_at']);
    }
  }

  async deleteResults(ids: readonly string[], db: Db): Promise<void> {
    for (const part of chunk(ids)) await db(RESULTS).whereIn('id', part).del();
  }
}
