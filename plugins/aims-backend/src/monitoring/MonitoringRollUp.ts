import { LoggerService } from '@backstage/backend-plugin-api';
import {
  mergeDailyAggregates,
  rollUpDaily,
} from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import { MonitoringStore } from './MonitoringStore';

/**
 * Retention: raw results observed longer ago than the retention are rolled up into one
 * aggregate per series and day (merged into a day already rolled up) and deleted, one
 * transaction per series; breached results stay raw so every breach stays visible with the
 * threshold it was judged against. Safe to run again and on several replicas: a result is
 * aggregated in the same transaction that deletes it (on PostgreSQL its row is locked first,
 * so a second run waits and then finds it gone).
 */
export class MonitoringRollUp {
  constructor(
    private readonly deps: {
      knex: Knex;
      store: MonitoringStore;
      retentionMs: number;
      logger?: LoggerService;
      clock?: () => Date;
    },
  ) {}

  async run(): Promise<{ series: number; results: number; days: number }> {
    const { knex, store } = this.deps;
    const now = this.deps.clock ? this.deps.clock() : new Date();
    const before = new Date(now.getTime() - this.deps.retentionMs);
    let results = 0;
    let days = 0;
    const series = await store.seriesToRollUp(before);
    for (const s of series) {
      const done = await knex.transaction(async trx => {
        const candidates = await store.rollUpCandidates(s, before, trx);
        if (!candidates.length) return { results: 0, days: 0 };
        const aggregates = rollUpDaily(candidates);
        const stored = await store.dailyOf(
          s,
          aggregates.map(a => a.day),
          trx,
        );
        await store.upsertDaily(
          s,
          aggregates.map(a => {
            const prior = stored.get(a.day);
            return prior ? mergeDailyAggregates(prior, a) : a;
          }),
          trx,
        );
        await store.deleteResults(
          candidates.map(c => c.id),
          trx,
        );
        return { results: candidates.length, days: aggregates.length };
      });
      results += done.results;
      days += done.days;
    }
    if (results)
      this.deps.logger?.info(
        `AIMS monitoring roll-up: ${results} result(s) of ${series.length} series into ${days} day(s)`,
      );
    return { series: series.length, results, days };
  }
}
