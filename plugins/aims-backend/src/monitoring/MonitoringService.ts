import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AISystemEntityV1alpha1,
  AISystemMonitoredMetric,
  DailyAggregate,
  LiveMetricHealth,
  MonitoringSeriesStatus,
  MonitoringSummaryStatus,
  isBreach,
  mergeDailyAggregates,
  monitoringMetricStatuses,
  monitoringSeriesStatus,
  monitoringSummaryStatus,
  rollUpDaily,
  worstMonitoringStatus,
} from '@aims-backstage/backstage-plugin-aims-common';
import { entityRefOf } from '../inventory/inventoryItem';
import { AISystems } from '../lib/AISystems';
import { normalizeRef } from '../lib/db';
import {
  LatestWithSystem,
  MonitoringStore,
  StoredMonitoringResult,
} from './MonitoringStore';

const DAY_MS = 86_400_000;

export type MonitoringPoint = {
  observedAt: string;
  value: number;
  verdict: StoredMonitoringResult['verdict'];
  threshold: StoredMonitoringResult['threshold'];
  aggregate?: { min: number; max: number; mean: number; count: number };
};

export type MonitoringSeries = {
  metric: string;
  slice: string;
  environment: string;
  status: MonitoringSeriesStatus;
  latest: MonitoringPoint | null;
  points: MonitoringPoint[];
};

export type MonitoringOverview = {
  aiSystemRef: string;
  days: number;
  from: string;
  to: string;
  metrics: Array<{
    metric: string;
    declaration: AISystemMonitoredMetric | null;
    status: MonitoringSeriesStatus;
    series: MonitoringSeries[];
  }>;
};

export type MonitoringSummary = {
  status: MonitoringSummaryStatus;
  metrics: number;
  breached: number;
  stale: number;
  /** With sparklines only (the status card); the inventory column leaves them out. */
  latest?: Array<{
    metric: string;
    status: MonitoringSeriesStatus;
    value: number | null;
    observedAt: string | null;
    spark: number[];
  }>;
};

/** `(aiSystemRef, metric or metric:slice)` → how that monitored metric stands now. */
export type MetricHealthLookup = (
  aiSystemRef: string,
  metricId: string,
) => LiveMetricHealth;

const pointOf = (r: {
  observedAt: string;
  value: number;
  verdict: StoredMonitoringResult['verdict'];
  threshold: StoredMonitoringResult['threshold'];
}): MonitoringPoint => ({
  observedAt: r.observedAt,
  value: r.value,
  verdict: r.verdict,
  threshold: r.threshold,
});

/**
 * What readers see of monitoring: one AI system's metrics over a range (GET /monitoring), the
 * summary per system for the inventory and the status card (bulk: two queries per page of
 * systems), and how a monitored metric stands for live SoA evidence.
 */
