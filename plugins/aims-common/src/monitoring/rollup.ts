/** One day of one series rolled up (min, max, mean, count, last): what long ranges read. */
export interface DailyAggregate {
  /** YYYY-MM-DD (UTC) */
  day: string;
  min: number;
  max: number;
  mean: number;
  count: number;
  /** The value observed last that day, and when. */
  last: number;
  lastObservedAt: string;
}

/**
 * Rolls raw results of one series into daily aggregates, oldest day first. Pure: the
 * retention job loads a series' old raw rows, writes these and deletes the raw rows — except
 * breached points, which stay raw so every breach remains visible and explainable.
 */
export function rollUpDaily(
  results: ReadonlyArray<{ value: number; observedAt: string | Date }>,
): DailyAggregate[] {
  const byDay = new Map<
    string,
    { values: number[]; last: number; lastAt: number }
  >();
  for (const r of results) {
    const at = new Date(r.observedAt).getTime();
    const day = new Date(at).toISOString().slice(0, 10);
    const entry = byDay.get(day);
    if (!entry) {
      byDay.set(day, { values: [r.value], last: r.value, lastAt: at });
      continue;
    }
    entry.values.push(r.value);
    if (at >= entry.lastAt) {
      entry.last = r.value;
      entry.lastAt = at;
    }
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, e]) => ({
      day,
      min: Math.min(...e.values),
      max: Math.max(...e.values),
      mean: e.values.reduce((sum, v) => sum + v, 0) / e.values.length,
      count: e.values.length,
      last: e.last,
      lastObservedAt: new Date(e.lastAt).toISOString(),
    }));
}

/** Merges aggregates of the same day (a roll-up that ran twice, or across replicas). */
export function mergeDailyAggregates(
  a: DailyAggregate,
  b: DailyAggregate,
): DailyAggregate {
  const count = a.count + b.count;
  const later = a.lastObservedAt >= b.lastObservedAt ? a : b;
  return {
    day: a.day,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
    mean: (a.mean * a.count + b.mean * b.count) / count,
    count,
    last: later.last,
    lastObservedAt: later.lastObservedAt,
  };
}
