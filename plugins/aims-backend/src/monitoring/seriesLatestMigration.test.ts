/*
 * The migration that keeps each monitoring series' latest result on the series row
 * (20261201060000_monitoring_series_latest.js): series stored before it get their newest raw
 * result, or the last value of their newest day when every result was rolled up; after it,
 * the ingest moves the latest forward and never back.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { MIGRATIONS_DIRECTORY, migrateUpTo } from '../__testUtils__/migrations';
import { MonitoringStore } from './MonitoringStore';

jest.setTimeout(60_000);

const MIGRATION = '20261201060000_monitoring_series_latest.js';
const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});
const FRAUD = 'aisystem:default/fraud-scorer';
const series = (metric: string, slice = 'all') => ({
  ai_system_ref: FRAUD,
  metric,
  slice,
  environment: 'production',
});

describe.each(databases.eachSupportedId())(
  'monitoring series latest results on %s',
  databaseId => {
    it('backfills the newest raw result or rolled-up day, then moves forward only', async () => {
      const knex = await databases.init(databaseId);
      await migrateUpTo(knex, MIGRATION);
      const result = (
        metric: string,
        observedAt: string,
        value: number,
        verdict = 'inside',
      ) => ({
        ...series(metric),
        result_key: `${metric}:${observedAt}`,
        window: '',
        observed_at: new Date(observedAt),
        value,
        threshold: JSON.stringify({ min: 0.85 }),
        verdict,
        received_at: new Date(observedAt),
        received_by: 'test',
      });
      await knex('aims_monitoring_results').insert([
        result('auc', '2026-11-20T05:00:00Z', 0.9),
        result('auc', '2026-11-22T05:00:00Z', 0.8, 'below-min'),
        result('auc', '2026-11-21T05:00:00Z', 0.91),
      ]);
      await knex('aims_monitoring_daily').insert(
        ['2026-09-01', '2026-09-02'].map((day, i) => ({
          ...series('psi'),
          day,
          min: 0.1,
          max: 0.2,
          mean: 0.15,
          count: 3,
          last: 0.1 + i / 10,
          last_observed_at: new Date(`${day}T23:00:00Z`),
        })),
      );
      await knex('aims_monitoring_series').insert([
        series('auc'),
        series('psi'),
      ]);
      await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });

      const store = new MonitoringStore(knex);
      const latest = async () =>
        ((await store.latest([FRAUD])).get(FRAUD) ?? []).map(l => [
          l.metric,
          l.value,
          l.observedAt,
          l.verdict,
        ]);
      expect(await latest()).toEqual([
        ['auc', 0.8, '2026-11-22T05:00:00.000Z', 'below-min'],
        ['psi', 0.2, '2026-09-02T23:00:00.000Z', 'inside'],
      ]);

      // ingest: a newer result moves it forward, an older one sent late does not
      const row = (observedAt: string, value: number) => ({
        resultKey: `auc:${observedAt}`,
        aiSystemRef: FRAUD,
        environment: 'production',
        metric: 'auc',
        slice: 'all',
        window: '',
        observedAt: new Date(observedAt),
        value,
        sentThreshold: undefined,
        threshold: { min: 0.85 },
        verdict: 'inside' as const,
        receivedAt: new Date(),
        receivedBy: 'test',
      });
      await knex.transaction(trx =>
        store.insertMany([row('2026-11-23T05:00:00Z', 0.92)], trx),
      );
      await knex.transaction(trx =>
        store.insertMany([row('2026-11-10T05:00:00Z', 0.5)], trx),
      );
      expect((await latest())[0]).toEqual([
        'auc',
        0.92,
        '2026-11-23T05:00:00.000Z',
        'inside',
      ]);
    });
  },
);