export class MonitoringService {
  constructor(
    private readonly deps: {
      store: MonitoringStore;
      systems: AISystems;
      catalog: CatalogService;
      auth: AuthService;
      /** Raw results older than this are rolled up into daily aggregates. */
      retentionMs: number;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.clock ? this.deps.clock() : new Date();
  }

  /**
   * `GET /monitoring/{kind}/{namespace}/{name}`: every declared metric (even never reported)
   * and every reported one, each series with its status and its points in the range — raw
   * results for a range within the retention; otherwise one point per day (the stored daily
   * aggregates and the raw results rolled up the same way) plus every breached result as it
   * was stored. Days without data have no point.
   */
  async overview(
    entityRef: string,
    query: {
      days: number;
      metric?: string;
      slice?: string;
      environment?: string;
    },
    credentials: BackstageCredentials,
  ): Promise<MonitoringOverview> {
    // 404 when the caller can't see it
    const system = await this.deps.systems.get(entityRef, credentials);
    const ref = normalizeRef(entityRefOf(system));
    const now = this.now();
    const from = new Date(now.getTime() - query.days * DAY_MS);
    const matches = (s: {
      metric: string;
      slice: string;
      environment: string;
    }) =>
      (!query.metric || s.metric === query.metric) &&
      (!query.slice || s.slice === query.slice) &&
      (!query.environment || s.environment === query.environment);
    const latest = (
      (await this.deps.store.latest([ref])).get(ref) ?? []
    ).filter(matches);
    const declared = (system.spec.monitoring ?? []).filter(
      m => !query.metric || m.metric === query.metric,
    );
    const daily =
      query.days === 90 || query.days * DAY_MS > this.deps.retentionMs;
    const raw = await this.deps.store.results(ref, {
      from,
      metric: query.metric,
      slice: query.slice,
      environment: query.environment,
    });
    const stored = daily
      ? await this.deps.store.daily(ref, {
          fromDay: from.toISOString().slice(0, 10),
          metric: query.metric,
          slice: query.slice,
          environment: query.environment,
        })
      : [];
    const seriesId = MonitoringStore.seriesId;
    const rawOf = groupBy(raw, r => seriesId(r));
    const dailyOf = groupBy(stored, d => seriesId(d));

    const pointsOf = (
      s: LatestWithSystem,
      declaration?: AISystemMonitoredMetric,
    ) => {
      const results = rawOf.get(seriesId(s)) ?? [];
      if (!daily) return results.map(pointOf);
      const verdict = declaration?.threshold ? 'inside' : 'no-threshold';
      const days = new Map<string, DailyAggregate>();
      for (const d of [
        ...(dailyOf.get(seriesId(s)) ?? []),
        ...rollUpDaily(results.filter(r => !isBreach(r.verdict))),
      ]) {
        const prior = days.get(d.day);
        days.set(d.day, prior ? mergeDailyAggregates(prior, d) : d);
      }
      return [
        ...[...days.values()].map(
          (d): MonitoringPoint => ({
            observedAt: d.lastObservedAt,
            value: d.last,
            verdict,
            threshold: null,
            aggregate: { min: d.min, max: d.max, mean: d.mean, count: d.count },
          }),
        ),
        ...results.filter(r => isBreach(r.verdict)).map(pointOf),
      ].sort((a, b) => (a.observedAt < b.observedAt ? -1 : 1));
    };

    const metrics = monitoringMetricStatuses(declared, latest, now).map(m => {
      const series = m.series
        .map(s => s as (typeof m.series)[number] & LatestWithSystem)
        .sort((a, b) =>
          `${a.slice}\n${a.environment}` < `${b.slice}\n${b.environment}`
            ? -1
            : 1,
        )
        .map(
          (s): MonitoringSeries => ({
            metric: s.metric,
            slice: s.slice,
            environment: s.environment,
            status: s.status,
            latest: pointOf(s),
            points: pointsOf(s, m.declaration),
          }),
        );
      return {
        metric: m.metric,
        declaration: m.declaration ?? null,
        status: m.status,
        series,
      };
    });
    return {
      aiSystemRef: ref,
      days: query.days,
      from: from.toISOString(),
      to: now.toISOString(),
      metrics,
    };
  }

  /**
   * The monitoring summary of each AI system (inventory rows, status card): the latest result
   * of every series and the recent values, in one query for all of them on PostgreSQL.
   */
  async summaries(
    systems: readonly AISystemEntityV1alpha1[],
    options: { sparklines?: boolean } = {},
  ): Promise<Map<string, MonitoringSummary>> {
    const out = new Map<string, MonitoringSummary>();
    if (!systems.length) return out;
    const now = this.now();
    const refs = systems.map(s => normalizeRef(entityRefOf(s)));
    // the inventory shows the status only: no sparklines, just the latest result per series
    const sparklines = options.sparklines ?? true;
    const { latest, recent } = sparklines
      ? await this.deps.store.latestAndRecent(refs, 30)
      : { latest: await this.deps.store.latest(refs), recent: undefined };
    systems.forEach((system, i) => {
      const metrics = monitoringMetricStatuses(
        system.spec.monitoring ?? [],
        latest.get(refs[i]) ?? [],
        now,
      );
      const summary: MonitoringSummary = {
        status: monitoringSummaryStatus(metrics),
        metrics: metrics.length,
        breached: metrics.filter(m => m.status === 'breached').length,
        stale: metrics.filter(m => m.status === 'stale').length,
      };
      if (!recent) {
        out.set(refs[i], summary);
        return;
      }
      out.set(refs[i], {
        ...summary,
        latest: metrics.map(m => {
          // slice all (the newest of its environments), else the first slice
          const shown = [...m.series].sort((a, b) => {
            if ((a.slice === 'all') !== (b.slice === 'all'))
              return a.slice === 'all' ? -1 : 1;
            if (a.slice !== b.slice) return a.slice < b.slice ? -1 : 1;
            return a.observedAt > b.observedAt ? -1 : 1;
          })[0] as ((typeof m.series)[number] & LatestWithSystem) | undefined;
          return {
            metric: m.metric,
            status: shown?.status ?? m.status,
            value: shown?.value ?? null,
            observedAt: shown?.observedAt ?? null,
            spark: shown
              ? (recent.get(MonitoringStore.seriesId(shown)) ?? []).slice(-30)
              : [],
          };
        }),
      });
    });
    return out;
  }

  /**
   * How monitored metrics of these AI systems stand now, for live SoA evidence
   * (`monitoring-metric`, id `metric` or `metric:slice`): the worst of that metric's series of
   * the slice across environments; no-data when none was ever reported.
   */
  async metricHealth(
    aiSystemRefs: readonly string[],
  ): Promise<MetricHealthLookup> {
    const refs = [...new Set(aiSystemRefs.map(normalizeRef))];
    if (!refs.length) return () => 'no-data';
    const now = this.now();
    const [latest, { items }] = await Promise.all([
      this.deps.store.latest(refs),
      this.deps.catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: ['kind', 'metadata', 'spec.monitoring'] },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      ),
    ]);
    const declared = new Map<string, AISystemMonitoredMetric[]>();
    items.forEach((e, i) => {
      if (e) declared.set(refs[i], (e.spec?.monitoring as any) ?? []);
    });
    return (aiSystemRef, metricId) => {
      const ref = normalizeRef(aiSystemRef);
      // a metric name has no colon; a slice may
      const colon = metricId.indexOf(':');
      const metric = colon < 0 ? metricId : metricId.slice(0, colon);
      const slice = colon < 0 ? 'all' : metricId.slice(colon + 1);
      const declaration = declared.get(ref)?.find(m => m.metric === metric);
      const series = (latest.get(ref) ?? []).filter(
        s => s.metric === metric && s.slice === slice,
      );
      if (!series.length) return 'no-data';
      return worstMonitoringStatus(
        series.map(s => monitoringSeriesStatus(s, declaration, now)),
      );
    };
  }
}

function groupBy<T>(items: readonly T[], key: (t: T) => string) {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item)) ?? [];
    list.push(item);
    map.set(key(item), list);
  }
  return map;
}
