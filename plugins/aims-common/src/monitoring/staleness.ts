/**
 * Whether a declared metric is stale: never reported, or its latest result is older than its
 * interval plus a grace (half the interval by default: a weekly job that runs a day late is
 * not yet stale, one that missed a whole run is).
 */
export function isStale(
  lastObservedAt: Date | undefined,
  intervalMs: number,
  now: Date,
  graceFraction = 0.5,
): boolean {
  if (!lastObservedAt) return true;
  return (
    now.getTime() - lastObservedAt.getTime() > intervalMs * (1 + graceFraction)
  );
}

/** When a metric reported at `lastObservedAt` turns stale. */
export function staleAfter(
  lastObservedAt: Date,
  intervalMs: number,
  graceFraction = 0.5,
): Date {
  return new Date(lastObservedAt.getTime() + intervalMs * (1 + graceFraction));
}
